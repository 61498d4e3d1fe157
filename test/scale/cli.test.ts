// 200,000 non-passing results through the CLI: every report format (report only), the CSV folder written back,
// and an .xlsx rulebook read and written, none overflowing the stack or V8's longest string.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { cli, tempDir } from '../cli/helpers/rulebook';
import { failingRulebook, SCALE_NOW } from './rulebook';

jest.setTimeout(900_000);

const RESULTS = 200_000;
const NOW = SCALE_NOW.toISOString();

let dir: string;
let book: string;
beforeAll(() => {
  dir = tempDir('rulesheet-scale-');
  book = path.join(dir, 'book');
  fs.mkdirSync(book);
  for (const grid of failingRulebook()) {
    const rows = grid.rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
    fs.writeFileSync(path.join(book, `${grid.name}.csv`), stringify(rows, { record_delimiter: '\n' }));
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const COUNT_RESULTS = `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], read_only=True)["Results"]
print(sum(1 for (v,) in ws.iter_rows(min_col=1, max_col=1, values_only=True) if isinstance(v, str) and v.startswith("BIG-")))
`;

const count = (text: string, needle: string) => text.split(needle).length - 1;

// [format, how many results the file holds]
const FORMATS: [string, (text: string) => number][] = [
  ['json', (t) => JSON.parse(t).results.length],
  ['jsonl', (t) => t.split('\n').filter((l) => l.startsWith('{"type":"result"')).length],
  ['sarif', (t) => JSON.parse(t).runs[0].results.length],
  ['junit', (t) => count(t, '<failure ')],
  ['csv', (t) => t.split('\n').filter((l) => l.startsWith('BIG-')).length],
  ['html', (t) => count(t, '>FAIL</td>')],
];

describe.each(FORMATS)('--format %s --no-write', (format, results) => {
  it(`holds all ${RESULTS.toLocaleString('en-US')} results`, async () => {
    const report = path.join(dir, `report.${format}`);
    const r = await cli(
      'validate',
      book,
      '--no-write',
      '--now',
      NOW,
      '--format',
      format,
      '--report',
      report,
      '--quiet',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = fs.readFileSync(report, 'utf8');
    fs.rmSync(report);
    expect(results(text)).toBe(RESULTS);
  });
});

test('the CSV folder is written back with every Results row', async () => {
  const out = path.join(dir, 'out');
  const r = await cli('validate', book, '--out', out, '--now', NOW, '--quiet');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const lines = fs.readFileSync(path.join(out, 'Results.csv'), 'utf8').split('\n');
  expect(lines.filter((l) => l.startsWith('BIG-')).length).toBe(RESULTS);
});

test('an .xlsx rulebook is read and written with every Results row (openpyxl reads it back)', async () => {
  const xlsx = path.join(dir, 'book.xlsx');
  const wb = new ExcelJS.Workbook();
  for (const grid of failingRulebook()) wb.addWorksheet(grid.name).addRows(grid.rows);
  await wb.xlsx.writeFile(xlsx);
  // A child process with the heap bin/rulesheet gives itself.
  const run = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=4096',
      '-r',
      'ts-node/register/transpile-only',
      'cli/main.ts',
      'validate',
      xlsx,
      '--now',
      NOW,
      '--quiet',
    ],
    {
      cwd: path.join(__dirname, '..', '..'),
      encoding: 'utf8',
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' },
    },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  // openpyxl, a reader independent of ExcelJS, loads the whole file and counts the Results rows.
  const read = spawnSync('/usr/bin/python3', ['-c', COUNT_RESULTS, xlsx], { encoding: 'utf8' });
  expect(read.stderr).toBe('');
  expect(read.stdout.trim()).toBe(String(RESULTS));
});
