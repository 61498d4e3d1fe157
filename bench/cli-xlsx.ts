// End to end: `rulesheet validate` on an .xlsx of the benchmark rulebook, timed in its own process with its peak memory.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runXlsxInAndOut } from './cli-end-to-end';
import { generateWorkbook, type BenchSize } from './generate';

export const CLI_SIZE: BenchSize = { rules: 500, resources: 50_000, types: 10, seed: 42 };

export interface CliFigures {
  rules: number;
  resources: number;
  seconds: number;
  peakRssMB: number;
  exitCode: number;
}

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
    const got = runXlsxInAndOut(book, dir);
    return {
      rules: size.rules,
      resources: size.resources,
      seconds: got.seconds,
      peakRssMB: got.peakRssMB,
      exitCode: got.exitCode,
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
