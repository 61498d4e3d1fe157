// Merging a rule pack into the user's Rules sheet: append new rules, update known ones only when asked, never delete.
import { normalizeName } from '../names';
import { generatedColumn, headerTexts, mapHeaders, RULE_COLUMNS } from '../rulebook/headers';
import type { RuleColumn } from '../rulebook/model';
import type { Cell, Grid } from '../types';
import { cellText, isBlank } from '../values/cells';
import type { RulePackData } from './types';

/**
 * The columns a pack may overwrite on a rule the user already has (with `update`). Owner, Business Unit,
 * Enabled and the user's own columns are the user's: a pack never touches them.
 */
export const DEFINITION_COLUMNS: readonly RuleColumn[] = [
  'title',
  'resourceType',
  'field',
  'operator',
  'expected',
  'match',
  'condition',
  'appliesWhen',
  'severity',
  'framework',
  'remediation',
];

export interface CellWrite {
  col: number;
  value: Cell;
}

export interface RuleUpdate {
  ruleId: string;
  /** 0-based row of the user's grid. */
  row: number;
  /** Only the cells that change. */
  cells: CellWrite[];
}

export interface PackMerge {
  /** Header cells to write in row 0: the whole header for an empty sheet, else the columns the pack needs and the sheet lacks, at its right end. */
  header: CellWrite[];
  /** Rows to add, laid out in the user's column order (widened by `header`); write them from row `appendAt` down. */
  append: Cell[][];
  /** 0-based row of the first appended row: just below the last row holding anything. */
  appendAt: number;
  /** Rules the user has whose definitions differ from the pack's (only with `update: true`). */
  update: RuleUpdate[];
  /** Rule IDs the user already has and that were left alone (`update: false`). */
  skipped: string[];
  /** Rule IDs the user already has with exactly the pack's definition. */
  unchanged: string[];
}

const idKey = (v: Cell | undefined) =>
  cellText(v ?? null)
    .trim()
    .toLowerCase();

/**
 * Plans the merge of a pack into a Rules grid, whatever its column order or header aliases (`ID`,
 * `Applies To`, `Check`…). Pure: the caller writes the cells. A Rule ID matches case-insensitively; when
 * the user's sheet holds an ID twice, the first row is the one updated.
 */
export function mergeRulePack(rulesGrid: Grid, pack: RulePackData, options: { update: boolean }): PackMerge {
  const rows = rulesGrid.rows;
  const headers = headerTexts(rows[0]);
  const generated = new Set<number>();
  headers.forEach((h, c) => {
    if (generatedColumn(h)) generated.add(c);
  });
  const columns: Partial<Record<RuleColumn, number>> = mapHeaders(headers, RULE_COLUMNS, generated);

  const packHeaders = pack.rules[0] ?? [];
  const packColumns = mapHeaders(packHeaders, RULE_COLUMNS);
  const packKeys = (Object.keys(packColumns) as RuleColumn[]).sort(
    (a, b) => (packColumns[a] as number) - (packColumns[b] as number),
  );

  // Columns the pack fills and the sheet lacks go after everything already there (generated columns included:
  // the engine finds those by name, so they stay where they are).
  const header: CellWrite[] = [];
  let width = lastUsed(headers) + 1;
  const emptySheet = width === 0;
  for (const key of packKeys) {
    if (columns[key] !== undefined) continue;
    const needed = emptySheet || key === 'ruleId' || packHasValues(pack, packColumns[key] as number);
    if (!needed) continue;
    columns[key] = width;
    header.push({ col: width, value: RULE_COLUMNS[key].header });
    width++;
  }

  const existing = new Map<string, number>();
  const idCol = columns.ruleId as number;
  for (let r = 1; r < rows.length; r++) {
    const key = idKey(rows[r]?.[idCol]);
    if (key !== '' && !existing.has(key)) existing.set(key, r);
  }

  const out: PackMerge = {
    header,
    append: [],
    appendAt: Math.max(1, lastUsedRow(rows) + 1),
    update: [],
    skipped: [],
    unchanged: [],
  };
  const seenInPack = new Set<string>();
  for (const packRow of pack.rules.slice(1)) {
    const id = packRow[packColumns.ruleId as number] ?? '';
    const key = id.trim().toLowerCase();
    if (key === '' || seenInPack.has(key)) continue;
    seenInPack.add(key);
    const valueOf = (k: RuleColumn): Cell => {
      const c = packColumns[k];
      const text = c === undefined ? '' : (packRow[c] ?? '');
      return text === '' ? null : text;
    };
    const row = existing.get(key);
    if (row === undefined) {
      const cells: Cell[] = Array.from({ length: width }, () => null);
      for (const k of packKeys) cells[columns[k] as number] = valueOf(k);
      out.append.push(cells);
      continue;
    }
    if (!options.update) {
      out.skipped.push(id);
      continue;
    }
    const changes: CellWrite[] = [];
    for (const k of DEFINITION_COLUMNS) {
      const col = columns[k];
      if (col === undefined) continue;
      const want = valueOf(k);
      if (!sameCell(rows[row]?.[col] ?? null, want)) changes.push({ col, value: want });
    }
    if (changes.length) out.update.push({ ruleId: id, row, cells: changes });
    else out.unchanged.push(id);
  }
  return out;
}

/** A Rules grid with a merge applied: what a host gets by writing the merge's cells. */
export function applyPackMerge(rulesGrid: Grid, merge: PackMerge): Grid {
  const rows = rulesGrid.rows.map((r) => [...r]);
  const put = (r: number, c: number, v: Cell) => {
    while (rows.length <= r) rows.push([]);
    while (rows[r].length < c) rows[r].push(null);
    rows[r][c] = v;
  };
  for (const h of merge.header) put(0, h.col, h.value);
  for (const u of merge.update) for (const c of u.cells) put(u.row, c.col, c.value);
  merge.append.forEach((cells, i) => cells.forEach((v, c) => put(merge.appendAt + i, c, v)));
  return { name: rulesGrid.name, rows };
}

function packHasValues(pack: RulePackData, col: number): boolean {
  return pack.rules.slice(1).some((r) => (r[col] ?? '') !== '');
}

/** Text cells compare as written, ignoring surrounding spaces; booleans and numbers by their text. */
function sameCell(a: Cell, b: Cell): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  return cellText(a).trim() === cellText(b).trim();
}

function lastUsed(headers: string[]): number {
  for (let c = headers.length - 1; c >= 0; c--) if (normalizeName(headers[c]) !== '') return c;
  return -1;
}

function lastUsedRow(rows: Cell[][]): number {
  for (let r = rows.length - 1; r >= 0; r--) if ((rows[r] ?? []).some((c) => !isBlank(c))) return r;
  return 0;
}
