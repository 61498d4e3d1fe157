// Excel's own cell arithmetic as the fake needs it, written apart from the adapter so the fake cannot share its mistakes.

const MS_PER_DAY = 86_400_000;
/** Excel's 1900 date system counts 1970-01-01 as day 25,569 (it keeps the fictitious 1900-02-29). */
const SERIAL_OF_1970 = 25_569;

export const dateToSerial = (date: Date): number => date.getTime() / MS_PER_DAY + SERIAL_OF_1970;

export const serialToDate = (serial: number): Date =>
  new Date(Math.round((serial - SERIAL_OF_1970) * MS_PER_DAY));

/** The format Excel gives a date typed without one: the day alone at midnight, else day and time. */
export const defaultDateFormat = (date: Date): string =>
  date.getTime() % MS_PER_DAY === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';

/** Whether a number format shows a date: `d` or `y` outside quotes, brackets and escapes (time-only formats are not). */
export function showsDate(format: unknown): boolean {
  if (typeof format !== 'string' || format === '@') return false;
  return /[dy]/i.test(
    format
      .replace(/"[^"]*"/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/\\./g, ''),
  );
}

const encoder = new TextEncoder();

/** Request and response sizes as Excel on the web counts them: UTF-8 bytes (the fake also runs in a browser page). */
export const utf8Bytes = (text: string): number => encoder.encode(text).length;
