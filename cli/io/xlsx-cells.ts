// Writing values into ExcelJS cells: text stays text (never a formula), dates get a date format.
import type ExcelJS from 'exceljs';
import type { WriteCell } from '../../core';

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * Sets one cell's value. A string (and `{ text }`) is stored as a plain string, which ExcelJS never turns
 * into a formula. Styles are replaced by a fresh object, because ExcelJS may share one style object between
 * cells read from a file.
 */
export function setCellValue(cell: ExcelJS.Cell, value: WriteCell | undefined): void {
  if (value === null || value === undefined) {
    cell.value = null;
    return;
  }
  if (value instanceof Date) {
    cell.value = value;
    if (!cell.numFmt) setStyle(cell, { numFmt: isMidnightUtc(value) ? DATE_FORMAT : DATE_TIME_FORMAT });
    return;
  }
  cell.value = typeof value === 'object' ? value.text : value;
}

// Equal styles share one object: ExcelJS renders a style object once however many cells hold it, which
// matters for the hundreds of thousands of date cells a large Results sheet has.
const sharedStyles = new Map<string, Partial<ExcelJS.Style>>();

/**
 * Merges style properties into one cell without touching any other cell that shares its style object: the
 * cell gets a new (shared, never mutated) object instead.
 */
export function setStyle(cell: ExcelJS.Cell, style: Partial<ExcelJS.Style>): void {
  const merged = { ...cell.style, ...style };
  const key = JSON.stringify(merged);
  let shared = sharedStyles.get(key);
  if (!shared) sharedStyles.set(key, (shared = merged));
  cell.style = shared as ExcelJS.Style;
}

/** Whether a date falls on a UTC midnight: a whole number of days from the epoch (an invalid date does not). */
export function isMidnightUtc(d: Date): boolean {
  return d.getTime() % 86_400_000 === 0;
}

/** `#C6EFCE` or `C6EFCE` as ExcelJS's ARGB `FFC6EFCE`. */
export function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 8 ? hex : `FF${hex.padStart(6, '0')}`;
}
