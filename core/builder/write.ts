// What a write-path operation (add rule, add rule pack, import, new rulebook) hands a host: patches, or why not.
import type { RenderedProblem } from '../problems';
import type { CellsPatch, HostPatch, WriteCell } from '../output/patch';
import type { Cell, Grid } from '../types';
import { normalizeName } from '../names';

export interface SheetWrite {
  /** What to apply, with the one applier a host uses for Validate; empty when refused. */
  patches: HostPatch[];
  /** Set when nothing may be written: the text a host shows (as its error's message). */
  refusal?: string;
}

/** The error text of a refused write, the same in every host: one line a problem, its message then its suggestion. */
export function refusalText(problems: readonly RenderedProblem[]): string {
  return problems.map((p) => [p.message, p.suggestion].filter((t) => t !== '').join(' ')).join('\n');
}

/**
 * The grids after cells patches, as every host must leave them: the reference the conformance suite holds the
 * hosts to. A null cell keeps the grid's cell; '' clears it (read back as null); `{ text }` reads back as its
 * text. A patch on a missing sheet adds it at the end when it says `create`, and is skipped otherwise.
 */
export function applyCellsPatches(grids: readonly Grid[], patches: readonly HostPatch[]): Grid[] {
  const out = grids.map((g) => ({ name: g.name, rows: g.rows.map((r) => [...r]) }));
  for (const p of patches) {
    if (p.kind !== 'cells') continue;
    let grid = out.find((g) => normalizeName(g.name) === normalizeName(p.sheet));
    if (!grid) {
      if (!p.create) continue;
      grid = { name: p.sheet, rows: [] };
      out.push(grid);
    }
    putCells(grid.rows, p);
  }
  return out;
}

function putCells(rows: Cell[][], p: CellsPatch): void {
  p.rows.forEach((cells, i) =>
    cells.forEach((cell, j) => {
      if (cell === null || cell === undefined) return;
      const r = p.row + i;
      const c = p.col + j;
      while (rows.length <= r) rows.push([]);
      while (rows[r].length <= c) rows[r].push(null);
      rows[r][c] = readBack(cell);
    }),
  );
}

function readBack(cell: WriteCell): Cell {
  if (cell === '') return null;
  if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) return cell.text;
  return cell;
}
