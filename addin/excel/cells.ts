// Excel cell values ↔ core cells: serial numbers of date cells become Dates, Dates become serials, text stays text.
import { a1, type Cell, looksLikeFormula, type WriteCell } from '../../core';

const MS_PER_DAY = 86_400_000;
/** Serial number of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';
export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';
export const DEFAULT_DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** A date cell's serial number as a Date, the serial's day starting at UTC midnight; milliseconds rounded. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

export function dateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/**
 * Whether a number format shows a date: a `d` or `y` outside quoted text, `[...]` sections and escaped characters.
 * Time-only formats (`hh:mm`) are not dates: their serials are fractions of a day, not moments.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === TEXT_FORMAT) return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dy]/i.test(bare);
}

/** One value as Office.js reads it, with its number format, as core's Cell. */
export function readCell(value: unknown, format: unknown): Cell {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') return isDateFormat(format) ? serialToDate(value) : value;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

/** A Date's default format: date only at UTC midnight, date and time otherwise. */
export function defaultDateFormat(date: Date): string {
  return date.getTime() % MS_PER_DAY === 0 ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT;
}

export interface ExcelCell {
  value: string | number | boolean;
  format: string;
}

/**
 * A patch cell as the value and number format to write. Every text gets the Text format `@`, so Excel
 * stores exactly that text: nothing becomes a formula, a number or a date. `''` clears (null would
 * leave the old value in place). `format` is the patch's number format for the cell, if any; it is
 * used only where it fits the value (a date format on a Date, any other format on a number).
 */
export function writeCell(cell: WriteCell | undefined, format?: string): ExcelCell {
  if (cell === null || cell === undefined) return { value: '', format: GENERAL_FORMAT };
  if (typeof cell === 'string') return { value: cell, format: TEXT_FORMAT };
  if (typeof cell === 'number') {
    const fits = format !== undefined && !isDateFormat(format) && format !== TEXT_FORMAT;
    return { value: Number.isFinite(cell) ? cell : String(cell), format: fits ? format : GENERAL_FORMAT };
  }
  if (typeof cell === 'boolean') return { value: cell, format: GENERAL_FORMAT };
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { value: '', format: GENERAL_FORMAT };
    const fits = format !== undefined && isDateFormat(format);
    return { value: dateToSerial(cell), format: fits ? format : defaultDateFormat(cell) };
  }
  return { value: cell.text, format: TEXT_FORMAT };
}

/** A value and number format to write, where null leaves the cell's value or format as the user has it. */
export interface UserExcelCell {
  value: string | number | boolean | null;
  format: string | null;
}

/**
 * A cells patch's cell for a user sheet: null is left as it is; text a spreadsheet would read as a formula gets
 * the Text format and a date a date format; every other cell keeps the user's format, so a number typed there
 * later stays a number.
 */
export function writeUserCell(cell: WriteCell | undefined): UserExcelCell {
  if (cell === null || cell === undefined) return { value: null, format: null };
  const out = writeCell(cell);
  if (typeof out.value === 'string' && out.format === TEXT_FORMAT)
    return { value: out.value, format: looksLikeFormula(out.value) ? TEXT_FORMAT : null };
  return { value: out.value, format: cell instanceof Date ? out.format : null };
}

/** Bytes of a string once UTF-8 encoded, without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** `A1`-style address of a block, 0-based. */
export function address(row: number, col: number, rows = 1, cols = 1): string {
  const first = a1(row, col);
  return rows === 1 && cols === 1 ? first : `${first}:${a1(row + rows - 1, col + cols - 1)}`;
}
