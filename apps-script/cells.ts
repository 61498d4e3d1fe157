// WriteCell → the value setValues() receives: every text forced to text, dates in the spreadsheet's zone.
import type { WriteCell } from '../core';
import { isDate, toSheetDate } from './dates';

export type SheetValue = string | number | boolean | Date;

/**
 * Sheets parses a written string as if typed: `=…` becomes a formula, `00123` a number, `2026-03-01` a date,
 * `TRUE` a boolean. A leading apostrophe makes Sheets store the rest as text and read it back without the
 * apostrophe, so every non-blank text gets one: `{ text }` cells (formula-like) and plain strings alike.
 */
export function asText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

export function toSheetValue(cell: WriteCell | undefined, timeZone: string): SheetValue {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return asText(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : asText(String(cell));
  if (typeof cell === 'boolean') return cell;
  if (isDate(cell)) return toSheetDate(cell, timeZone);
  return asText(cell.text);
}

/** Rows padded to one width, as setValues() wants a rectangle. */
export function toSheetRows(rows: readonly WriteCell[][], width: number, timeZone: string): SheetValue[][] {
  return rows.map((row) => {
    const out: SheetValue[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = toSheetValue(row[c], timeZone);
    return out;
  });
}
