// Calendar dates in a time zone: which day an instant falls on there, and which day a date cell names.
import type { Cell } from '../types';
import { cellDate } from './cells';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone, as YYYY-MM-DD; the UTC date when the zone is unknown. */
export function dateInZone(instant: Date, timeZone: string): string {
  try {
    let f = formatters.get(timeZone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      formatters.set(timeZone, f);
    }
    const parts = f.formatToParts(instant);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}

// ISO text with a time: the date part, and the offset (Z or ±hh:mm) when one is written.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The calendar date (YYYY-MM-DD) a cell names in a time zone, or undefined when it is not a date.
 * Only an instant is moved into the zone: ISO text with an offset, or a Date with a time of day (Sheets hands
 * date-times over as instants). A date (text, a Date at UTC midnight, as hosts hand date cells over) and a
 * wall-clock reading (text without an offset, the serial number of a date cell) already name their day.
 */
export function cellCalendarDate(cell: Cell | undefined, timeZone: string): string | undefined {
  const date = cellDate(cell);
  if (date === undefined) return undefined;
  if (typeof cell === 'number') return date.toISOString().slice(0, 10);
  if (typeof cell === 'string') {
    const m = DATE_TIME.exec(cell.trim());
    if (m && m[2] === undefined) return m[1];
    if (!m) return date.toISOString().slice(0, 10);
    return dateInZone(date, timeZone);
  }
  return date.getTime() % DAY_MS === 0 ? date.toISOString().slice(0, 10) : dateInZone(date, timeZone);
}

/** The calendar date a cell names in a time zone (see cellCalendarDate) as a Date at UTC midnight. */
export function calendarDay(cell: Cell | undefined, timeZone: string): Date | undefined {
  const day = cellCalendarDate(cell, timeZone);
  return day === undefined ? undefined : new Date(`${day}T00:00:00.000Z`);
}
