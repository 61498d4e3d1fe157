// `rulesheet validate <rulebook>`: read, check, write the generated sheets back, report, and set the CI exit code.
import * as fs from 'fs';
import * as path from 'path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { EXCEL_LIMITS, type Severity, validate } from '../../core';
import { gatherBytes } from '../io/chunk-bytes';
import { csvFileFor } from '../io/csv-folder';
import { firstLine, InputError } from '../io/input-error';
import { type OutputPath, outputClash } from '../io/output-paths';
import { Phases } from '../io/phases';
import { assertReplaceable, writeChunksSafely } from '../io/safe-write';
import { applyPatches, readRulebookFile, saveRulebookFile, type RulebookFile } from '../io/rulebook-file';
import type { CliIO, OutStream } from '../io/streams';
import { gatingEmptyRules, gatingResults, parseFailOn } from '../report/fail-on';
import { REPORT_FORMATS, REPORTS, type ReportContext, type ReportFormat } from '../report';
import { plural, summaryText } from '../report/summary';
import { packageVersion } from '../report/version';

export interface ValidateCommandOptions {
  out?: string;
  format?: ReportFormat;
  report?: string;
  failOn?: Severity | null;
  now?: Date;
  quiet?: boolean;
  /** false (`--no-write`): report only; the rulebook is read and checked, never written. */
  write?: boolean;
  /** With --format sarif: list at most this many results, the most severe. */
  maxResults?: number;
}

/** A report file's format from its extension, when --format is not given. */
const FORMAT_BY_EXTENSION: Record<string, ReportFormat> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.sarif': 'sarif',
  '.xml': 'junit',
  '.csv': 'csv',
  '.html': 'html',
  '.htm': 'html',
};

export function parseNow(text: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}/.test(text.trim()) ? new Date(text.trim()) : new Date(NaN);
  if (Number.isNaN(d.getTime()))
    throw new InvalidArgumentError('give an ISO date or time, e.g. 2026-03-01T09:00:00Z.');
  return d;
}

export function parseFailOnOption(text: string): Severity | null {
  const s = parseFailOn(text);
  if (s === undefined) throw new InvalidArgumentError('use critical, high, medium, low, info or none.');
  return s;
}

export function parseMaxResults(text: string): number {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError('give a whole number of results, 1 or more, e.g. 25000.');
  return n;
}

export function registerValidate(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  program
    .command('validate')
    .description('check every resource against every rule and write the results into the rulebook')
    .argument('<rulebook>', 'an .xlsx workbook or a folder of CSV files')
    .option('--out <path>', 'write the rulebook here instead of in place (.xlsx, or a folder for CSVs)')
    .option(
      '--no-write',
      'report only: check the rulebook without writing it (its bytes and time stay as they were)',
    )
    .addOption(new Option('--format <format>', 'also write a report in this format').choices(REPORT_FORMATS))
    .option('--report <file>', 'write the report to this file (default: standard output)')
    .option(
      '--fail-on <severity>',
      'exit 1 when a FAIL or ERROR at this severity or above remains: critical, high, medium, low, info, none (default: Settings "Fail On", else none)',
      parseFailOnOption,
    )
    .option(
      '--max-results <n>',
      'with --format sarif: list only the n most severe results (GitHub code scanning takes at most 25000)',
      parseMaxResults,
    )
    .option('--now <iso>', 'the time of the run (default: now)', parseNow)
    .option('--quiet', 'print nothing but errors')
    .action(async (rulebook: string, opts: ValidateCommandOptions) => {
      setExitCode(await runValidate(rulebook, opts, io));
    });
}

/** Runs validate; returns 0, 1 (something at or above the fail-on severity) or 2 (usage or unreadable input). */
export async function runValidate(
  rulebookPath: string,
  opts: ValidateCommandOptions,
  io: CliIO,
): Promise<number> {
  const format =
    opts.format ?? (opts.report ? FORMAT_BY_EXTENSION[path.extname(opts.report).toLowerCase()] : undefined);
  if (opts.report && !format) {
    io.stderr.write(`rulesheet: --report ${opts.report}: give --format (${REPORT_FORMATS.join(', ')})\n`);
    return 2;
  }
  if (opts.maxResults !== undefined && format !== 'sarif') {
    io.stderr.write(
      `rulesheet: --max-results applies to --format sarif only` +
        `${format ? `; the ${format} report lists every result` : ''}\n`,
    );
    return 2;
  }
  const writes = opts.write !== false;
  if (!writes && opts.out) {
    io.stderr.write(`rulesheet: --out ${opts.out} and --no-write: give one or the other\n`);
    return 2;
  }
  const isDir = fs.existsSync(rulebookPath) && fs.statSync(rulebookPath).isDirectory();
  if (opts.out && !isDir && !/\.xlsx$/i.test(opts.out)) {
    io.stderr.write(`rulesheet: --out ${opts.out}: an .xlsx rulebook can only be written to an .xlsx file\n`);
    return 2;
  }
  const outputs: OutputPath[] = [];
  if (opts.out) outputs.push({ option: '--out', path: opts.out, folder: !/\.xlsx$/i.test(opts.out) });
  if (opts.report) outputs.push({ option: '--report', path: opts.report });
  const clash = outputClash(rulebookPath, outputs);
  if (clash) {
    io.stderr.write(`rulesheet: ${clash}; nothing was written\n`);
    return 2;
  }
  const written = opts.out ?? rulebookPath;
  const phases = new Phases(io.stderr, !opts.quiet);
  try {
    // A file that will be refused is refused now, before anything is written.
    if (writes && /\.xlsx$/i.test(written)) assertReplaceable(written);
    if (opts.report) assertReplaceable(opts.report);
    phases.enter('reading');
    const file = await readRulebookFile(rulebookPath, {
      engineSheetsAsValues: true,
      keepResourcesSheets: true,
    });
    phases.enter('checking');
    const output = validate(file.grids, { now: opts.now ?? new Date(), limits: EXCEL_LIMITS });
    phases.enter('writing');
    // A workbook with charts is not rewritten in place (ExcelJS would drop them): with --report, only the report is written.
    const chartsKept = Boolean(writes && file.charts?.length && !opts.out && opts.report);
    if (chartsKept)
      io.stderr.write(`rulesheet: ${rulebookPath} was not rewritten: it has charts Rulesheet cannot keep\n`);
    const rewrite = writes && !chartsKept;
    if (rewrite) {
      applyPatches(file, output.patches);
      const warnings = await saveRulebookFile(file, opts.out);
      for (const w of warnings) io.stderr.write(`rulesheet: warning: ${w}\n`);
      if (file.charts?.length) {
        io.stderr.write(
          `rulesheet: warning: ${written} has no charts: Rulesheet cannot copy those of ${rulebookPath}\n`,
        );
      }
    }
    if (format && opts.report) {
      writeReport(
        opts.report,
        REPORTS[format](output, reportContext(file, opts.maxResults)),
        rewrite ? written : undefined,
      );
    }
    phases.stop();

    const failOn = opts.failOn === undefined ? output.rulebook.settings.failOn : (opts.failOn ?? undefined);
    const gating = failOn ? gatingResults(output.results, failOn) : [];
    const empty = failOn ? gatingEmptyRules(output, failOn) : [];
    // With a report on standard output, the human summary moves to standard error so pipes stay clean.
    const toStdout = Boolean(format && !opts.report);
    const say = (text: string) => (toStdout ? io.stderr : io.stdout).write(`${text}\n`);
    if (format && toStdout)
      writeChunks(io.stdout, REPORTS[format](output, reportContext(file, opts.maxResults)));
    if (!opts.quiet) {
      say(summaryText(output));
      if (rewrite) say(`Wrote ${written}${opts.report ? ` and ${opts.report}` : ''}.`);
      else if (chartsKept) say(`Wrote ${opts.report}.`);
      else say(`${opts.report ? `Wrote ${opts.report}; ` : ''}${rulebookPath} was not written (--no-write).`);
      const open = openCount(output);
      if (opts.maxResults !== undefined && open > opts.maxResults)
        say(
          `The SARIF report lists the ${opts.maxResults.toLocaleString('en-US')} most severe of ` +
            `${open.toLocaleString('en-US')} FAIL, ERROR and WAIVED results (--max-results).`,
        );
      if (failOn) {
        say(
          gating.length
            ? `Fail on ${failOn}: ${plural(gating.length, 'check')} at ${failOn} or above failed.`
            : `Fail on ${failOn}: nothing at ${failOn} or above failed.`,
        );
        if (empty.length) {
          const ids = empty.map((r) => r.id).join(', ');
          say(
            `Fail on ${failOn}: ${plural(empty.length, 'rule')} at ${failOn} or above checked nothing (${ids}); fix them or disable them.`,
          );
        }
      }
    }
    return gating.length || empty.length ? 1 : 0;
  } catch (err) {
    phases.stop();
    if (err instanceof InputError) {
      io.stderr.write(`rulesheet: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/** A pipe gets a few large writes, never one string of the whole report. */
function writeChunks(out: OutStream, chunks: Iterable<string>): void {
  // The bytes are copied into a string: the stream may keep it until the pipe drains, and the buffer is reused.
  gatherBytes(chunks, (bytes) => out.write(bytes.toString('utf8')));
}

/** Writes the report after the rulebook: a failure says whether the rulebook was written all the same. */
function writeReport(file: string, chunks: Iterable<string>, rulebook: string | undefined): void {
  try {
    writeChunksSafely(file, chunks);
  } catch (err) {
    // Node's file errors may come from another realm (a test runner's), so `message` is read, not `instanceof`.
    const message = (err as { message?: unknown } | undefined)?.message;
    const reason =
      err instanceof InputError
        ? err.message.replace(`${file}: `, '')
        : firstLine(typeof message === 'string' ? message : err);
    throw new InputError(
      `--report ${file}: the report was not written (${reason}); ` +
        (rulebook ? `the rulebook ${rulebook} was written` : 'the rulebook was not written (--no-write)'),
      file,
    );
  }
}

/** The FAIL, ERROR and WAIVED results: those a SARIF report lists. */
function openCount(output: ReturnType<typeof validate>): number {
  const c = output.results.counts;
  return c.failing + c.errors + c.waived;
}

function reportContext(file: RulebookFile, maxResults?: number): ReportContext {
  return {
    maxResults,
    rulebookPath: file.path,
    version: packageVersion(),
    fileOf: (sheet) =>
      file.kind === 'xlsx' ? file.path : path.join(file.path, csvFileFor(file.path, sheet) ?? `${sheet}.csv`),
  };
}
