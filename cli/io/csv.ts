// CSV in and out for a folder-of-CSVs workbook: one file a sheet, formula-like text neutralised on the way out.
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Cell, Grid } from '../../core/types';
import type { WriteCell } from '../../core/output/patch';

/** Text a spreadsheet would read as a formula or DDE call (OWASP "CSV injection"), or such text already quote-prefixed (so the quote round-trips). */
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;

/** Sheets the engine writes; their cells are read back through `fromCsvCell`. */
const ENGINE_SHEETS = new Set(['results', 'summary', 'runhistory']);

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

/** Normalised sheet name, as core matches them: case, spaces, `_` and `-` ignored. */
function sheetKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Reads every `*.csv` of a folder as a sheet named by its file name; Rules first, then by name. */
export function readCsvFolder(dir: string): { grids: Grid[]; errors: string[] } {
  const errors: string[] = [];
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv'));
  } catch (err) {
    return { grids: [], errors: [`${dir}: cannot read the folder: ${(err as Error).message}`] };
  }
  const named = files.map((f) => ({ file: f, name: f.slice(0, -4) }));
  named.sort((a, b) => {
    const ra = sheetKey(a.name) === 'rules' ? 0 : 1;
    const rb = sheetKey(b.name) === 'rules' ? 0 : 1;
    if (ra !== rb) return ra - rb;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  const grids: Grid[] = [];
  for (const { file, name } of named) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, file), 'utf8');
    } catch (err) {
      errors.push(`${file}: cannot read the file: ${(err as Error).message}`);
      continue;
    }
    const parsed = parseCsv(text, file);
    if (parsed.error) {
      errors.push(parsed.error);
      continue;
    }
    const rows = ENGINE_SHEETS.has(sheetKey(name))
      ? parsed.rows.map((r) => r.map((c) => (typeof c === 'string' ? fromCsvCell(c) : c)))
      : parsed.rows;
    grids.push({ name, rows });
  }
  return { grids, errors };
}

/** `2026-03-01` for a midnight UTC date, the full ISO text otherwise. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Text that cannot become a formula when a spreadsheet opens the CSV. */
function neutralise(text: string): string {
  return NEEDS_QUOTE.test(text) ? `'${text}` : text;
}

function csvCell(cell: WriteCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return dateText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return neutralise(cell);
  return neutralise(cell.text);
}

/** Writes rows as CSV text (`\n` line ends, a final newline), every formula-like text prefixed with `'`. */
export function toCsv(rows: WriteCell[][]): string {
  return stringify(
    rows.map((r) => Array.from(r, (c) => csvCell(c))),
    { record_delimiter: '\n', quoted_match: /\r/ },
  );
}

/** Undoes `toCsv`'s protective quote: `'=SUM(1)` reads back as `=SUM(1)`; other text is unchanged. */
export function fromCsvCell(text: string): string {
  return text.startsWith("'") && NEEDS_QUOTE.test(text.slice(1)) ? text.slice(1) : text;
}
