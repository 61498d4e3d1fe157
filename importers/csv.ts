// CSV import: rows under a header, keyed by Resource ID and Type columns (or --id FIELD and --type).
import { parseCsv } from './csv-text';
import { cellText, normalizeName } from '../core';
import { RowBuilder } from './row-builder';
import { findColumn, ID_NAMES, TYPE_NAMES } from './columns';
import type { ImportedResource, ImportOptions, ImportOutput } from './types';

export function importCsv(text: string, fileName: string, options: ImportOptions = {}): ImportOutput {
  const parsed = parseCsv(text, fileName);
  if (parsed.error) return { rows: [], errors: [parsed.error] };
  const [header = [], ...body] = parsed.rows;
  const headers = header.map((h) => cellText(h));
  const idCol =
    options.id !== undefined
      ? findColumn(headers, [normalizeName(options.id)])
      : findColumn(headers, ID_NAMES);
  const typeCol = findColumn(headers, TYPE_NAMES);
  const errors: string[] = [];
  if (idCol < 0)
    errors.push(
      `${fileName}: no ${options.id ? `'${options.id}'` : 'Resource ID'} column; name the ID column with --id FIELD.`,
    );
  if (typeCol < 0 && !options.type)
    errors.push(`${fileName}: no Type column; add one or give the type with --type.`);
  if (errors.length) return { rows: [], errors };
  const rows: ImportedResource[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => cellText(c) === '')) return;
    const where = `${fileName} line ${i + 2}`;
    const id = cellText(cells[idCol]);
    const type = options.type ?? cellText(cells[typeCol]);
    if (!id || !type) {
      errors.push(`${where}: ${!id ? 'the Resource ID' : 'the Type'} is empty.`);
      return;
    }
    const b = new RowBuilder(type, id, where);
    headers.forEach((h, c) => {
      if (c !== idCol && c !== typeCol && h) b.set(h, cells[c]);
    });
    const row = b.build();
    if (row) rows.push(row);
    for (const e of b.errors) errors.push(e);
  });
  return { rows, errors };
}
