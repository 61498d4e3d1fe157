// Host limits: rows, characters a cell and cells a workbook, enforced on the patches with a problem each time, never silently.
import { problem, type Problem } from '../problems';
import type { Grid } from '../types';
import { normalizeName } from '../names';
import { safeText, type Patch, type SheetFormat, type WriteCell } from './patch';
import type { HostLimits } from './types';

/** Excel's sheet-name rules, which Google Sheets also accepts: 1–31 characters, none of `: \ / ? * [ ]`, not `History`. */
export function isValidSheetName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !/^'|'$/.test(name) &&
    name.toLowerCase() !== 'history'
  );
}

const ELLIPSIS = '…';

function cut(text: string, max: number): string {
  return text.slice(0, Math.max(0, max - ELLIPSIS.length)) + ELLIPSIS;
}

interface LongCell {
  count: number;
  longest: number;
  at?: { row: number; col: number };
}

/**
 * Cuts one cell if it is too long, noting it; returns the cell to write. This is the last pass over every
 * cell, so it also wraps formula-like text a sheet builder left bare: no written text may become a formula.
 */
function fitCell(cell: WriteCell, max: number, long: LongCell, row: number, col: number): WriteCell {
  const text =
    typeof cell === 'string'
      ? cell
      : cell !== null && typeof cell === 'object' && 'text' in cell
        ? cell.text
        : undefined;
  if (text === undefined) return cell;
  if (text.length <= max) return typeof cell === 'string' ? safeText(cell) : cell;
  long.count++;
  if (text.length > long.longest) long.longest = text.length;
  long.at ??= { row, col };
  return safeText(cut(text, max));
}

function longCellProblem(sheet: string, long: LongCell, limits: HostLimits): Problem[] {
  if (long.count === 0) return [];
  const params = {
    sheet,
    length: long.longest,
    limit: limits.maxCellChars,
    host: limits.host,
    count: long.count,
  };
  // One cut cell is pointed at exactly; many are one problem with a count rather than a flood.
  if (long.count === 1) return [problem('cell_too_long', params, { sheet, ...long.at })];
  return [problem('cells_too_long', params, { sheet })];
}

/** Keeps format ranges inside the rows that are written. */
function clampFormat(format: SheetFormat, lastRow: number): SheetFormat {
  const clamp = <T extends { fromRow: number; toRow: number }>(ranges: T[] | undefined) =>
    ranges?.filter((r) => r.fromRow <= lastRow).map((r) => ({ ...r, toRow: Math.min(r.toRow, lastRow) }));
  return {
    ...format,
    dropdowns: clamp(format.dropdowns),
    statusColors: clamp(format.statusColors),
    numberFormats: clamp(format.numberFormats),
    chart:
      format.chart && format.chart.fromRow <= lastRow
        ? { ...format.chart, toRow: Math.min(format.chart.toRow, lastRow) }
        : undefined,
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Cells a patch adds; a columns patch adds only the columns past its sheet's current width. */
function patchCells(patch: Patch, widths: Map<string, number>): number {
  if (patch.kind === 'columns') {
    const width = widths.get(normalizeName(patch.sheet)) ?? 0;
    const height = Math.max(0, ...patch.columns.map((c) => c.values.length));
    const added = new Set(patch.columns.map((c) => c.col).filter((col) => col >= width)).size;
    return added * height;
  }
  const width = Math.max(0, ...patch.rows.map((r) => r.length));
  return width * patch.rows.length;
}

function gridWidth(grid: Grid): number {
  return Math.max(0, ...grid.rows.map((r) => r.length));
}

/**
 * Fits patches to a host: rows past maxRows are cut (too_many_rows), over-long text is cut to end with `…`
 * (cell_too_long / cells_too_long), and a workbook over maxCells is reported (too_many_cells; nothing is cut,
 * since no one sheet is the right one to shorten). `userGrids` are the sheets the patches leave in place.
 */
export function applyLimits(
  patches: readonly Patch[],
  limits: HostLimits,
  userGrids: readonly Grid[] = [],
): { patches: Patch[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const out: Patch[] = [];
  for (const patch of patches) {
    const long: LongCell = { count: 0, longest: 0 };
    if (patch.kind === 'sheet') {
      let rows = patch.rows;
      let format = patch.format;
      if (rows.length > limits.maxRows) {
        problems.push(
          problem(
            'too_many_rows',
            { sheet: patch.sheet, rows: rows.length, limit: limits.maxRows, host: limits.host },
            { sheet: patch.sheet },
          ),
        );
        rows = rows.slice(0, limits.maxRows);
        format = withoutUndefined(clampFormat(format, limits.maxRows - 1));
      }
      rows = rows.map((row, r) => row.map((cell, c) => fitCell(cell, limits.maxCellChars, long, r, c)));
      out.push({ ...patch, rows, format });
    } else {
      let format = patch.format;
      let columns = patch.columns;
      const height = Math.max(0, ...columns.map((c) => c.values.length));
      if (height > limits.maxRows) {
        problems.push(
          problem(
            'too_many_rows',
            { sheet: patch.sheet, rows: height, limit: limits.maxRows, host: limits.host },
            { sheet: patch.sheet },
          ),
        );
        columns = columns.map((c) => ({ ...c, values: c.values.slice(0, limits.maxRows) }));
        format = withoutUndefined(clampFormat(format, limits.maxRows - 1));
      }
      columns = columns.map((c) => ({
        ...c,
        values: c.values.map((cell, r) => fitCell(cell, limits.maxCellChars, long, r, c.col)),
      }));
      out.push({ ...patch, columns, format });
    }
    problems.push(...longCellProblem(patch.sheet, long, limits));
  }

  if (limits.maxCells !== undefined) {
    const rewritten = new Set(out.filter((p) => p.kind === 'sheet').map((p) => normalizeName(p.sheet)));
    const kept = userGrids.filter((g) => !rewritten.has(normalizeName(g.name)));
    const widths = new Map(kept.map((g) => [normalizeName(g.name), gridWidth(g)]));
    const cells =
      out.reduce((n, p) => n + patchCells(p, widths), 0) +
      kept.reduce((n, g) => n + gridWidth(g) * g.rows.length, 0);
    if (cells > limits.maxCells) {
      problems.push(
        problem('too_many_cells', {
          sheet: 'The workbook',
          cells,
          limit: limits.maxCells,
          host: limits.host,
        }),
      );
    }
  }
  return { patches: out, problems };
}
