// Merging imported resources into a Resources sheet: same Type + Resource ID replaced, everything else kept.
import { type Cell, cellText, normalizeName } from '../core';
import { findColumn, ID_NAMES, TYPE_NAMES } from './columns';
import type { ImportedResource } from './types';

/** Columns a user may fill in by hand; an import without a value for them leaves the user's value alone. */
const ROUTING = new Set(['name', 'owner', 'businessunit', 'environment']);

export interface MergeOutcome {
  rows: Cell[][];
  added: number;
  replaced: number;
  newColumns: string[];
}

const keyOf = (type: string, id: string) => `${type.trim().toLowerCase()}\u0000${id.trim()}`;

/**
 * The sheet's rows after the import. A replaced row keeps its cells in columns this import does not write
 * (the user's own columns); in columns it does write, it takes the new value, or blank when the resource
 * no longer has one (routing columns excepted). New attribute columns are appended to the header.
 */
export function mergeResources(existing: Cell[][], imported: ImportedResource[]): MergeOutcome {
  const header: Cell[] =
    existing.length && existing[0].some((c) => cellText(c) !== '') ? [...existing[0]] : [];
  const body = existing.slice(header.length ? 1 : 0).map((r) => [...r]);
  const newColumns: string[] = [];
  const columnOf = new Map<string, number>();
  header.forEach((h, i) => {
    const k = normalizeName(cellText(h));
    if (k && !columnOf.has(k)) columnOf.set(k, i);
  });
  const ensure = (name: string): number => {
    const k = normalizeName(name);
    const found = columnOf.get(k);
    if (found !== undefined) return found;
    header.push(name);
    newColumns.push(name);
    columnOf.set(k, header.length - 1);
    return header.length - 1;
  };
  let idCol = findColumn(header, ID_NAMES);
  if (idCol < 0) idCol = ensure('Resource ID');
  let typeCol = findColumn(header, TYPE_NAMES);
  if (typeCol < 0) typeCol = ensure('Type');

  // The last of several imported rows with one key wins.
  const latest = new Map<string, ImportedResource>();
  for (const r of imported) {
    const k = keyOf(r.type, r.id);
    latest.delete(k);
    latest.set(k, r);
  }
  const names = [...latest.values()].flatMap((r) => Object.keys(r.cells));
  const ordered = [
    ...names.filter((n) => normalizeName(n) !== 'document'),
    ...names.filter((n) => normalizeName(n) === 'document'),
  ];
  const written = new Set(ordered.map(ensure));

  const toRow = (r: ImportedResource, base: Cell[]): Cell[] => {
    const row = Array.from({ length: header.length }, (_, i) => base[i] ?? null);
    for (const col of written) if (!ROUTING.has(normalizeName(cellText(header[col])))) row[col] = null;
    for (const [name, value] of Object.entries(r.cells)) row[columnOf.get(normalizeName(name))!] = value;
    row[idCol] = r.id;
    row[typeCol] = r.type;
    return row;
  };

  let replaced = 0;
  const used = new Set<string>();
  const rows = body.map((old) => {
    const k = keyOf(cellText(old[typeCol]), cellText(old[idCol]));
    const r = latest.get(k);
    if (!r) return Array.from({ length: Math.max(header.length, old.length) }, (_, i) => old[i] ?? null);
    replaced++;
    used.add(k);
    return toRow(r, old);
  });
  let added = 0;
  for (const [k, r] of latest) {
    if (used.has(k)) continue;
    rows.push(toRow(r, []));
    added++;
  }
  return { rows: [header, ...rows], added, replaced, newColumns };
}
