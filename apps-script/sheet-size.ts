// Growing a sheet before writing: Sheets refuses a range outside the sheet's rows and columns.
import { UNLIMITED, type WriteBudget } from './budget';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/** Cells a setValues() call carries at most, so one call stays well inside Apps Script's payload limits. */
export const CHUNK_CELLS = 50_000;

/** Writes a block of values from (row, col), 1-based, in row chunks, each started only while the budget allows. */
export function writeChunked(
  sheet: Sheet,
  row: number,
  col: number,
  values: unknown[][],
  budget: WriteBudget = UNLIMITED,
): void {
  if (values.length === 0) return;
  const width = values[0].length;
  const step = Math.max(1, Math.floor((budget.chunkCells ?? CHUNK_CELLS) / Math.max(1, width)));
  for (let start = 0; start < values.length; start += step) {
    budget.check();
    const chunk = values.slice(start, start + step);
    sheet.getRange(row + start, col, chunk.length, width).setValues(chunk);
  }
}
