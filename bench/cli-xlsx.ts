// End to end: `rulesheet validate` on an .xlsx of the benchmark rulebook, timed in its own process with its peak memory.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { generateWorkbook, type BenchSize } from './generate';

export const CLI_SIZE: BenchSize = { rules: 500, resources: 50_000, types: 10, seed: 42 };

export interface CliFigures {
  rules: number;
  resources: number;
  seconds: number;
  peakRssMB: number;
  exitCode: number;
}

// The child: runs the CLI in-process and reports its own time and peak RSS on its last stderr line.
const CHILD = `
const { run } = require(process.argv[1]);
const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
const start = process.hrtime.bigint();
run(process.argv.slice(2), quiet).then((code) => {
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stderr.write(JSON.stringify({ seconds, peakRssMB: process.resourceUsage().maxRSS / 1024, code }) + '\\n');
});`;

export async function benchCliXlsx(size: BenchSize = CLI_SIZE): Promise<CliFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-cli-bench-'));
  try {
    const book = path.join(dir, 'rulebook.xlsx');
    const workbook = new ExcelJS.Workbook();
    for (const grid of generateWorkbook(size)) {
      const sheet = workbook.addWorksheet(grid.name);
      for (const row of grid.rows) sheet.addRow(row);
    }
    await workbook.xlsx.writeFile(book);
    const main = path.join(__dirname, '..', 'cli', 'main.ts');
    const args = [
      'validate',
      book,
      '--out',
      path.join(dir, 'out.xlsx'),
      '--now',
      '2026-01-15T09:00:00Z',
      '--fail-on',
      'none',
    ];
    // ExcelJS holds the whole workbook as objects: a Results sheet of hundreds of thousands of rows needs more
    // than Node's default heap.
    const node = ['--max-old-space-size=12288', '-r', 'ts-node/register/transpile-only', '-e', CHILD, main];
    const child = spawnSync(process.execPath, [...node, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const last = child.stderr
      .trim()
      .split('\n')
      .reverse()
      .find((l) => l.startsWith('{'));
    if (!last) throw new Error(`the CLI run did not report: ${child.stderr.slice(-500)}`);
    const got = JSON.parse(last) as { seconds: number; peakRssMB: number; code: number };
    return {
      rules: size.rules,
      resources: size.resources,
      seconds: got.seconds,
      peakRssMB: got.peakRssMB,
      exitCode: got.code,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function cliLine(f: CliFigures): string {
  return (
    `cli end to end: rulesheet validate on an .xlsx of ${f.resources.toLocaleString('en-US')} resources × ${f.rules} rules ` +
    `(read, validate, write the workbook): ${f.seconds.toFixed(2)} s, peak RSS ${f.peakRssMB.toFixed(0)} MB, exit ${f.exitCode}`
  );
}

if (require.main === module) {
  const resources = Number(process.argv[process.argv.indexOf('--resources') + 1]) || CLI_SIZE.resources;
  const rules = Number(process.argv[process.argv.indexOf('--rules') + 1]) || CLI_SIZE.rules;
  benchCliXlsx({ ...CLI_SIZE, resources, rules }).then((f) => console.log(cliLine(f)));
}
