// Finding the key columns of a Resources sheet by the names and aliases core reads them by.
import { type Cell, cellText, columnNames, normalizeName, RESOURCE_COLUMNS } from '../core';

export const ID_NAMES = columnNames(RESOURCE_COLUMNS.id);
export const TYPE_NAMES = columnNames(RESOURCE_COLUMNS.type);
export const DOCUMENT_NAMES = columnNames(RESOURCE_COLUMNS.document);

/** The first column whose normalized header is one of `names` (earlier names preferred), or -1. */
export function findColumn(headers: readonly (Cell | undefined)[], names: readonly string[]): number {
  const keys = headers.map((h) => normalizeName(cellText(h)));
  for (const n of names) {
    const i = keys.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}
