// `--out` and `--report` never name an input: the rulebook, its CSV sheets or each other; a failed report says so.
import * as fs from 'fs';
import * as path from 'path';
import { cli, NOW, readXlsx, tempDir, writeCsvRulebook, writeXlsxRulebook } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-outputs-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every file under the temp dir with its bytes, to show that nothing was written. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isSymbolicLink()) out[path.relative(root, p)] = `-> ${fs.readlinkSync(p)}`;
      else out[path.relative(root, p)] = fs.readFileSync(p).toString('base64');
    }
  };
  walk(root);
  return out;
}

type Case = [string, 'xlsx' | 'csv', (d: string) => string[], RegExp];

const CASES: Case[] = [
  [
    '--report naming the workbook',
    'xlsx',
    (d) => ['--report', path.join(d, 'book.xlsx'), '--format', 'json'],
    /--report .*book\.xlsx: is the rulebook being read/,
  ],
  [
    '--report naming the workbook through a link',
    'xlsx',
    (d) => {
      fs.symlinkSync(path.join(d, 'book.xlsx'), path.join(d, 'alias.json'));
      return ['--report', path.join(d, 'alias.json')];
    },
    /is the rulebook being read/,
  ],
  [
    '--report naming the workbook through ..',
    'xlsx',
    (d) => ['--report', path.join(d, 'sub', '..', 'book.xlsx'), '--format', 'csv'],
    /is the rulebook being read/,
  ],
  [
    '--out naming the workbook',
    'xlsx',
    (d) => ['--out', path.join(d, 'book.xlsx')],
    /--out .*: is the rulebook being read; leave out --out/,
  ],
  [
    '--out and --report naming one file',
    'xlsx',
    (d) => ['--out', path.join(d, 'new.xlsx'), '--report', path.join(d, 'new.xlsx'), '--format', 'json'],
    /--report .*new\.xlsx: is also --out/,
  ],
  [
    '--report naming the Rules sheet',
    'csv',
    (d) => ['--report', path.join(d, 'book', 'Rules.csv')],
    /--report .*Rules\.csv: is a sheet of the rulebook/,
  ],
  [
    '--report naming a new .csv in the folder',
    'csv',
    (d) => ['--report', path.join(d, 'book', 'report.csv')],
    /is a sheet of the rulebook/,
  ],
  [
    '--report naming the folder',
    'csv',
    (d) => ['--report', path.join(d, 'book'), '--format', 'json'],
    /is the rulebook being read/,
  ],
  [
    '--out naming the folder',
    'csv',
    (d) => ['--out', path.join(d, 'book')],
    /--out .*: is the rulebook being read/,
  ],
  [
    '--report naming a sheet of the --out folder',
    'csv',
    (d) => ['--out', path.join(d, 'copy'), '--report', path.join(d, 'copy', 'Results.csv')],
    /inside the folder of CSV sheets being written/,
  ],
];

describe('rulesheet validate refuses an output that is an input', () => {
  it.each(CASES)('%s: exit 2, a clear message, nothing written', async (_what, kind, args, message) => {
    if (kind === 'xlsx') await writeXlsxRulebook(path.join(dir, 'book.xlsx'));
    else writeCsvRulebook(path.join(dir, 'book'));
    const book = path.join(dir, kind === 'xlsx' ? 'book.xlsx' : 'book');
    const extra = args(dir);
    const before = snapshot(dir);
    const run = await cli('validate', book, '--now', NOW, ...extra);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/nothing was written\n$/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    ['a .json report inside the CSV folder', (d: string) => path.join(d, 'book', 'report.json')],
    ['a .csv report outside the folder', (d: string) => path.join(d, 'report.csv')],
  ])('still writes %s', async (_what, report) => {
    const book = writeCsvRulebook(path.join(dir, 'book'));
    const run = await cli('validate', book, '--now', NOW, '--report', report(dir), '--quiet');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fs.existsSync(report(dir))).toBe(true);
  });
});

it('a report that fails after the workbook was written says so, naming both', async () => {
  const book = await writeXlsxRulebook(path.join(dir, 'book.xlsx'));
  fs.writeFileSync(path.join(dir, 'not-a-folder'), 'x');
  const report = path.join(dir, 'not-a-folder', 'report.json');
  const run = await cli('validate', book, '--now', NOW, '--report', report, '--quiet');
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(
    new RegExp(
      `^rulesheet: --report ${report.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the report was not written \\((EEXIST|ENOTDIR): [^)]*\\); the rulebook ${book.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was written\n$`,
    ),
  );
  expect((await readXlsx(book)).getWorksheet('Results')).toBeDefined();
});
