// Reading an .xlsx with ExcelJS into grids: dates as Dates, formulas as their cached results, rich text as text.
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import type { Cell, Grid } from '../../core';
import { InputError, firstLine } from './input-error';

/** Loads a workbook, or raises an InputError naming the file. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  if (!fs.existsSync(file)) throw new InputError(`${file}: no such file or folder`, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (err) {
    throw new InputError(`${file}: cannot read the workbook (is it an .xlsx file?): ${firstLine(err)}`, file);
  }
  // ExcelJS reads a zip without xl/workbook.xml as an empty workbook (its properties unset) and fails only
  // when writing it: say now that it cannot be read.
  if (workbook.properties === undefined)
    throw new InputError(
      `${file}: cannot read the workbook (is it an .xlsx file?): it has no xl/workbook.xml`,
      file,
    );
  return workbook;
}

/** One ExcelJS cell value as the engine's Cell. */
export function toCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if ('error' in value) return null;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return toCell((value as { result?: ExcelJS.CellValue }).result);
  }
  if ('hyperlink' in value) return toCell(value.text as ExcelJS.CellValue);
  return null;
}

/** Every worksheet of the workbook as a grid, in tab order; merged cells hold their value once. */
export function workbookGrids(workbook: ExcelJS.Workbook): Grid[] {
  return workbook.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.findRow(r);
      if (!row) {
        rows.push([]);
        continue;
      }
      const cells: Cell[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.findCell(c);
        cells.push(!cell || (cell.isMerged && cell.master !== cell) ? null : toCell(cell.value));
      }
      rows.push(cells);
    }
    return { name: ws.name, rows };
  });
}
