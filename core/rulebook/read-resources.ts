// Reading the Resources sheets: one Resource per row with an ID and a Type, cells kept as they are.
import { sheetRef } from '../a1';
import { problem, type Problem } from '../problems';
import type { Grid } from '../types';
import { cellText } from '../values/cells';
import { lowerCase } from '../values/lower';
import { headerTexts, mapHeaders, missingColumns, RESOURCE_COLUMNS, RESOURCE_REQUIRED } from './headers';
import type { Resource, ResourceSheet } from './model';
import { cellAt, isBlankRow, rowAt } from './sheets';

export interface ResourcesRead {
  sheets: ResourceSheet[];
  resources: Resource[];
  problems: Problem[];
  /**
   * Lower-cased type → lower-cased ID → index in `resources` of its first row, so duplicates are found
   * across sheets. Numbers, not cell names: a sheet of 50,000 rows should not build 50,000 strings to keep.
   */
  firstByKey: Map<string, Map<string, number>>;
}

export function emptyResources(): ResourcesRead {
  return { sheets: [], resources: [], problems: [], firstByKey: new Map() };
}

/**
 * Reads one resource sheet into `read`. A sheet without Resource ID or Type is skipped; a row without either
 * is skipped; the same (Type, ID) again, on any sheet and in any case, keeps the first row.
 */
export function readResourceSheet(grid: Grid, read: ResourcesRead): void {
  const { sheets, resources, problems, firstByKey } = read;
  const headers = headerTexts(rowAt(grid, 0));
  const columns = mapHeaders(headers, RESOURCE_COLUMNS);
  const missing = missingColumns(grid.name, headers, columns, RESOURCE_COLUMNS, RESOURCE_REQUIRED);
  if (columns.id === undefined || columns.type === undefined) {
    for (const p of missing) problems.push(p);
    return;
  }
  const columnByName = new Map<string, number>();
  headers.forEach((h, c) => {
    const key = h.toLowerCase();
    if (key !== '' && !columnByName.has(key)) columnByName.set(key, c);
  });
  const sheet: ResourceSheet = {
    name: grid.name,
    index: sheets.length,
    headers,
    columnByName,
    idCol: columns.id,
    typeCol: columns.type,
    documentCol: columns.document,
  };
  sheets.push(sheet);

  for (let r = 1; r < grid.rows.length; r++) {
    const cells = rowAt(grid, r);
    if (isBlankRow(cells)) continue;
    const id = cellText(cellAt(cells, sheet.idCol));
    const type = cellText(cellAt(cells, sheet.typeCol));
    if (id === '') problems.push(emptyAt(sheet, r, sheet.idCol));
    if (type === '') problems.push(emptyAt(sheet, r, sheet.typeCol));
    if (id === '' || type === '') continue;

    const typeKey = lowerCase(type);
    let ids = firstByKey.get(typeKey);
    if (ids === undefined) firstByKey.set(typeKey, (ids = new Map()));
    const idKey = lowerCase(id);
    const firstAt = ids.get(idKey);
    if (firstAt !== undefined) {
      const original = resources[firstAt];
      const first = sheetRef(original.sheet.name, original.row, original.sheet.idCol);
      const loc = { sheet: grid.name, row: r, col: sheet.idCol };
      problems.push(problem('duplicate_resource_id', { id, type, first }, loc));
      continue;
    }
    ids.set(idKey, resources.length);
    checkJsonCells(sheet, r, cells, problems);
    resources.push({
      sheet,
      row: r,
      // The row itself, not a copy: paths resolve lazily and a huge sheet should not be held twice.
      cells: cells as Resource['cells'],
      id,
      type,
      name: cellText(cellAt(cells, columns.name)),
      owner: cellText(cellAt(cells, columns.owner)),
      businessUnit: cellText(cellAt(cells, columns.businessUnit)),
      environment: cellText(cellAt(cells, columns.environment)),
    });
  }
}

function emptyAt(sheet: ResourceSheet, row: number, col: number): Problem {
  const column =
    sheet.headers[col] || (col === sheet.idCol ? RESOURCE_COLUMNS.id.header : RESOURCE_COLUMNS.type.header);
  return problem('empty_required', { column }, { sheet: sheet.name, row, col });
}

/**
 * A cell meant as JSON that does not parse is said once, when the rulebook is read; a rule that must walk
 * into it later gives ERROR naming the same cell. Meant as JSON: the Document column, or text wrapped in
 * `{…}` or `[…]`.
 */
function checkJsonCells(
  sheet: ResourceSheet,
  row: number,
  cells: readonly unknown[],
  problems: Problem[],
): void {
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (typeof cell !== 'string') continue;
    // Most cells start with a letter or digit and are not JSON: decided without trimming.
    const lead = cell.charCodeAt(0);
    if (lead > 32 && lead < 127 && lead !== 123 && lead !== 91) continue;
    const text = cell.trim();
    if (text === '') continue;
    const first = text[0];
    const last = text[text.length - 1];
    const wrapped = (first === '{' && last === '}') || (first === '[' && last === ']');
    if (!wrapped && !(c === sheet.documentCol && (first === '{' || first === '['))) continue;
    try {
      JSON.parse(text);
    } catch (e) {
      const reason = e instanceof Error ? e.message : 'invalid JSON';
      const column = sheet.headers[c] || `column ${c + 1}`;
      problems.push(problem('invalid_json', { column, reason }, { sheet: sheet.name, row, col: c }));
    }
  }
}
