// Nothing the user wrote is lost: after validate every user cell, formula, style, note, width and sheet is the same.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { SHEETS, NOW, EVIL_AT, EVIL_LINK, cli, readXlsx, tempDir } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** ExcelJS keeps conditional formats on the worksheet but leaves them out of its types. */
const cfs = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;

const USER_SHEETS = ['Rules', 'Resources', 'Exceptions', 'Owners', 'Team Notes'];

/** The fixture workbook, dressed as a real user would: formulas, formats, fonts, fills, a note, widths, a user column, a user sheet. */
async function styledWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(SHEETS)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  }
  const rules = wb.getWorksheet('Rules')!;
  // A user column right after the rule columns: a formula with a cached result and a number format.
  rules.getCell('K1').value = 'Score';
  for (let r = 2; r <= 5; r++) {
    rules.getCell(r, 11).value = { formula: `LEN(B${r})/100`, result: 0.25 };
    rules.getCell(r, 11).numFmt = '0.0%';
  }
  rules.getRow(1).eachCell((c) => {
    c.font = { bold: true, color: { argb: 'FFFFFFFF' }, name: 'Arial', size: 12 };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF305496' } };
  });
  rules.getCell('B2').note = 'Ask Dana before changing this rule';
  rules.getCell('B3').font = { italic: true };
  rules.getColumn(1).width = 14;
  rules.getColumn(2).width = 42;
  rules.getColumn(11).width = 9;
  rules.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  const res = wb.getWorksheet('Resources')!;
  res.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  res.getColumn(1).width = 30;
  const notes = wb.addWorksheet('Team Notes');
  notes.getCell('A1').value = 'Review date';
  notes.getCell('B1').value = new Date(Date.UTC(2026, 1, 14));
  notes.getCell('B1').numFmt = 'dd mmm yyyy';
  notes.getCell('A2').value = 'Rules';
  notes.getCell('B2').value = { formula: 'COUNTA(Rules!A:A)-1', result: 4 };
  notes.getCell('A3').value = { richText: [{ text: 'bold ', font: { bold: true } }, { text: 'plain' }] };
  notes.getCell('A4').value = { text: 'wiki', hyperlink: 'https://wiki.example.com' };
  await wb.xlsx.writeFile(file);
}

interface CellShot {
  value: string;
  style: string;
  note: string;
}

/** Every cell of a sheet (value incl. formula, style, note) and its column widths, as comparable text. */
function snapshot(ws: ExcelJS.Worksheet, maxCol = Infinity) {
  const cells: Record<string, CellShot> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > maxCol) return;
      cells[cell.address] = {
        value: JSON.stringify(cell.value),
        style: JSON.stringify(cell.style),
        note: JSON.stringify(cell.note ?? null),
      };
    }),
  );
  const widths: (number | undefined)[] = [];
  for (let c = 1; c <= Math.min(ws.columnCount, maxCol); c++) widths.push(ws.getColumn(c).width);
  return { cells, widths, views: JSON.stringify(ws.views), state: ws.state };
}

test('every user cell, formula, style, note, width, view and sheet is unchanged', async () => {
  const file = path.join(dir, 'book.xlsx');
  await styledWorkbook(file);
  const before = await readXlsx(file);
  const rulesWidth = before.getWorksheet('Rules')!.columnCount;
  const r = await cli('validate', file, '--now', NOW, '--quiet');
  expect(r.stderr).toBe('');
  const after = await readXlsx(file);

  const names = after.worksheets.map((ws) => ws.name);
  expect(names.filter((n) => USER_SHEETS.includes(n))).toEqual(
    USER_SHEETS.filter((n) => n !== 'Team Notes').concat('Team Notes'),
  );
  expect(names.slice(0, 5)).toEqual(['Rules', 'Resources', 'Exceptions', 'Owners', 'Team Notes']);
  for (const name of USER_SHEETS) {
    const max = name === 'Rules' ? rulesWidth : Infinity;
    const b = snapshot(before.getWorksheet(name)!, max);
    const a = snapshot(after.getWorksheet(name)!, max);
    expect(Object.keys(b.cells).length).toBeGreaterThanOrEqual(4);
    expect({ name, ...a }).toEqual({ name, ...b });
  }
  const rulesBefore = snapshot(before.getWorksheet('Rules')!, rulesWidth);
  expect(rulesBefore.cells.B2.note).toContain('Dana');
  expect(rulesBefore.cells.K2.value).toContain('LEN(B2)');
  expect(rulesBefore.widths.slice(0, 2)).toEqual([14, 42]);
  // The engine's columns start right after the user's last column.
  const rules = after.getWorksheet('Rules')!;
  expect(rules.getCell(1, rulesWidth + 1).value).toBe('Reads As');
  expect(rules.getCell('K2').formula).toBe('LEN(B2)/100');
  expect(rules.getCell('B2').note).toBe('Ask Dana before changing this rule');
});

test('running twice gives the same sheets except Last Run, Run History and clock-derived cells', async () => {
  const file = path.join(dir, 'book.xlsx');
  await styledWorkbook(file);
  await cli('validate', file, '--now', NOW, '--quiet');
  const first = await readXlsx(file);
  await cli('validate', file, '--now', '2026-03-01T10:00:00Z', '--quiet');
  const second = await readXlsx(file);
  expect(second.worksheets.map((w) => w.name)).toEqual(first.worksheets.map((w) => w.name));

  const values = (ws: ExcelJS.Worksheet) =>
    (ws.getSheetValues() as ExcelJS.CellValue[][]).map((row) => JSON.stringify(row ?? null));
  for (const name of ['Results', 'Resources', 'Exceptions', 'Owners', 'Team Notes', 'Rulesheet Lists']) {
    expect({ name, v: values(second.getWorksheet(name)!) }).toEqual({
      name,
      v: values(first.getWorksheet(name)!),
    });
  }
  // Rules: everything but the Last Run column.
  const rulesA = first.getWorksheet('Rules')!;
  const rulesB = second.getWorksheet('Rules')!;
  const lastRun = (rulesA.getRow(1).values as ExcelJS.CellValue[]).indexOf('Last Run');
  expect(lastRun).toBeGreaterThan(0);
  const withoutLastRun = (ws: ExcelJS.Worksheet) =>
    (ws.getSheetValues() as ExcelJS.CellValue[][]).map((row) =>
      JSON.stringify((row ?? []).filter((_, i) => i !== lastRun)),
    );
  expect(withoutLastRun(rulesB)).toEqual(withoutLastRun(rulesA));
  expect(rulesB.getCell(2, lastRun).value).toEqual(new Date('2026-03-01T10:00:00Z'));
  // Run History grew by this run's rows; the old rows are kept as they were.
  const histA = values(first.getWorksheet('Run History')!);
  const histB = values(second.getWorksheet('Run History')!);
  expect(histB.slice(0, histA.length)).toEqual(histA);
  expect(histB.length).toBeGreaterThan(histA.length);
  // Conditional formats on the engine's columns are replaced, not stacked.
  expect(cfs(rulesB).length).toBe(cfs(rulesA).length);
});

test('formula-like resource text lands in the .xlsx as text, never as a formula', async () => {
  const file = path.join(dir, 'book.xlsx');
  await styledWorkbook(file);
  await cli('validate', file, '--now', NOW, '--quiet');
  const results = (await readXlsx(file)).getWorksheet('Results')!;
  const found: ExcelJS.Cell[] = [];
  results.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === EVIL_LINK || cell.value === EVIL_AT) found.push(cell);
    }),
  );
  expect(new Set(found.map((c) => c.value))).toEqual(new Set([EVIL_AT, EVIL_LINK]));
  expect(found.length).toBeGreaterThanOrEqual(3);
  for (const cell of found) {
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  }
});

test('generated formats: status colours, dropdowns from the hidden lists sheet, widths, date formats', async () => {
  const file = path.join(dir, 'book.xlsx');
  await styledWorkbook(file);
  await cli('validate', file, '--now', NOW, '--quiet');
  const wb = await readXlsx(file);
  const rules = wb.getWorksheet('Rules')!;
  const results = wb.getWorksheet('Results')!;
  expect(wb.getWorksheet('Rulesheet Lists')!.state).toBe('hidden');
  expect(cfs(results).length).toBeGreaterThan(0);
  expect(JSON.stringify(cfs(results))).toMatch(/LEFT\(D2,LEN\(\\"FAIL\\"\)\)=\\"FAIL\\"/);
  const operator = rules.getCell('E2').dataValidation;
  expect(operator).toMatchObject({ type: 'list' });
  expect(operator.formulae[0]).toMatch(/^'Rulesheet Lists'!\$A\$2:\$A\$\d+$/);
  const firstSeen = (results.getRow(1).values as ExcelJS.CellValue[]).indexOf('First Seen');
  expect(results.getCell(2, firstSeen).value).toBeInstanceOf(Date);
  expect(results.getCell(2, firstSeen).numFmt).toMatch(/yyyy-mm-dd/);
  expect(results.getColumn(1).width).toBeGreaterThan(0);
});
