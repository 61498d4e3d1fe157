// Reading an .xlsx with ExcelJS into grids: dates as Dates, formulas as their cached results, rich text as text.
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import type { Cell, Grid } from '../../core';
import { InputError, firstLine } from './input-error';
import type { KeptSheets } from './xlsx-kept';
import { preparePackage } from './xlsx-package';

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  /** Sheets holding charts, which ExcelJS drops: the workbook must not be rewritten in place. */
  charts: string[];
  /** The values of the sheets read for their values only; ExcelJS holds them empty. */
  values: Map<string, Cell[][]>;
  /** Sheets to be written back as the file had them (ExcelJS holds them empty). */
  kept?: KeptSheets;
  /** The file's xl/workbook.xml as read. */
  workbookXml: string;
}

/** Loads a workbook, or raises an InputError naming the file. */
export async function loadWorkbook(
  file: string,
  valuesOnly?: (sheet: string) => boolean,
  keep?: (sheet: string) => boolean,
  /** For a sheet read for its values only, the columns wanted below its header (see sheetValues). */
  columnsOf?: (sheet: string) => ((header: Cell[]) => readonly number[] | undefined) | undefined,
): Promise<LoadedWorkbook> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const missing = (err as { code?: unknown }).code === 'ENOENT';
    throw new InputError(
      missing ? `${file}: no such file or folder` : `${file}: cannot read: ${firstLine(err)}`,
      file,
    );
  }
  const prepared = await preparePackage(file, bytes, valuesOnly, keep, columnsOf);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(prepared.data as unknown as ExcelJS.Buffer);
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
  restoreValidations(workbook, prepared.validations);
  return {
    workbook,
    charts: prepared.charts,
    values: prepared.values,
    kept: prepared.kept,
    workbookXml: prepared.workbookXml,
  };
}

/** Puts each validation back under the ranges the file gave it, in the file's order, one entry a range. */
function restoreValidations(workbook: ExcelJS.Workbook, bySheet: Map<string, Map<string, string[]>>): void {
  for (const [name, ranges] of bySheet) {
    const ws = workbook.getWorksheet(name);
    const holder =
      ws && (ws as unknown as { dataValidations?: { model: Record<string, unknown> } }).dataValidations;
    if (!holder?.model) continue;
    const model: Record<string, unknown> = {};
    for (const [key, validation] of Object.entries(holder.model)) {
      const parts = ranges.get(key);
      if (!parts) model[key] = validation;
      else for (const part of parts) model[part] = validation;
    }
    holder.model = model;
  }
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
export function workbookGrids(workbook: ExcelJS.Workbook, values?: Map<string, Cell[][]>): Grid[] {
  return workbook.worksheets.map((ws) => {
    const read = values?.get(ws.name);
    if (read) return { name: ws.name, rows: read };
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
