// Reading the fake workbook back as a test sees it: a sheet's cells as core Cells (date cells as Dates), CSV-ready.
import { readCell } from '../../addin/excel/cells';
import type { Cell } from '../../core';
import type { FakeWorkbook } from './workbook';

/** The sheet from A1 to its last used cell; undefined when there is no such sheet. */
export function sheetCells(book: FakeWorkbook, name: string): Cell[][] | undefined {
  const sheet = book.sheet(name);
  if (!sheet) return undefined;
  const box = sheet.usedBox(true);
  if (!box) return [];
  const whole = { r0: 0, c0: 0, r1: box.r1, c1: box.c1 };
  const values = sheet.values(whole);
  const formats = sheet.formats(whole);
  return values.map((row, r) => row.map((v, c) => readCell(v, formats[r][c])));
}

/** Every cell that became a formula, as `Sheet!A1`. */
export function formulaCells(book: FakeWorkbook): string[] {
  const out: string[] = [];
  for (const s of book.sheets)
    for (const [r, row] of s.cells)
      for (const [c, cell] of row) if (cell.formula !== undefined) out.push(`${s.name}!${r},${c}`);
  return out;
}
