// What Sheets stores for a value given to setValues(): strings are parsed as if typed, `'` keeps text as text.
import { localMidnight } from './zone';

export type Stored = string | number | boolean | Date | undefined;

/** A stored cell: its value, and the formula text when the value was read as a formula. */
export interface Entry {
  value: Stored;
  formula?: string;
}

export const MAX_CELL_CHARS = 50_000;
/** What getValues() gives for a formula the fake does not compute. */
export const FORMULA_VALUE = '#ERROR!';

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export function parseEntry(input: unknown, timeZone: string): Entry {
  if (input === null || input === undefined || input === '') return { value: undefined };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  const text = String(input);
  if (text.length > MAX_CELL_CHARS) {
    throw new Error(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  }
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (/^[=+\-@]/.test(text)) {
    if (/^[+-]\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
    return { value: FORMULA_VALUE, formula: text };
  }
  if (/^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) return { value: Number(text) };
  if (/^\d+(\.\d+)?%$/.test(text)) return { value: Number(text.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) return { value: localMidnight(Number(date[1]), Number(date[2]), Number(date[3]), timeZone) };
  return { value: text };
}

/** getValues(): '' for empty, a fresh Date for dates. */
export function readEntry(entry: Entry | undefined): string | number | boolean | Date {
  if (!entry || entry.value === undefined) return '';
  return isDate(entry.value) ? new Date(entry.value.getTime()) : entry.value;
}
