// Reading cells as text, numbers and dates the way a spreadsheet user means them.
import type { Cell } from '../types';

/** A cell as trimmed text: blank for null, TRUE/FALSE for booleans, YYYY-MM-DD (or full ISO) for dates. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return isoDateOrTime(cell);
  return String(cell);
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Texts of dates already written: a run's dates are a few (now, each severity's due date) met a million times. */
const isoTexts = new Map<number, string>();
const MAX_ISO_TEXTS = 4096;

/** `2026-03-01` for a midnight UTC date, the full ISO text otherwise. */
export function isoDateOrTime(d: Date): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return '';
  let text = isoTexts.get(ms);
  if (text === undefined) {
    const iso = d.toISOString();
    text = iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
    if (isoTexts.size >= MAX_ISO_TEXTS) isoTexts.clear();
    isoTexts.set(ms, text);
  }
  return text;
}

/** Excel's day zero: serial 1 is 1900-01-01 and the 1900 leap-year bug is folded in from serial 61 on. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function excelSerialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS));
}

/**
 * A date from a cell: a Date, an Excel serial number, or ISO text (`2026-03-01`, `2026-03-01T10:00:00Z`).
 * Date-only text means midnight UTC. Undefined when the cell is blank or not a date.
 */
export function cellDate(cell: Cell | undefined): Date | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell;
  if (typeof cell === 'number')
    return Number.isFinite(cell) && cell > 0 && cell < 2_958_466 ? excelSerialToDate(cell) : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    );
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date =
    m[4] === undefined ? new Date(Date.UTC(Number(y), month - 1, day)) : new Date(m[7] ? text : `${text}Z`);
  if (Number.isNaN(date.getTime()) || (m[4] === undefined && date.getUTCDate() !== day)) return undefined;
  return date;
}

/** TRUE/FALSE (any case), yes/no, 1/0 and boolean cells; undefined for anything else (blank included). */
export function cellBoolean(cell: Cell | undefined): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : undefined;
  if (typeof cell !== 'string') return undefined;
  const t = cell.trim().toLowerCase();
  if (t === 'true' || t === 'yes' || t === 'y' || t === '1') return true;
  if (t === 'false' || t === 'no' || t === 'n' || t === '0') return false;
  return undefined;
}
