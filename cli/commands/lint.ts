// `rulesheet lint <rulebook>`: list the rulebook's problems without writing anything; exit 1 on any error.
import type { Command } from 'commander';
import { EXCEL_LIMITS, formatProblem, validate, type Problem } from '../../core';
import { InputError } from '../io/input-error';
import { readRulebookFile } from '../io/rulebook-file';
import type { CliIO } from '../io/streams';
import { COVERAGE_CODES } from '../report/fail-on';
import { inSheetOrder } from '../report/order';
import { plural } from '../report/summary';
import { parseNow } from './validate';

export interface LintCommandOptions {
  now?: Date;
  quiet?: boolean;
}

export function registerLint(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  program
    .command('lint')
    .description(
      'list problems in the rulebook (unknown operators, missing columns, bad dates…) without writing anything',
    )
    .argument('<rulebook>', 'an .xlsx workbook or a folder of CSV files')
    .option('--now <iso>', 'the time used for date checks (default: now)', parseNow)
    .option('--quiet', 'print only error-severity problems')
    .action(async (rulebook: string, opts: LintCommandOptions) => {
      setExitCode(await runLint(rulebook, opts, io));
    });
}

/** 0 when there is no error-severity or coverage problem (other warnings allowed), 1 when there is, 2 when the input is unreadable. */
export async function runLint(rulebookPath: string, opts: LintCommandOptions, io: CliIO): Promise<number> {
  let file;
  try {
    file = await readRulebookFile(rulebookPath);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    io.stderr.write(`rulesheet: ${err.message}\n`);
    return 2;
  }
  const { problems } = validate(file.grids, { now: opts.now ?? new Date(), limits: EXCEL_LIMITS });
  // A rule that checks nothing is as bad as a broken one: lint fails on it as validate's --fail-on does.
  const isError = (p: Problem) => p.severity === 'error' || COVERAGE_CODES.has(p.code);
  const errors = problems.filter(isError);
  const ordered = inSheetOrder(
    problems,
    file.grids.map((g) => g.name),
  );
  for (const p of ordered) {
    if (opts.quiet && !isError(p)) continue;
    io.stdout.write(`${isError(p) ? 'error  ' : 'warning'} ${formatProblem(p)}\n`);
  }
  if (!opts.quiet) {
    const warnings = problems.length - errors.length;
    io.stdout.write(
      problems.length
        ? `${plural(errors.length, 'error')}, ${plural(warnings, 'warning')} in ${rulebookPath}.\n`
        : `No problems in ${rulebookPath}.\n`,
    );
  }
  return errors.length ? 1 : 0;
}
