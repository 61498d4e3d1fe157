// Test helper: a Grid written as a compact table that reads like the sheet, and A1 access into it.
import { parseA1 } from '../../core/a1';
import type { Cell, Grid } from '../../core/types';

/**
 * `sheet('Rules', table)` where the table is one line a row and `|` between cells:
 *
 *     Rule ID | Title          | Resource Type
 *     S3-001  | Buckets block  | aws_s3_bucket
 *     |
 *
 * Cells are trimmed; an empty cell is null; a line that is only `|` is a blank row; whitespace-only lines
 * are ignored; rows keep their own length (ragged rows stay ragged). Pass Cell[][] for numbers, dates, booleans.
 */
export function sheet(name: string, table: string | Cell[][]): Grid {
  return { name, rows: typeof table === 'string' ? parseTable(table) : table };
}

export function parseTable(table: string): Cell[][] {
  return table
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('|').map((cell) => (cell.trim() === '' ? null : cell.trim())));
}

/** The cell at an A1 reference (`at(grid, 'C7')`); undefined beyond the row's end. */
export function at(grid: Grid, ref: string): Cell | undefined {
  const pos = parseA1(ref);
  if (!pos) throw new Error(`not an A1 reference: ${ref}`);
  return grid.rows[pos.row]?.[pos.col];
}

/** A grid with `cells` written into a copy of `grid` at A1 references: `withCells(g, { C3: 'High' })`. */
export function withCells(grid: Grid, cells: Record<string, Cell>): Grid {
  const rows = grid.rows.map((row) => [...row]);
  for (const [ref, value] of Object.entries(cells)) {
    const pos = parseA1(ref);
    if (!pos) throw new Error(`not an A1 reference: ${ref}`);
    while (rows.length <= pos.row) rows.push([]);
    const row = rows[pos.row];
    while (row.length <= pos.col) row.push(null);
    row[pos.col] = value;
  }
  return { name: grid.name, rows };
}
