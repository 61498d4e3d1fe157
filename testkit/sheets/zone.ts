// Wall-clock dates in the fake spreadsheet's time zone, found by search so they do not share the adapter's arithmetic.
const HOUR = 3_600_000;

function wallParts(instant: number, timeZone: string): number[] {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const get = (type: string) =>
    Number(f.formatToParts(new Date(instant)).find((p) => p.type === type)?.value);
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map(get);
}

/** The instant that is midnight of the given calendar day in the zone (as Sheets stores a date cell). */
export function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  for (let h = -15; h <= 15; h++) {
    const t = Date.UTC(year, month - 1, day) - h * HOUR;
    const [y, mo, d, hh, mi, s] = wallParts(t, timeZone);
    if (y === year && mo === month && d === day && hh === 0 && mi === 0 && s === 0) return new Date(t);
  }
  // Zones with a half-hour offset or a midnight DST jump: fall back to minute steps.
  for (let m = -15 * 60; m <= 15 * 60; m++) {
    const t = Date.UTC(year, month - 1, day) - m * 60_000;
    const [y, mo, d, hh, mi] = wallParts(t, timeZone);
    if (y === year && mo === month && d === day && hh === 0 && mi === 0) return new Date(t);
  }
  return new Date(Date.UTC(year, month - 1, day));
}

/** A UTC-midnight date as the same calendar day in the zone; other instants unchanged. */
export function utcDateToLocal(d: Date, timeZone: string): Date {
  if (d.getTime() % 86_400_000 !== 0) return new Date(d.getTime());
  return localMidnight(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), timeZone);
}

/** A stored date read back for comparison: local midnight becomes UTC midnight of that day. */
export function localToUtcDate(d: Date, timeZone: string): Date {
  const [y, mo, day, hh, mi, s] = wallParts(d.getTime(), timeZone);
  const exact = d.getTime() % 1000 === 0;
  return hh === 0 && mi === 0 && s === 0 && exact
    ? new Date(Date.UTC(y, mo - 1, day))
    : new Date(d.getTime());
}
