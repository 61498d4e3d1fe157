// Import: resources merged into a Resources sheet, as one cells patch that rewrites the sheet's values.
import { type Cell, type Grid, normalizeName, type SheetWrite, type WriteCell } from '../core';
import { mergeResources } from './merge';
import type { ImportedResource } from './types';

export interface ResourcesWrite extends SheetWrite {
  /** The sheet written (added when the workbook has none by that name). */
  sheet: string;
  imported: number;
  added: number;
  replaced: number;
  newColumns: string[];
  /** What the import skipped and why, one line each, naming the file (see ImportOutput). */
  warnings: string[];
}

/**
 * The patch that merges resources into the sheet named `sheet` (matched as core matches names): same Type +
 * Resource ID replaced, the rest kept. Every value of the sheet is rewritten: the merged rows cover every cell
 * the sheet had, and a blank among them is '' so it clears a value the import removed.
 */
export function planResourcesWrite(
  grids: readonly Grid[],
  sheet: string,
  resources: readonly ImportedResource[],
): ResourcesWrite {
  const grid = grids.find((g) => normalizeName(g.name) === normalizeName(sheet));
  const name = grid?.name ?? sheet;
  const merged = mergeResources(grid?.rows ?? [], [...resources]);
  const rows = merged.rows.map((r) => r.map(asWritten));
  return {
    sheet: name,
    imported: resources.length,
    added: merged.added,
    replaced: merged.replaced,
    newColumns: merged.newColumns,
    warnings: [],
    patches: [{ kind: 'cells', sheet: name, row: 0, col: 0, rows, create: true }],
  };
}

/**
 * A merged cell as the patch writes it. Text is `{ text }`, which every host writes as literal text: a host
 * would otherwise let the spreadsheet retype it (`012345678901` → a number, `1.10` → 1.1, `50%` → 0.5, `TRUE`
 * → a boolean), in imported rows and in the user's rows the rewrite passes through alike. Numbers, booleans
 * and dates stay what they are; a blank is '' so it clears a value the import removed.
 */
function asWritten(cell: Cell): WriteCell {
  if (cell === null || cell === '') return '';
  return typeof cell === 'string' ? { text: cell } : cell;
}
