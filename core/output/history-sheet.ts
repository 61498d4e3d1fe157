// The Run History sheet: every earlier row kept (its figures typed), this run's rows appended; and the trend read back from it.
import { normalizeName } from '../names';
import type { Cell } from '../types';
import { cellDate, cellText, isBlank } from '../values/cells';
import { ALL_BUSINESS_UNITS, HISTORY_HEADER, historyCells } from './history';
import { columnWidths, DATE_TIME_FORMAT, HISTORY_SHEET, PERCENT_FORMAT, TABLE_PRINT } from './formats';
import { safeText, type SheetPatch, type WriteCell } from './patch';
import type { HistoryRow } from './types';

const RUN_AT_COL = HISTORY_HEADER.indexOf('Run At');
const PASS_RATE_COL = HISTORY_HEADER.indexOf('Pass Rate');

/** A cell read back from the sheet, written again exactly: text that would turn into a formula stays text. */
function keep(cell: Cell): WriteCell {
  return typeof cell === 'string' ? safeText(cell) : cell;
}

const COUNT_HEADERS = HISTORY_HEADER.filter(
  (h) => h !== 'Run At' && h !== 'Business Unit' && h !== 'Pass Rate',
);
const WHOLE_NUMBER = /^-?\d+$/;

/**
 * How an earlier row's text cell is typed again, by its column's header: a history read from CSV (or typed by
 * hand) holds `2026-02-01T07:30:00.000Z` and `0.75` as text, which would sit unformatted among this run's typed
 * rows. Text that does not read as its column's type is kept as it is.
 */
function retypers(header: readonly Cell[]): ((text: string) => Cell)[] {
  const names = header.map((c) => normalizeName(cellText(c)));
  return names.map((name) => {
    if (name === normalizeName('Run At')) return (text) => cellDate(text) ?? text;
    if (name === normalizeName('Pass Rate')) return (text) => rateOf(text) ?? text;
    if (COUNT_HEADERS.some((h) => normalizeName(h) === name))
      return (text) => (WHOLE_NUMBER.test(text.trim()) ? Number(text.trim()) : text);
    return (text) => text;
  });
}

/** Earlier rows with their text figures and dates typed again (retypers); the header row as it was. */
function typedRows(kept: readonly Cell[][]): WriteCell[][] {
  if (kept.length === 0) return [];
  const types = retypers(kept[0]);
  return kept.map((row, r) =>
    row.map((cell, c) => (r > 0 && typeof cell === 'string' && types[c] ? keep(types[c](cell)) : keep(cell))),
  );
}

/** Earlier rows without the blank rows at the end, so this run's rows follow the last real one. */
function earlierRows(previous: readonly Cell[][]): Cell[][] {
  let end = previous.length;
  while (end > 0 && previous[end - 1].every((c) => isBlank(c))) end--;
  return previous.slice(0, end);
}

export function historySheet(previous: readonly Cell[][], rows: readonly HistoryRow[]): SheetPatch {
  const kept = earlierRows(previous);
  const out: WriteCell[][] = typedRows(kept);
  if (out.length === 0) out.push([...HISTORY_HEADER]);
  for (const row of rows) {
    const [runAt, unit, ...figures] = historyCells(row);
    out.push([runAt, safeText(unit), ...figures]);
  }
  const last = out.length - 1;
  // Formats cover earlier rows too: they hold the same columns, and a host may have lost them.
  const dataRange = last >= 1 ? { fromRow: 1, toRow: last } : undefined;
  return {
    kind: 'sheet',
    sheet: HISTORY_SHEET,
    rows: out,
    generated: true,
    format: {
      frozenRows: 1,
      headerRow: true,
      columnWidths: columnWidths(HISTORY_HEADER),
      autoFilter: true,
      print: TABLE_PRINT,
      numberFormats: dataRange
        ? [
            { col: RUN_AT_COL, ...dataRange, format: DATE_TIME_FORMAT },
            { col: PASS_RATE_COL, ...dataRange, format: PERCENT_FORMAT },
          ]
        : [],
    },
  };
}

export interface TrendPoint {
  runAt: Date;
  passRate: number;
  failing: number;
}

/** `93.5%` or 0.935 as a fraction; undefined when the cell holds neither. */
function rateOf(cell: Cell | undefined): number | undefined {
  if (typeof cell === 'number') return cell;
  const text = cellText(cell);
  const m = /^(-?\d+(?:\.\d+)?)\s*(%?)$/.exec(text);
  if (!m) return undefined;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

/**
 * The `All` rows of the earlier history followed by this run's, as trend points, the last `limit` of them.
 * Columns are found by header name, so a user who reordered Run History still gets a trend.
 */
export function historyTrend(
  previous: readonly Cell[][],
  rows: readonly HistoryRow[],
  limit = 30,
): TrendPoint[] {
  const points: TrendPoint[] = [];
  const header = (previous[0] ?? []).map((c) => normalizeName(cellText(c)));
  const col = (name: string) => header.indexOf(normalizeName(name));
  const [runAtCol, unitCol, rateCol, failingCol] = ['Run At', 'Business Unit', 'Pass Rate', 'Failing'].map(
    col,
  );
  if (runAtCol >= 0 && unitCol >= 0 && rateCol >= 0) {
    for (const row of previous.slice(1)) {
      if (cellText(row[unitCol]).toLowerCase() !== ALL_BUSINESS_UNITS.toLowerCase()) continue;
      const runAt = cellDate(row[runAtCol]);
      const passRate = rateOf(row[rateCol]);
      if (!runAt || passRate === undefined) continue;
      const failing = failingCol >= 0 ? Number(cellText(row[failingCol])) : NaN;
      points.push({ runAt, passRate, failing: Number.isFinite(failing) ? failing : 0 });
    }
  }
  for (const row of rows) {
    if (row.businessUnit === ALL_BUSINESS_UNITS)
      points.push({ runAt: row.runAt, passRate: row.passRate, failing: row.failing });
  }
  return points.slice(-limit);
}
