// Finding sheets by name (and alias), and reading their rows without trusting their shape.
import { didYouMean, normalizeName } from '../names';
import type { Cell, Grid } from '../types';
import { cellText, isBlank } from '../values/cells';

export const RULES_SHEET = { name: 'Rules', aliases: ['Rule', 'Rulebook'] };
export const RESOURCES_PREFIX = 'resources';
export const WAIVERS_SHEET = { name: 'Exceptions', aliases: ['Waivers', 'Exception', 'Waiver'] };
export const OWNERS_SHEET = { name: 'Owners', aliases: ['Ownership', 'Owner'] };
export const SETTINGS_SHEET = { name: 'Settings', aliases: ['Setting', 'Configuration'] };
export const RESULTS_SHEET = { name: 'Results', aliases: [] as string[] };
export const HISTORY_SHEET = { name: 'Run History', aliases: [] as string[] };

/** The grids as given, minus anything that is not a grid at all; names are made text and rows made arrays. */
export function cleanGrids(grids: unknown): Grid[] {
  if (!Array.isArray(grids)) return [];
  const out: Grid[] = [];
  for (const g of grids as unknown[]) {
    if (g === null || typeof g !== 'object') continue;
    const { name, rows } = g as { name?: unknown; rows?: unknown };
    if (typeof name === 'string' && Array.isArray(rows)) out.push(g as Grid);
    else
      out.push({
        name: typeof name === 'string' ? name : cellText(name as Cell),
        rows: Array.isArray(rows) ? rows : [],
      });
  }
  return out;
}

/** The first grid whose name is the sheet's name or one of its aliases, ignoring case, spaces, `_` and `-`. */
export function findSheet(
  grids: readonly Grid[],
  sheet: { name: string; aliases: readonly string[] },
): Grid | undefined {
  const wanted = new Set([sheet.name, ...sheet.aliases].map(normalizeName));
  return grids.find((g) => wanted.has(normalizeName(g.name)));
}

/** Every grid whose normalized name starts with the prefix, in grid order (`Resources`, `Resources - AWS`). */
export function findSheetsByPrefix(grids: readonly Grid[], prefix: string): Grid[] {
  return grids.filter((g) => normalizeName(g.name).startsWith(prefix));
}

/** The sheet name closest to a missing sheet's name, for "did you mean". */
export function nearestSheet(grids: readonly Grid[], wanted: string): string | undefined {
  const names = grids.map((g) => g.name);
  const hit = didYouMean(normalizeName(wanted), names.map(normalizeName));
  return hit === undefined ? undefined : names[names.map(normalizeName).indexOf(hit)];
}

/** A row as an array, whatever the grid holds at that index (sparse and non-array rows read as empty). */
export function rowAt(grid: Grid, r: number): readonly Cell[] {
  const row = grid.rows[r];
  return Array.isArray(row) ? row : [];
}

/** A cell, or null when the column is unmapped or the row is short. */
export function cellAt(row: readonly Cell[], col: number | undefined): Cell {
  if (col === undefined || col >= row.length) return null;
  const cell = row[col];
  return cell === undefined ? null : cell;
}

const NO_COLUMNS: ReadonlySet<number> = new Set();

/** True when every cell of the row is blank, skipping the columns in `ignore` (generated columns). */
export function isBlankRow(row: readonly Cell[], ignore: ReadonlySet<number> = NO_COLUMNS): boolean {
  for (let c = 0; c < row.length; c++) if (!ignore.has(c) && !isBlank(row[c])) return false;
  return true;
}

/** A comma (or new-line) separated cell as trimmed items, blanks dropped: `aws_s3_bucket, aws_s3_*`. */
export function commaList(cell: Cell): string[] {
  return cellText(cell)
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
