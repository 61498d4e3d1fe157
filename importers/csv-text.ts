// CSV text in and out, with no file system: parsing one file's text, writing rows with formula-like text neutralised.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { a1, type Cell, looksLikeFormula, type WriteCell } from '../core';

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
    return { rows: [], error: csvErrorText(err, fileName) };
  }
}

/** What csv-parse reports when it gives up: its line, how many records were complete, the 0-based column. */
interface CsvParseError {
  code?: string;
  lines?: number;
  records?: number;
  column?: number;
  message?: string;
}

const FIX_QUOTES = 'put the whole value in quotes and write each " inside it as ""';

/** Why the CSV cannot be read, said as a spreadsheet user counts: line and cell from 1, the cell as A1. */
function csvErrorText(err: unknown, fileName: string): string {
  const e = (err ?? {}) as CsvParseError;
  const line = typeof e.lines === 'number' ? ` line ${e.lines}` : '';
  const cell =
    typeof e.records === 'number' && typeof e.column === 'number' ? `, cell ${a1(e.records, e.column)}` : '';
  const reasons: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: `a quoted value is never closed: end it with " and write each " inside it as ""`,
    INVALID_OPENING_QUOTE: `a quote is inside a value that does not start with one: ${FIX_QUOTES}`,
    CSV_INVALID_CLOSING_QUOTE: `a quoted value goes on after its closing quote: ${FIX_QUOTES}`,
  };
  const reason =
    reasons[e.code ?? ''] ??
    String(e.message ?? err)
      .replace(/^Invalid Record Length: /, '')
      // csv-parse counts fields from 0; a reader counts them from 1.
      .replace(/\bfield (\d+)/g, (_m, n: string) => `field ${Number(n) + 1}`);
  return `${fileName}${line}${cell}: cannot read the CSV: ${reason}`;
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

/** Every cell as its text, by plain loops: a report at 50,000 × 500 has 47 M cells. */
function texts(rows: WriteCell[][], text: (cell: WriteCell | undefined) => string): string[][] {
  const out = new Array<string[]>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const cells = new Array<string>(row.length);
    for (let c = 0; c < row.length; c++) cells[c] = text(row[c]);
    out[r] = cells;
  }
  return out;
}

const CSV_OPTIONS = { record_delimiter: '\n', quoted_match: /\r/ } as const;

/**
 * Writes an engine sheet or a report as CSV text (`\n` line ends, a final newline), every formula-like text
 * prefixed with `'`; `fromCsvCell` undoes it.
 */
export function toCsv(rows: WriteCell[][]): string {
  return stringify(texts(rows, csvCell), CSV_OPTIONS);
}

/**
 * Writes one of the rulebook's own sheets (Rules, Resources…) as CSV text: its cells are data and are written
 * exactly as they are, so reading the file back gives the same cells however often it is rewritten.
 */
export function toDataCsv(rows: WriteCell[][]): string {
  return stringify(texts(rows, dataCell), CSV_OPTIONS);
}

/** Undoes `toCsv`'s protective quote: `'=SUM(1)` reads back as `=SUM(1)`; other text is unchanged. */
export function fromCsvCell(text: string): string {
  return text.charCodeAt(0) === QUOTE && needsQuote(text.slice(1)) ? text.slice(1) : text;
}
