// Reading the fake workbook back as a test sees it: a sheet's cells as core Cells (date cells as Dates), CSV-ready.
import type { Cell } from '../../core';
import { serialToDate, showsDate } from './serial';
import type { FakeWorkbook } from './workbook';

/** A stored value as a test reads it: numbers in date-formatted cells are Dates, blanks are null. */
function asCell(value: unknown, format: unknown): Cell {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') return showsDate(format) ? serialToDate(value) : value;
  return typeof value === 'boolean' || typeof value === 'string' ? value : String(value);
}

/** The sheet from A1 to its last used cell; undefined when there is no such sheet. */
export function sheetCells(book: FakeWorkbook, name: string): Cell[][] | undefined {
  const sheet = book.sheet(name);
  if (!sheet) return undefined;
  const box = sheet.usedBox(true);
  if (!box) return [];
  const whole = { r0: 0, c0: 0, r1: box.r1, c1: box.c1 };
  const values = sheet.values(whole);
  const formats = sheet.formats(whole);
  return values.map((row, r) => row.map((v, c) => asCell(v, formats[r][c])));
}

/** Every cell that became a formula, as `Sheet!A1`. */
export function formulaCells(book: FakeWorkbook): string[] {
  const out: string[] = [];
  for (const s of book.sheets)
    for (const [r, row] of s.cells)
      for (const [c, cell] of row) if (cell.formula !== undefined) out.push(`${s.name}!${r},${c}`);
  return out;
}
