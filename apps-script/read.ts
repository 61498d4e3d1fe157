// Reading the workbook: one getDataRange().getValues() per sheet, cells normalised for core.
import type { Cell, Grid } from '../core';
import { toCoreCell } from './dates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Every sheet as a grid; trailing blank rows and columns (Sheets pads the data range) are kept as nulls. */
export function readGrids(ss: Spreadsheet, timeZone: string): Grid[] {
  return ss.getSheets().map((sheet) => ({
    name: sheet.getName(),
    rows: sheet
      .getDataRange()
      .getValues()
      .map((row) => row.map((value): Cell => toCoreCell(value, timeZone))),
  }));
}
