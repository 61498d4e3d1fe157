// The CLI end to end at one size: CSV in and out, .xlsx in and out (plain, re-run in place, and with Resources as an
// Excel table), and report only (--no-write), each in its own process with its wall time and peak RSS.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { generateWorkbook, type BenchSize } from './generate';
import { writeTabledCopy } from './tabled-book';

export const CLI_E2E_SIZE: BenchSize = {
  rules: 200,
  resources: 10_000,
  types: 10,
  seed: 42,
  workload: 'distinct',
};
export const CLI_E2E_LARGE: BenchSize = {
  rules: 500,
  resources: 50_000,
  types: 10,
  seed: 42,
  workload: 'distinct',
};
/** Reports only, where a workbook is no longer the point: 10,000,000 checks. */
export const CLI_REPORTS_SIZE: BenchSize = {
  rules: 500,
  resources: 200_000,
  types: 10,
  seed: 42,
  workload: 'distinct',
};

export interface CliRun {
  what: string;
  seconds: number;
  peakRssMB: number;
  exitCode: number;
}

// The child: runs the compiled CLI in-process and reports its own time and peak RSS on its last stderr line.
const CHILD = `
const { run } = require(process.argv[1]);
const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
const start = process.hrtime.bigint();
run(process.argv.slice(2), quiet).then((code) => {
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stderr.write(JSON.stringify({ seconds, peakRssMB: process.resourceUsage().maxRSS / 1024, code }) + '\\n');
});`;

const ROOT = path.join(__dirname, '..');
let built: string | undefined;

/**
 * The CLI as bin/rulesheet runs it: compiled (`npm run build:cli`, into build/), built afresh once a bench so it
 * is this source. Run through ts-node instead, the transpiler's heap made a re-run in place take 14 s in some
 * processes and 23–29 s in others, by garbage collection alone.
 */
function compiledCli(): string {
  if (built) return built;
  const tsc = require.resolve('typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0)
    throw new Error(`building the CLI failed: ${(build.stdout + build.stderr).slice(-500)}`);
  return (built = path.join(ROOT, 'build', 'cli', 'main.js'));
}

/** One CLI run in a child process of its own, with the heap bin/rulesheet gives itself. */
export function runCli(what: string, args: string[]): CliRun {
  // The heap bin/rulesheet gives itself.
  const node = ['--max-old-space-size=4096', '-e', CHILD, compiledCli()];
  const child = spawnSync(process.execPath, [...node, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = child.stderr
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (!last) throw new Error(`the CLI run (${what}) did not report: ${child.stderr.slice(-500)}`);
  const got = JSON.parse(last) as { seconds: number; peakRssMB: number; code: number };
  return { what, seconds: got.seconds, peakRssMB: got.peakRssMB, exitCode: got.code };
}

/** The run's clock and exit policy for every timed CLI run: a fixed day, never failing on results. */
const RUN_AT = ['--now', '2026-01-15T09:00:00Z', '--fail-on', 'none'];

/** `rulesheet validate` on an .xlsx, saved as `out.xlsx` in `dir`: the run the CLI ratio is judged on. */
export function runXlsxInAndOut(xlsx: string, dir: string): CliRun {
  return runCli('.xlsx in and out', ['validate', xlsx, '--out', path.join(dir, 'out.xlsx'), ...RUN_AT]);
}

/** The generated rulebook as a CSV folder (`book/`) and, unless `csvOnly`, as `book.xlsx`, in `dir`. */
async function writeRulebook(
  size: BenchSize,
  dir: string,
  csvOnly = false,
): Promise<{ folder: string; xlsx: string; resources: { headers: string[]; rows: number } }> {
  const grids = generateWorkbook(size);
  const folder = path.join(dir, 'book');
  fs.mkdirSync(folder);
  const xlsx = path.join(dir, 'book.xlsx');
  const workbook = new ExcelJS.Workbook();
  for (const grid of grids) {
    const rows = grid.rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
    fs.writeFileSync(path.join(folder, `${grid.name}.csv`), stringify(rows, { record_delimiter: '\n' }));
    if (!csvOnly) workbook.addWorksheet(grid.name).addRows(grid.rows);
  }
  if (!csvOnly) await workbook.xlsx.writeFile(xlsx);
  const sheet = grids.find((g) => g.name === 'Resources')?.rows ?? [];
  const resources = { headers: (sheet[0] ?? []).map((h) => String(h)), rows: Math.max(0, sheet.length - 1) };
  return { folder, xlsx, resources };
}

/** Every report format from a CSV folder without writing the rulebook (`--no-write`), each in its own process. */
export async function benchCliReports(size: BenchSize = CLI_REPORTS_SIZE): Promise<CliRun[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-cli-reports-'));
  try {
    const { folder } = await writeRulebook(size, dir, true);
    const common = [...RUN_AT, '--no-write'];
    return (['json', 'jsonl', 'sarif', 'junit', 'csv', 'html'] as const).map((format) =>
      runCli(`report only, ${format} (CSV in, --no-write)`, [
        'validate',
        folder,
        '--format',
        format,
        '--report',
        path.join(dir, `out.${format}`),
        ...common,
      ]),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The .xlsx run of the CLI ratio and the whole validate() timed just before it, round by round. */
export interface CliTurns {
  runs: CliRun[];
  validateSeconds: number[];
}

/**
 * `rulesheet validate` on the .xlsx at `size`, `rounds` times, each run right after `validateOnce` (the whole
 * validate() timed in a process of its own): the two sides of the ratio come from the same minutes, so a change in
 * the machine's speed falls on both, as the engines take turns (run.ts).
 */
export async function benchCliXlsxInTurns(
  size: BenchSize,
  rounds: number,
  validateOnce: () => Promise<number | undefined>,
): Promise<CliTurns> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-cli-turns-'));
  try {
    const { xlsx } = await writeRulebook(size, dir);
    const turns: CliTurns = { runs: [], validateSeconds: [] };
    for (let round = 0; round < rounds; round++) {
      const seconds = await validateOnce();
      if (seconds !== undefined) turns.validateSeconds.push(seconds);
      turns.runs.push(runXlsxInAndOut(xlsx, dir));
    }
    return turns;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCliEndToEnd(size: BenchSize = CLI_E2E_SIZE): Promise<CliRun[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-cli-e2e-'));
  try {
    const { folder, xlsx, resources } = await writeRulebook(size, dir);
    const tabled = path.join(dir, 'book-table.xlsx');
    await writeTabledCopy(xlsx, tabled, 'Resources', resources.headers, resources.rows);
    return [
      runCli('CSV in and out', ['validate', folder, '--out', path.join(dir, 'out'), ...RUN_AT]),
      runXlsxInAndOut(xlsx, dir),
      // The next day's run over the workbook the last one wrote: its Results are read back for tracking.
      runCli('.xlsx re-run in place, a day later (its own Results read back)', [
        'validate',
        path.join(dir, 'out.xlsx'),
        '--now',
        '2026-01-16T09:00:00Z',
        '--fail-on',
        'none',
      ]),
      runCli('.xlsx (Resources as an Excel table) in and out', [
        'validate',
        tabled,
        '--out',
        path.join(dir, 'out-table.xlsx'),
        ...RUN_AT,
      ]),
      runCli('report only (.xlsx in, SARIF out, --no-write)', [
        'validate',
        xlsx,
        '--no-write',
        '--format',
        'sarif',
        '--report',
        path.join(dir, 'out.sarif'),
        ...RUN_AT,
      ]),
      runCli('report only (CSV in, JSON out, --no-write)', [
        'validate',
        folder,
        '--no-write',
        '--format',
        'json',
        '--report',
        path.join(dir, 'out.json'),
        ...RUN_AT,
      ]),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function cliRunLines(size: BenchSize, runs: CliRun[]): string[] {
  const head = `cli end to end, ${size.resources.toLocaleString('en-US')} resources × ${size.rules} rules:`;
  return [
    head,
    ...runs.map(
      (r) =>
        `  ${r.what}: ${r.seconds.toFixed(2)} s, peak RSS ${r.peakRssMB.toFixed(0)} MB${r.exitCode === 0 ? '' : `, exit ${r.exitCode}`}`,
    ),
  ];
}

if (require.main === module) {
  if (process.argv.includes('--reports'))
    benchCliReports().then((runs) => console.log(cliRunLines(CLI_REPORTS_SIZE, runs).join('\n')));
  else {
    const size = process.argv.includes('--large') ? CLI_E2E_LARGE : CLI_E2E_SIZE;
    benchCliEndToEnd(size).then((runs) => console.log(cliRunLines(size, runs).join('\n')));
  }
}
