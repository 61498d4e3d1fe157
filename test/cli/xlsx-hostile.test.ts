// Hostile workbooks: a few KB that declare a merge or dropdowns over millions of cells are read within bounds, or refused with the file named.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { InputError, readRulebookFile } from '../../cli/io/rulebook-file';
import { openpyxlRead } from './helpers/openpyxl';
import { cli, NOW, SHEETS, tempDir, writeXlsxRulebook } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const MERGE_MARK = '<mergeCell ref="A1:B1"/>';
const VALIDATION_MARK = 'sqref="Z9"';

/** The test rulebook plus a user sheet 'Team Notes' holding one merge (A1:B1) and one dropdown (Z9), made by ExcelJS. */
async function rulebookWithUserSheet(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(SHEETS)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  }
  const notes = wb.addWorksheet('Team Notes');
  notes.getCell('A1').value = 'Owners review quarterly';
  notes.getCell('A3').value = 'Yes';
  notes.mergeCells('A1:B1');
  notes.getCell('Z9').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Yes,No"'] };
  await wb.xlsx.writeFile(file);
}

/** Rewrites the sheet XML that holds `mark` (the user sheet) with `edit`, as a hostile tool would. */
async function editUserSheet(file: string, mark: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  let found = false;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    if (!xml.includes(mark)) continue;
    zip.file(name, edit(xml));
    found = true;
  }
  expect(found).toBe(true);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

test('one merged range D1:XFD1048576 (17 billion cells) is refused with exit 2, the file and sheet named, nothing written', async () => {
  const file = path.join(dir, 'merge-bomb.xlsx');
  await rulebookWithUserSheet(file);
  await editUserSheet(file, MERGE_MARK, (xml) => xml.replace(MERGE_MARK, '<mergeCell ref="D1:XFD1048576"/>'));
  expect(fs.statSync(file).size).toBeLessThan(20_000);
  const bytes = fs.readFileSync(file);
  const r = await cli('validate', file, '--now', NOW, '--quiet');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(
    `${file}: cannot read the workbook: the sheet 'Team Notes' has the merged range D1:XFD1048576`,
  );
  expect(r.stderr).toMatch(/unmerge/);
  expect(fs.readFileSync(file).equals(bytes)).toBe(true);
}, 20_000);

test('many small merges beyond the bound are refused the same way', async () => {
  const file = path.join(dir, 'many-merges.xlsx');
  await rulebookWithUserSheet(file);
  const merges = Array.from({ length: 10_001 }, (_, i) => `<mergeCell ref="C${i * 2 + 1}:D${i * 2 + 1}"/>`);
  await editUserSheet(file, MERGE_MARK, (xml) =>
    xml.replace(/<mergeCells count="1">/, `<mergeCells count="${merges.length + 1}">${merges.join('')}`),
  );
  const r = await cli('validate', file, '--now', NOW, '--quiet');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`the sheet 'Team Notes' has more than 10,000 merged ranges`);
}, 20_000);

test('merges count across sheets: 60,000 merged cells on Rules and 60,000 on another sheet are refused', async () => {
  const file = path.join(dir, 'merges-across-sheets.xlsx');
  await rulebookWithUserSheet(file);
  await editUserSheet(file, MERGE_MARK, (xml) => xml.replace(MERGE_MARK, '<mergeCell ref="C1:H10000"/>'));
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const rules = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  expect(rules).not.toContain('<mergeCells');
  zip.file(
    'xl/worksheets/sheet1.xml',
    rules.replace(
      '</sheetData>',
      '</sheetData><mergeCells count="1"><mergeCell ref="M1:R10000"/></mergeCells>',
    ),
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const r = await cli('validate', file, '--now', NOW, '--quiet');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(
    `the sheet 'Team Notes' has the merged range C1:H10000 (60,000 cells); Rulesheet reads at most 100,000 merged cells a workbook`,
  );
}, 20_000);

test.each([
  ['one dropdown over the whole sheet', 'A1:XFD1048576', ['A1:XFD1048576']],
  [
    'whole-column dropdowns on three columns',
    'C1:C1048576 E1:E1048576 G1:G1048576',
    ['C1:C1048576', 'E1:E1048576', 'G1:G1048576'],
  ],
])(
  '%s (%s) is read as ranges, validated three times, and written back as it was',
  async (_name, sqref, expected) => {
    const file = path.join(dir, 'dropdown-bomb.xlsx');
    await rulebookWithUserSheet(file);
    await editUserSheet(file, VALIDATION_MARK, (xml) => xml.replace(VALIDATION_MARK, `sqref="${sqref}"`));
    for (let run = 1; run <= 3; run++) {
      const r = await cli('validate', file, '--now', NOW, '--quiet');
      expect({ run, code: r.code, stderr: r.stderr }).toEqual({ run, code: 0, stderr: '' });
      const notes = openpyxlRead(file, { cells: true }).find((s) => s.name === 'Team Notes')!;
      expect(
        notes.validations
          .map((v) => v.sqref.split(' '))
          .flat()
          .sort(),
      ).toEqual(expected);
      expect(notes.validations.every((v) => v.type === 'list' && v.formula1 === '"Yes,No"')).toBe(true);
      expect(notes.cells![0][0]).toBe('Owners review quarterly');
    }
  },
  30_000,
);

/** A few MB of `<c ` that never closes: a regular expression looking for each cell's end would go quadratic. */
const UNCLOSED = '<c '.repeat(1_500_000);

test.each([
  [
    'the Results sheet',
    (parts: { results: string }) => parts.results,
    (xml: string) => xml.replace('<sheetData>', `<sheetData><row r="1">${UNCLOSED}</row>`),
  ],
  [
    'the shared strings',
    () => 'xl/sharedStrings.xml',
    (xml: string) => xml.replace('<si>', `<si>${UNCLOSED}`),
  ],
  ['the styles', () => 'xl/styles.xml', (xml: string) => xml.replace('<cellXfs', `${UNCLOSED}<cellXfs`)],
])(
  'an engine sheet read for its values, with %s holding tags that never close, is refused at once, the file named',
  async (_what, partOf, edit) => {
    const file = path.join(dir, 'unclosed.xlsx');
    await writeXlsxRulebook(file);
    expect((await cli('validate', file, '--now', NOW, '--fail-on', 'none', '--quiet')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const part = partOf({ results: `xl/worksheets/sheet${wb.getWorksheet('Results')!.id}.xml` });
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file(part)!.async('string');
    const hostile = edit(xml);
    expect(hostile.length).toBeGreaterThan(4_000_000);
    zip.file(part, hostile);
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const start = Date.now();
    const read = readRulebookFile(file, { engineSheetsAsValues: true });
    await expect(read).rejects.toThrow(InputError);
    await expect(read).rejects.toThrow(
      `${file}: cannot read the workbook: the sheet 'Results' cannot be read: ${part}:`,
    );
    // Parsing the few MB takes tens of milliseconds; reading the rest of the package is most of this.
    expect(Date.now() - start).toBeLessThan(1_000);
  },
  30_000,
);
