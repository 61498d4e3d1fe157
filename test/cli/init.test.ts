// `rulesheet init`: every sheet with its headers and a working example row, dropdowns in the .xlsx, never an overwrite.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runInit } from '../../cli/commands/init';
import { readRulebookFile } from '../../cli/io/rulebook-file';
import { OPERATOR_NAMES, validate } from '../../core';

const NOW = new Date('2026-03-01T09:00:00Z');
const SHEETS = ['Rules', 'Resources', 'Exceptions', 'Owners', 'Settings'];
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-init-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const quiet = { log: () => {}, err: [] as string[] };
const run = (target: string) => runInit(target, NOW, quiet.log, (l) => quiet.err.push(l));

test('a folder gets one CSV a sheet with the headers of the contract', async () => {
  const target = path.join(dir, 'book');
  expect(await run(target)).toBe(0);
  expect(fs.readdirSync(target).sort()).toEqual(SHEETS.map((s) => `${s}.csv`).sort());
  const { grids } = await readRulebookFile(target);
  const header = (name: string) => grids.find((g) => g.name === name)!.rows[0];
  expect(header('Rules')).toEqual([
    'Rule ID',
    'Title',
    'Resource Type',
    'Field',
    'Operator',
    'Expected',
    'Match',
    'Condition',
    'Applies When',
    'Business Unit',
    'Severity',
    'Owner',
    'Framework',
    'Remediation',
    'Enabled',
  ]);
  expect(header('Exceptions')).toEqual([
    'Rule ID',
    'Resource ID',
    'Reason',
    'Approved By',
    'Expires',
    'Ticket',
  ]);
  expect(header('Owners')).toEqual(['Owner', 'Email', 'Business Unit', 'Default for Business Unit']);
  expect(header('Settings')).toEqual(['Key', 'Value']);
  expect(header('Resources').slice(0, 6)).toEqual([
    'Resource ID',
    'Type',
    'Name',
    'Owner',
    'Business Unit',
    'Environment',
  ]);
});

test('the .xlsx has every sheet, frozen headers, dropdowns from the hidden lists sheet', async () => {
  const target = path.join(dir, 'book.xlsx');
  expect(await run(target)).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(target);
  expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEETS, 'Rulesheet Lists']);
  const lists = wb.getWorksheet('Rulesheet Lists')!;
  expect(lists.state).toBe('hidden');
  expect(lists.getColumn(1).values.slice(2)).toEqual([...OPERATOR_NAMES]);
  const rules = wb.getWorksheet('Rules')!;
  expect(rules.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(rules.getColumn(2).width).toBe(40);
  const operator = rules.getCell('E2').dataValidation;
  expect(operator).toMatchObject({ type: 'list' });
  expect(operator.formulae![0]).toMatch(/^'Rulesheet Lists'!\$A\$2:\$A\$\d+$/);
  expect(rules.getCell('K500').dataValidation.formulae![0]).toMatch(/^'Rulesheet Lists'!\$B\$2/);
  expect(rules.getCell('G2').dataValidation.type).toBe('list');
  expect(rules.getCell('O2').dataValidation.type).toBe('list');
});

test('refuses an existing file or a non-empty folder, touching nothing', async () => {
  const file = path.join(dir, 'book.xlsx');
  fs.writeFileSync(file, 'mine');
  expect(await run(file)).toBe(2);
  expect(fs.readFileSync(file, 'utf8')).toBe('mine');
  expect(quiet.err.pop()).toMatch(/book\.xlsx: already exists; rulesheet init never overwrites/);
  fs.mkdirSync(path.join(dir, 'folder'));
  fs.writeFileSync(path.join(dir, 'folder', 'notes.txt'), 'x');
  expect(await run(path.join(dir, 'folder'))).toBe(2);
  expect(quiet.err.pop()).toMatch(/the folder is not empty/);
  fs.mkdirSync(path.join(dir, 'empty'));
  expect(await run(path.join(dir, 'empty'))).toBe(0);
});

test('Validate on the starter rulebook: the example rule passes with no error problems', async () => {
  const target = path.join(dir, 'book.xlsx');
  await run(target);
  const { grids } = await readRulebookFile(target);
  const out = validate(grids, { now: NOW });
  expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(out.results.toArray().map((r) => `${r.rule.id} ${r.resource?.id} ${r.status}`)).toEqual([
    'S3-001 acme-invoices PASS',
  ]);
});

describe('init --pack', () => {
  it('adds the pack rules after the example rule', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rs-init-pack-')), 'book');
    const code = await runInit(
      dir,
      new Date('2026-11-28T00:00:00Z'),
      () => {},
      () => {},
      ['aws-foundations'],
    );
    expect(code).toBe(0);
    const rules = fs.readFileSync(path.join(dir, 'Rules.csv'), 'utf8');
    expect(rules.split('\n').filter((l) => l.trim() !== '').length).toBeGreaterThan(10);
    expect(rules).toMatch(/CIS/);
  });
  it('refuses an unknown pack with exit 2', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rs-init-pack-')), 'book');
    const errors: string[] = [];
    const code = await runInit(
      dir,
      new Date(),
      () => {},
      (l) => errors.push(l),
      ['aws-foundation'],
    );
    expect(code).toBe(2);
    expect(errors[0]).toMatch(/Unknown rule pack 'aws-foundation'/);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
