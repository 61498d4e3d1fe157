// A run's instant as a reader in the rulebook's time zone reads it: "2026-03-01 09:00 Europe/London (UTC+00:00)".

/** The wall-clock date and time of an instant in a zone, and the zone's offset from UTC then. */
export function zonedTime(instant: Date, timeZone: string): string {
  if (Number.isNaN(instant.getTime())) return '';
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(instant);
  } catch {
    // Settings already refuses an unknown zone; should one arrive here, UTC is the honest fallback.
    return zonedTime(instant, 'UTC');
  }
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  const offsetMin = Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const pad = (v: number) => String(v).padStart(2, '0');
  const text = `${n('year')}-${pad(n('month'))}-${pad(n('day'))} ${pad(n('hour'))}:${pad(n('minute'))}`;
  if (timeZone === 'UTC') return `${text} UTC`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${text} ${timeZone} (UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
}
