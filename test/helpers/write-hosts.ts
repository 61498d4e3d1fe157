// The write path's patches applied by every host's applier (Excel fake, Sheets fake, CLI .xlsx and CSV folder), the sheets read back.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Cell, Grid, HostPatch } from '../../core';
import { applyPatches } from '../../addin/excel/apply-patches';
import { applyPlans } from '../../apps-script/apply';
import { planPatch } from '../../apps-script/plan';
import { readCsvFolder, toCsv } from '../../cli/io/csv';
import { saveCsvFolder } from '../../cli/io/csv-folder';
import { setCellValue } from '../../cli/io/xlsx-cells';
import { applyXlsxPatches } from '../../cli/io/xlsx-patches';
import { workbookGrids } from '../../cli/io/xlsx-read';
import { createFakeExcel, FakeWorkbook } from '../../testkit/excel';
import { formulaCells, sheetCells } from '../../testkit/excel/read-back';
import { createFakeAppsScript } from '../../testkit/sheets';

/** What a host left: every sheet by name, and the cells that became formulas. */
export interface HostSheets {
  sheets: Grid[];
  formulas: string[];
}

export type HostApplier = (grids: Grid[], patches: HostPatch[]) => Promise<HostSheets>;

export const excelHost: HostApplier = async (grids, patches) => {
  const book = new FakeWorkbook();
  for (const g of grids) book.seed(g.name, g.rows);
  await createFakeExcel(book).run((context) =>
    applyPatches(context, patches, { sheetNames: grids.map((g) => g.name) }),
  );
  return {
    sheets: book.sheets.map((s) => ({ name: s.name, rows: sheetCells(book, s.name) ?? [] })),
    formulas: formulaCells(book),
  };
};

/** A zone far from UTC, so a date written without the spreadsheet's zone reads back as another day. */
const ZONE = 'America/Los_Angeles';

export const sheetsHost: HostApplier = async (grids, patches) => {
  const fake = createFakeAppsScript({ timeZone: ZONE });
  for (const g of grids) fake.addSheet(g.name, g.rows);
  Object.assign(globalThis, fake.globals);
  applyPlans(
    fake.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    patches.map((p) => planPatch(p, ZONE)),
  );
  const names = fake.spreadsheet._sheets.map((s) => s.name);
  return {
    sheets: names.map((name) => ({ name, rows: (fake.readSheet(name) ?? []) as Cell[][] })),
    formulas: names.flatMap((name) => fake.formulaCells(name).map((f) => `${name}!${f}`)),
  };
};

/** The CLI on an .xlsx: the patches applied to the workbook, saved, and read back from the bytes. */
export const xlsxHost: HostApplier = async (grids, patches) => {
  const workbook = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = workbook.addWorksheet(g.name);
    g.rows.forEach((row, r) =>
      row.forEach((v, c) => v !== null && setCellValue(ws.getCell(r + 1, c + 1), v)),
    );
  }
  applyXlsxPatches(workbook, patches);
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load(await workbook.xlsx.writeBuffer());
  const formulas: string[] = [];
  for (const ws of saved.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push(`${ws.name}!${cell.address}`);
      }),
    );
  return { sheets: workbookGrids(saved), formulas };
};

/** The CLI on a folder of CSV files: written, patched in place, read back. */
export const csvHost: HostApplier = async (grids, patches) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-write-'));
  try {
    for (const g of grids) fs.writeFileSync(path.join(dir, `${g.name}.csv`), toCsv(g.rows));
    const before = readCsvFolder(dir).grids;
    saveCsvFolder(dir, before, patches, dir);
    return { sheets: readCsvFolder(dir).grids, formulas: [] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

export const HOSTS: [string, HostApplier][] = [
  ['Excel', excelHost],
  ['Sheets', sheetsHost],
  ['CLI .xlsx', xlsxHost],
  ['CLI CSV folder', csvHost],
];
