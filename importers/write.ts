// Import: resources merged into a Resources sheet, as one cells patch that writes only the cells the import changes.
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
 * Resource ID replaced, the rest kept. Only the rows the import owns (those it replaces or appends) and the
 * headers of new columns are written, and of those only the cells whose value changes (a blank is '', which
 * clears a value the import removed). Every other cell stays null, which every host leaves as it is, so the
 * user's formulas, links, error cells and formats elsewhere in the sheet survive the import.
 */
export function planResourcesWrite(
  grids: readonly Grid[],
  sheet: string,
  resources: readonly ImportedResource[],
): ResourcesWrite {
  const grid = grids.find((g) => normalizeName(g.name) === normalizeName(sheet));
  const name = grid?.name ?? sheet;
  const old = grid?.rows ?? [];
  const merged = mergeResources(old, [...resources]);
  const rows = merged.rows.map((row, r) => changedCells(old[r] ?? [], row));
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

/** The new row as a patch row: null where the cell keeps its value, '' where a value is cleared. */
function changedCells(before: readonly Cell[], after: readonly Cell[]): WriteCell[] {
  const out: WriteCell[] = after.map((cell, c) => (same(before[c] ?? null, cell) ? null : asWritten(cell)));
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
}

function same(a: Cell, b: Cell): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  const blank = (v: Cell) => v === null || v === '';
  return a === b || (blank(a) && blank(b));
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
