// Import into an .xlsx writes only the rows it owns: every other cell of Resources (formulas, links, errors, styles) stays, and imported text stays text.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runImport } from '../../cli/commands/import';
import { makeOpenpyxlRulebook, openpyxlSnapshot } from './helpers/openpyxl-workbooks';
import { readXlsx, tempDir } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADER = ['Resource ID', 'Type', 'Name', 'Owner', 'versioning.status', 'account', 'Notes'];

/** A Resources sheet as a team keeps it: a formula per row, a link, an error cell, a filled cell, a row the import does not own. */
async function teamRulebook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Rules').addRow([
    'Rule ID',
    'Title',
    'Resource Type',
    'Field',
    'Operator',
    'Expected',
    'Severity',
  ]);
  const ws = wb.addWorksheet('Resources');
  ws.addRow(HEADER);
  ws.addRow(['logs', 'aws_s3_bucket', 'Logs', 'alice', 'Enabled', '000111222333', null]);
  ws.addRow(['data', 'aws_s3_bucket', 'Data', 'bob', 'Suspended', '000111222333', null]);
  ws.getCell('G2').value = { formula: 'LEN(A2)', result: 4 };
  ws.getCell('G3').value = { formula: 'LEN(A3)', result: 4 };
  ws.getCell('C3').value = { text: 'Data', hyperlink: 'https://wiki.example.com/data' };
  ws.getCell('D3').value = { error: '#N/A' };
  ws.getCell('E2').value = { formula: 'IF(TRUE,"Enabled","")', result: 'Enabled' };
  ws.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  await wb.xlsx.writeFile(file);
}

async function importCsv(file: string, csv: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const input = path.join(dir, 'inventory.csv');
  fs.writeFileSync(input, csv);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(
    'csv',
    [input],
    { into: file },
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

test('a replaced row and an added row are written; the other row keeps its formula, link, error and fill', async () => {
  const file = path.join(dir, 'book.xlsx');
  await teamRulebook(file);
  const r = await importCsv(
    file,
    'Resource ID,Type,versioning.status,account\nlogs,aws_s3_bucket,Suspended,012345678901\nnew,aws_s3_bucket,1.10,50%\n',
  );
  expect(r).toMatchObject({ code: 0, err: [] });
  expect(r.out[0]).toContain('1 added, 1 replaced');
  const ws = (await readXlsx(file)).getWorksheet('Resources')!;
  // The row the import does not own: every cell as it was.
  expect(ws.getCell('G3').formula).toBe('LEN(A3)');
  expect(ws.getCell('C3').value).toEqual({ text: 'Data', hyperlink: 'https://wiki.example.com/data' });
  expect(ws.getCell('D3').value).toEqual({ error: '#N/A' });
  expect(ws.getCell('A3').fill).toMatchObject({ fgColor: { argb: 'FFFFFF00' } });
  expect(ws.getCell('E3').value).toBe('Suspended');
  // The owned row: imported columns updated, the user's formula in a column the import does not write kept.
  expect(ws.getCell('E2').value).toBe('Suspended');
  expect(ws.getCell('F2').value).toBe('012345678901');
  expect(ws.getCell('G2').formula).toBe('LEN(A2)');
  expect(ws.getCell('C2').value).toBe('Logs');
  // The new row: imported text stays text.
  expect(ws.getRow(4).values).toEqual([
    undefined,
    'new',
    'aws_s3_bucket',
    undefined,
    undefined,
    '1.10',
    '50%',
  ]);
  expect(typeof ws.getCell('E4').value).toBe('string');
});

test('an unchanged imported value leaves the user formula that yields it', async () => {
  const file = path.join(dir, 'book.xlsx');
  await teamRulebook(file);
  const r = await importCsv(file, 'Resource ID,Type,versioning.status\nlogs,aws_s3_bucket,Enabled\n');
  expect(r.code).toBe(0);
  const ws = (await readXlsx(file)).getWorksheet('Resources')!;
  expect(ws.getCell('E2').formula).toBe('IF(TRUE,"Enabled","")');
});

test('import into a workbook openpyxl made, with notes on its sheets, loads, appends, and keeps the notes', async () => {
  const file = path.join(dir, 'openpyxl.xlsx');
  makeOpenpyxlRulebook(file, { chart: false });
  const r = await importCsv(file, 'Resource ID,Type,versioning.status\nfresh,aws_s3_bucket,Enabled\n');
  expect(r).toMatchObject({ code: 0, err: [] });
  const sheets = openpyxlSnapshot(file);
  expect(sheets.find((s) => s.name === 'Rules')!.cells.B2.comment).toBe('Ask Dana before changing this rule');
  expect(sheets.find((s) => s.name === 'Inventory')!.cells.A1.comment).toBe('Teams from the CMDB export');
  const resources = Object.values(sheets.find((s) => s.name === 'Resources')!.cells).map((c) => c.value);
  expect(resources).toContain('fresh');
});

test('import into a workbook with a chart is refused and writes nothing', async () => {
  const file = path.join(dir, 'charted.xlsx');
  makeOpenpyxlRulebook(file, { chart: true });
  const bytes = fs.readFileSync(file);
  const r = await importCsv(file, 'Resource ID,Type\nfresh,aws_s3_bucket\n');
  expect(r.code).toBe(2);
  expect(r.err.join('\n')).toContain(`${file}: not rewritten: it has charts (on 'Inventory')`);
  expect(fs.readFileSync(file).equals(bytes)).toBe(true);
});
