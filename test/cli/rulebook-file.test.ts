// readRulebookFile, applyPatches, saveRulebookFile and writeUserSheet on .xlsx files and CSV folders.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { applyPatches, readRulebookFile, saveRulebookFile, writeUserSheet } from '../../cli/io/rulebook-file';
import type { Patch } from '../../core';
import { readXlsx, tempDir } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('an .xlsx reads as grids: dates, cached formula results, rich text, hyperlinks, errors, booleans, numbers', async () => {
  const file = path.join(dir, 'cells.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.getRow(1).values = ['date', 'formula', 'rich', 'link', 'error', 'bool', 'num', 'text'];
  ws.getCell('A2').value = new Date(Date.UTC(2026, 2, 1));
  ws.getCell('B2').value = { formula: '1+1', result: 2 };
  ws.getCell('C2').value = { richText: [{ text: 'Hello ', font: { bold: true } }, { text: 'world' }] };
  ws.getCell('D2').value = { text: 'docs', hyperlink: 'https://example.com' };
  ws.getCell('E2').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('F2').value = true;
  ws.getCell('G2').value = 42.5;
  ws.getCell('H2').value = '=not a formula';
  wb.addWorksheet('Second').getCell('A1').value = 'x';
  await wb.xlsx.writeFile(file);

  const book = await readRulebookFile(file);
  expect(book.kind).toBe('xlsx');
  expect(book.grids.map((g) => g.name)).toEqual(['Data', 'Second']);
  expect(book.grids[0].rows[1]).toEqual([
    new Date(Date.UTC(2026, 2, 1)),
    2,
    'Hello world',
    'docs',
    null,
    true,
    42.5,
    '=not a formula',
  ]);
});

test('{ text } cells and formula-like strings are saved as strings, never formulas', async () => {
  const file = path.join(dir, 'book.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Rules').getCell('A1').value = 'Rule ID';
  await wb.xlsx.writeFile(file);
  const book = await readRulebookFile(file);
  const patch: Patch = {
    kind: 'sheet',
    sheet: 'Results',
    rows: [['Name'], [{ text: '=HYPERLINK("http://evil","x")' }], ['+1+2'], [{ text: '@SUM(1)' }]],
    format: { headerRow: true },
    generated: true,
  };
  applyPatches(book, [patch]);
  await saveRulebookFile(book);
  const results = (await readXlsx(file)).getWorksheet('Results')!;
  for (const [addr, text] of [
    ['A2', '=HYPERLINK("http://evil","x")'],
    ['A3', '+1+2'],
    ['A4', '@SUM(1)'],
  ]) {
    const cell = results.getCell(addr);
    expect(cell.value).toBe(text);
    expect(cell.formula).toBeUndefined();
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  }
});

test('writeUserSheet replaces one sheet of an .xlsx and leaves the others untouched', async () => {
  const file = path.join(dir, 'book.xlsx');
  const wb = new ExcelJS.Workbook();
  const rules = wb.addWorksheet('Rules');
  rules.getCell('A1').value = 'Rule ID';
  rules.getCell('A1').font = { bold: true };
  rules.getCell('B2').value = { formula: 'A1&"x"', result: 'Rule IDx' };
  const res = wb.addWorksheet('resources');
  res.getCell('A1').value = 'old';
  res.getCell('A5').value = 'stale';
  await wb.xlsx.writeFile(file);

  await writeUserSheet(file, 'Resources', [
    ['Resource ID', 'Type'],
    ['logs', 'aws_s3_bucket'],
    ['=evil()', null],
  ]);
  const after = await readXlsx(file);
  expect(after.worksheets.map((w) => w.name)).toEqual(['Rules', 'resources']);
  const r = after.getWorksheet('resources')!;
  expect(r.getCell('A1').value).toBe('Resource ID');
  expect(r.getCell('A3').value).toBe('=evil()');
  expect(r.getCell('A3').formula).toBeUndefined();
  expect(r.getCell('A5').value).toBeNull();
  expect(after.getWorksheet('Rules')!.getCell('B2').formula).toBe('A1&"x"');
  expect(after.getWorksheet('Rules')!.getCell('A1').font?.bold).toBe(true);

  await writeUserSheet(file, 'Team', [['a']]);
  expect((await readXlsx(file)).worksheets.map((w) => w.name)).toEqual(['Rules', 'resources', 'Team']);
});

test('writeUserSheet on a folder writes one CSV, matching an existing file by name, and creates new ones', async () => {
  const book = path.join(dir, 'book');
  fs.mkdirSync(book);
  fs.writeFileSync(path.join(book, 'Rules.csv'), 'Rule ID\nS3-001\n');
  fs.writeFileSync(path.join(book, 'resources.csv'), 'old\n');
  await writeUserSheet(book, 'Resources', [
    ['Resource ID', 'Type'],
    ['logs', 'aws_s3_bucket'],
  ]);
  expect(fs.readdirSync(book).sort()).toEqual(['Rules.csv', 'resources.csv']);
  expect(fs.readFileSync(path.join(book, 'resources.csv'), 'utf8')).toBe(
    'Resource ID,Type\nlogs,aws_s3_bucket\n',
  );
  expect(fs.readFileSync(path.join(book, 'Rules.csv'), 'utf8')).toBe('Rule ID\nS3-001\n');
  await writeUserSheet(path.join(dir, 'new-book'), 'Resources', [['Resource ID']]);
  expect(fs.readdirSync(path.join(dir, 'new-book'))).toEqual(['Resources.csv']);
  await writeUserSheet(path.join(dir, 'new.xlsx'), 'Resources', [['Resource ID']]);
  expect((await readXlsx(path.join(dir, 'new.xlsx'))).worksheets.map((w) => w.name)).toEqual(['Resources']);
});

test('a CSV folder skips the hidden lists sheet and writes Rules with user cells verbatim', async () => {
  const book = path.join(dir, 'book');
  fs.mkdirSync(book);
  fs.writeFileSync(path.join(book, 'rules.csv'), 'Rule ID,Note\nS3-001,"=user text, kept"\n');
  const file = await readRulebookFile(book);
  applyPatches(file, [
    {
      kind: 'columns',
      sheet: 'Rules',
      columns: [{ col: 2, values: ['Status', { text: '=engine' }] }],
      format: {},
    },
    {
      kind: 'sheet',
      sheet: 'Rulesheet Lists',
      rows: [['Operator']],
      format: {},
      generated: true,
      hidden: true,
    },
  ]);
  await saveRulebookFile(file);
  expect(fs.readdirSync(book)).toEqual(['rules.csv']);
  expect(fs.readFileSync(path.join(book, 'rules.csv'), 'utf8')).toBe(
    'Rule ID,Note,Status\nS3-001,"=user text, kept",\'=engine\n',
  );
});
