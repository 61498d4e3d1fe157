// Reading the workbook: one getDataRange().getValues() per sheet (the last Results by its tracking columns unless a rule lists it), cells normalised for core.
import {
  type Cell,
  columnRuns,
  findSheet,
  type Grid,
  normalizeName,
  previousResultsColumns,
  referencedSheets,
  RESULTS_SHEET,
  RULES_SHEET,
} from '../core';
import { toCoreCell } from './dates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReadOptions {
  /**
   * Read the last Results for tracking only: its header, and below it the columns core's tracking uses (Rule ID,
   * Resource ID, Resource Type, Status, First Seen). A large Results is most of what a re-run reads, and each cell
   * read costs time in Apps Script's six minutes. A Results a rule lists a column of (`'Results'!Title`) is read whole.
   */
  resultsForTracking?: boolean;
}

/** Every sheet as a grid; trailing blank rows and columns (Sheets pads the data range) are kept as nulls. */
export function readGrids(ss: Spreadsheet, timeZone: string, options: ReadOptions = {}): Grid[] {
  const results = normalizeName(RESULTS_SHEET.name);
  const sheets = ss.getSheets();
  const read = (sheet: Sheet): Grid => ({
    name: sheet.getName(),
    rows: cells(sheet.getDataRange().getValues(), timeZone),
  });
  // Every sheet but the last Results first: whether a rule lists a column of Results decides how it is read.
  const grids = sheets.map((sheet) => (normalizeName(sheet.getName()) === results ? undefined : read(sheet)));
  const rules = findSheet(
    grids.filter((g): g is Grid => g !== undefined),
    RULES_SHEET,
  );
  const listed = rules !== undefined && referencedSheets(rules).includes(results);
  return sheets.map((sheet, i) => {
    const grid = grids[i];
    if (grid) return grid;
    if (!options.resultsForTracking || listed) return read(sheet);
    return { name: sheet.getName(), rows: trackingColumns(sheet, timeZone) };
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
