// Resources sheets a run never writes are copied into the saved workbook byte for byte, and every other sheet keeps its formats around them.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { validate, EXCEL_LIMITS } from '../../core';
import { applyPatches, readRulebookFile } from '../../cli/io/rulebook-file';
import {
  makeDressedRulebook,
  openpyxlSnapshot,
  type OpenpyxlSnapshotSheet,
} from './helpers/openpyxl-workbooks';
import { cli, NOW, tempDir, writeXlsxRulebook } from './helpers/rulebook';
import { sheetPart } from './helpers/xlsx-parts';

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-xlsx-kept-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const RULES_USER_COLUMNS = /^[A-J]\d+$/;

/** What the user formatted: the whole Resources sheet; on Rules, the user's columns and their conditional formats. */
function userSheets(snapshot: OpenpyxlSnapshotSheet[]) {
  const resources = snapshot.find((s) => s.name === 'Resources');
  const rules = snapshot.find((s) => s.name === 'Rules') as OpenpyxlSnapshotSheet;
  return {
    resources,
    rules: {
      cells: Object.fromEntries(Object.entries(rules.cells).filter(([a]) => RULES_USER_COLUMNS.test(a))),
      conditional: rules.conditional.filter((c) =>
        RULES_USER_COLUMNS.test(String((c as string[])[0]).split(':')[0]),
      ),
      width: rules.widths.B,
    },
  };
}

test('a formatted Resources sheet is copied byte for byte over three runs in place, and Rules keeps its formats beside it', async () => {
  const book = path.join(dir, 'book.xlsx');
  makeDressedRulebook(book);
  const before = openpyxlSnapshot(book);
  const part = await sheetPart(book, 'Resources');
  // The dressing is there to be kept: fonts, fills, borders, formats, a merge, panes, a conditional format.
  const resources = before.find((s) => s.name === 'Resources') as OpenpyxlSnapshotSheet;
  expect(resources.cells.I2.format).toBe('#,##0.00 "EUR"');
  expect(resources.merges).toEqual(['A8:D8']);
  expect(resources.freeze).toBe('B2');
  expect(resources.conditional).toHaveLength(1);
  for (let run = 0; run < 3; run++) {
    const result = await cli('validate', book, '--now', NOW, '--quiet');
    expect(result.stderr).toBe('');
    expect((await sheetPart(book, 'Resources')).equals(part)).toBe(true);
    const after = openpyxlSnapshot(book);
    expect(userSheets(after)).toEqual(userSheets(before));
    // The engine's own formats sit beside the kept ones: its status colours and dates are still there.
    const results = after.find((s) => s.name === 'Results') as OpenpyxlSnapshotSheet;
    expect(Object.values(results.cells).some((c) => (c.fill as unknown[])[0] === 'solid')).toBe(true);
  }
});

test('the saved workbook still opens in ExcelJS with the kept sheet values and the Rules header style', async () => {
  const book = path.join(dir, 'book.xlsx');
  const out = path.join(dir, 'out.xlsx');
  makeDressedRulebook(book);
  expect((await cli('validate', book, '--now', NOW, '--out', out, '--quiet')).stderr).toBe('');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const res = wb.getWorksheet('Resources') as ExcelJS.Worksheet;
  expect(res.getCell('A2').value).toBe('logs');
  expect(res.getCell('I2').numFmt).toBe('#,##0.00 "EUR"');
  expect(res.getCell('A1').font?.bold).toBe(true);
  const rules = wb.getWorksheet('Rules') as ExcelJS.Worksheet;
  expect(rules.getCell('A1').fill).toMatchObject({ fgColor: { argb: 'FF305496' } });
  expect(rules.getCell('G2').font).toMatchObject({ bold: true, color: { argb: 'FFC00000' } });
});

test('only Resources sheets whose other parts are links and tables are kept; a noted one is read and written by ExcelJS', async () => {
  const plain = await writeXlsxRulebook(path.join(dir, 'plain.xlsx'));
  expect([
    ...((await readRulebookFile(plain, { keepResourcesSheets: true })).kept?.parts.keys() ?? []),
  ]).toEqual(['Resources']);
  expect((await readRulebookFile(plain)).kept).toBeUndefined();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(plain);
  (wb.getWorksheet('Resources') as ExcelJS.Worksheet).getCell('A2').note = 'From the CMDB';
  const noted = path.join(dir, 'noted.xlsx');
  await wb.xlsx.writeFile(noted);
  const file = await readRulebookFile(noted, { keepResourcesSheets: true });
  expect(file.kept?.parts.size ?? 0).toBe(0);
  // Its values are read all the same, and a run keeps the note.
  expect(file.grids.find((g) => g.name === 'Resources')?.rows[1][0]).toBe('logs');
  const out = path.join(dir, 'out.xlsx');
  expect((await cli('validate', noted, '--now', NOW, '--out', out, '--quiet')).stderr).toBe('');
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(out);
  expect((back.getWorksheet('Resources') as ExcelJS.Worksheet).getCell('A2').note).toBe('From the CMDB');
});

test('a patch to a kept sheet is refused before anything is written', async () => {
  const book = await writeXlsxRulebook(path.join(dir, 'book.xlsx'));
  const bytes = fs.readFileSync(book);
  const file = await readRulebookFile(book, { keepResourcesSheets: true });
  const output = validate(file.grids, { now: new Date(NOW), limits: EXCEL_LIMITS });
  const onResources = { kind: 'cells' as const, sheet: 'resources', row: 0, col: 0, rows: [['x']] };
  expect(() => applyPatches(file, [...output.patches, onResources])).toThrow(
    "the sheet 'resources' was read to be kept as it is, not to be written",
  );
  expect(fs.readFileSync(book).equals(bytes)).toBe(true);
});

test('a workbook that keeps its styles in another part is read by ExcelJS, Resources included', async () => {
  const book = await writeXlsxRulebook(path.join(dir, 'book.xlsx'));
  const zip = await JSZip.loadAsync(fs.readFileSync(book));
  const styles = (await zip.file('xl/styles.xml')?.async('string')) as string;
  zip.remove('xl/styles.xml');
  zip.file('xl/theStyles.xml', styles);
  for (const part of ['xl/_rels/workbook.xml.rels', '[Content_Types].xml']) {
    const xml = (await zip.file(part)?.async('string')) as string;
    expect(xml).toContain('styles.xml');
    zip.file(part, xml.replace('styles.xml', 'theStyles.xml'));
  }
  const moved = path.join(dir, 'moved.xlsx');
  fs.writeFileSync(moved, await zip.generateAsync({ type: 'nodebuffer' }));
  const file = await readRulebookFile(moved, { keepResourcesSheets: true });
  expect(file.kept?.parts.size ?? 0).toBe(0);
  expect(file.grids.find((g) => g.name === 'Resources')?.rows[1][0]).toBe('logs');
});
