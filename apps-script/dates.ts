// Date cells across the Sheets boundary: local midnight in the spreadsheet's time zone ⇄ core's UTC-midnight dates.
import type { Cell } from '../core';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Milliseconds the zone is ahead of UTC at this instant (New York in winter: -5 h). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * A Date read from a cell. Sheets hands a date-only cell over as local midnight in the spreadsheet's zone;
 * core means a date-only value as UTC midnight, so those are moved; date-times keep their instant.
 */
export function fromSheetDate(d: Date, timeZone: string): Date {
  const t = d.getTime();
  if (Number.isNaN(t)) return d;
  const local = t + zoneOffsetMs(t, timeZone);
  return new Date(((local % DAY_MS) + DAY_MS) % DAY_MS === 0 ? local : t);
}

/** A Date to write: core's UTC-midnight dates become local midnight, so the cell shows the same calendar day. */
export function toSheetDate(d: Date, timeZone: string): Date {
  const t = d.getTime();
  if (Number.isNaN(t) || t % DAY_MS !== 0) return d;
  let guess = t - zoneOffsetMs(t, timeZone);
  // Across a daylight-saving change the offset at local midnight differs from the one at UTC midnight.
  guess = t - zoneOffsetMs(guess, timeZone);
  return new Date(guess);
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** One cell as core wants it: '' (Sheets' blank) becomes null, dates are normalised. */
export function toCoreCell(value: unknown, timeZone: string): Cell {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // Checked by tag, not instanceof: a Date may come from another realm (a vm context in tests).
  if (isDate(value)) return fromSheetDate(value, timeZone);
  return String(value);
}
