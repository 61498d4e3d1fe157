// The workbook the CLI writes (engine sheets made row by row) opened as it is by LibreOffice Calc: every sheet
// converts to CSV with the values ExcelJS reads. Runs with `npm run test:render`.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { requireRenderTools, shownText, writeExampleWorkbook } from '../../scripts/render-workbook';

/** CSV in UTF-8 (76), comma-separated, texts quoted, every sheet to its own file (-1), values as shown. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

let dir: string;
beforeAll(() => {
  requireRenderTools();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-libreoffice-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('LibreOffice opens the written workbook and reads every engine sheet as ExcelJS does', async () => {
  const book = path.join(dir, 'acme.xlsx');
  await writeExampleWorkbook(book);
  const profile = path.join(dir, 'profile');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      CSV_FILTER,
      '--outdir',
      dir,
      book,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  for (const name of ['Results', 'Summary', 'Run History', 'Rules']) {
    const csv = path.join(dir, `acme-${name}.csv`);
    expect({ name, converted: fs.existsSync(csv) }).toEqual({ name, converted: true });
    const rows = parse(fs.readFileSync(csv, 'utf8'), { relax_column_count: true }) as string[][];
    const ws = wb.getWorksheet(name)!;
    expect(rows.length).toBe(ws.rowCount);
    // Texts and unformatted whole numbers as ExcelJS reads them (dates, percentages and fractions are as
    // LibreOffice formats them).
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value;
        if (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && !cell.numFmt))
          expect({ name, r, c, text: rows[r - 1][c - 1] }).toEqual({ name, r, c, text: shownText(cell) });
      }),
    );
  }
});
