// CSV in and out for a folder-of-CSVs workbook: one file a sheet, formula-like text neutralised on the way out.
import * as fs from 'fs';
import * as path from 'path';
import { type Grid, normalizeName } from '../../core';
import { fromCsvCell, parseCsv } from '../../importers/csv-text';

export { fromCsvCell, parseCsv, toCsv, toDataCsv, type ParsedCsv } from '../../importers/csv-text';

/** Sheets the engine writes; their cells are read back through `fromCsvCell`. */
const ENGINE_SHEETS = new Set(['results', 'summary', 'runhistory']);

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
    const ra = normalizeName(a.name) === 'rules' ? 0 : 1;
    const rb = normalizeName(b.name) === 'rules' ? 0 : 1;
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
    const rows = ENGINE_SHEETS.has(normalizeName(name))
      ? parsed.rows.map((r) => r.map((c) => (typeof c === 'string' ? fromCsvCell(c) : c)))
      : parsed.rows;
    grids.push({ name, rows });
  }
  return { grids, errors };
}

/** `2026-03-01` for a midnight UTC date, the full ISO text otherwise. */
