// CSV text in and out, with no file system: parsing one file's text, writing rows with formula-like text neutralised.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { type Cell, looksLikeFormula, type WriteCell } from '../core';

const QUOTE = 0x27;

/**
 * Text a spreadsheet would read as a formula or DDE call (core's `looksLikeFormula`), or such text already
 * quote-prefixed: that gets one more quote, so that reading back strips exactly the one the writer added.
 */
function needsQuote(text: string): boolean {
  let i = 0;
  while (text.charCodeAt(i) === QUOTE) i++;
  return looksLikeFormula(i === 0 ? text : text.slice(i));
}

export interface ParsedCsv {
  rows: Cell[][];
  error?: string;
}

/** Parses one CSV file's text into rows of cells: text stays text, an empty cell is null. Never throws. */
export function parseCsv(text: string, fileName: string): ParsedCsv {
  try {
    const records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return { rows: records.map((r) => r.map((v) => (v === '' ? null : v))) };
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    const line = typeof e.lines === 'number' ? e.lines : undefined;
    const reason = String(e.message ?? err).replace(/^Invalid Record Length: /, '');
    return {
      rows: [],
      error: `${fileName}${line !== undefined ? ` line ${line}` : ''}: cannot read the CSV: ${reason}`,
    };
  }
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Text that cannot become a formula when a spreadsheet opens the CSV. */
function neutralise(text: string): string {
  return needsQuote(text) ? `'${text}` : text;
}

function csvCell(cell: WriteCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return dateText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return neutralise(cell);
  return neutralise(cell.text);
}

function dataCell(cell: WriteCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return dateText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return cell;
  return cell.text;
}

const CSV_OPTIONS = { record_delimiter: '\n', quoted_match: /\r/ } as const;

/**
 * Writes an engine sheet or a report as CSV text (`\n` line ends, a final newline), every formula-like text
 * prefixed with `'`; `fromCsvCell` undoes it.
 */
export function toCsv(rows: WriteCell[][]): string {
  return stringify(
    rows.map((r) => Array.from(r, (c) => csvCell(c))),
    CSV_OPTIONS,
  );
}

/**
 * Writes one of the rulebook's own sheets (Rules, Resources…) as CSV text: its cells are data and are written
 * exactly as they are, so reading the file back gives the same cells however often it is rewritten.
 */
export function toDataCsv(rows: WriteCell[][]): string {
  return stringify(
    rows.map((r) => Array.from(r, (c) => dataCell(c))),
    CSV_OPTIONS,
  );
}

/** Undoes `toCsv`'s protective quote: `'=SUM(1)` reads back as `=SUM(1)`; other text is unchanged. */
export function fromCsvCell(text: string): string {
  return text.charCodeAt(0) === QUOTE && needsQuote(text.slice(1)) ? text.slice(1) : text;
}
