// Reading the workbook: one getDataRange().getValues() per sheet (the last Results by its tracking columns), cells normalised for core.
import {
  type Cell,
  columnRuns,
  type Grid,
  normalizeName,
  previousResultsColumns,
  RESULTS_SHEET,
} from '../core';
import { toCoreCell } from './dates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReadOptions {
  /**
   * Read the last Results for tracking only: its header, and below it the columns core's tracking uses (Rule ID,
   * Resource ID, Resource Type, Status, First Seen). A large Results is most of what a re-run reads, and each cell
   * read costs time in Apps Script's six minutes.
   */
  resultsForTracking?: boolean;
}

/** Every sheet as a grid; trailing blank rows and columns (Sheets pads the data range) are kept as nulls. */
export function readGrids(ss: Spreadsheet, timeZone: string, options: ReadOptions = {}): Grid[] {
  const results = normalizeName(RESULTS_SHEET.name);
  return ss.getSheets().map((sheet) => {
    const name = sheet.getName();
    const rows =
      options.resultsForTracking && normalizeName(name) === results
        ? trackingColumns(sheet, timeZone)
        : cells(sheet.getDataRange().getValues(), timeZone);
    return { name, rows };
  });
}

function cells(values: unknown[][], timeZone: string): Cell[][] {
  return values.map((row) => row.map((value): Cell => toCoreCell(value, timeZone)));
}

/**
 * The Results as a grid of the data range's size: the header row whole, and below it only the columns tracking
 * uses, each run of adjacent ones read in one call; the other cells are blank.
 */
function trackingColumns(sheet: Sheet, timeZone: string): Cell[][] {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow <= 1 || lastCol < 1) return cells(sheet.getDataRange().getValues(), timeZone);
  const [header] = cells(sheet.getRange(1, 1, 1, lastCol).getValues(), timeZone);
  const rows: Cell[][] = [header];
  for (let r = 1; r < lastRow; r++) rows.push(new Array<Cell>(lastCol).fill(null));
  for (const { from, count } of columnRuns(previousResultsColumns(header))) {
    const block = sheet.getRange(2, from + 1, lastRow - 1, count).getValues();
    block.forEach((line, r) => line.forEach((v, k) => (rows[r + 1][from + k] = toCoreCell(v, timeZone))));
  }
  return rows;
}
