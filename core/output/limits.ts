// Host limits: rows, characters a cell and cells a workbook, enforced on the patches with a problem each time, never silently.
import { formatProblem, problem, type Problem } from '../problems';
import type { Grid } from '../types';
import { normalizeName } from '../names';
import { looksLikeFormula, safeText, type Patch, type SheetFormat, type WriteCell } from './patch';
import type { HostLimits } from './types';

/** Excel's sheet-name rules, which Google Sheets also accepts: 1–31 characters, none of `: \ / ? * [ ]`, not `History`. */
/** The problems that say a run's output does not fit its host; a host that sees any of them writes nothing. */
const HOST_LIMIT_CODES: ReadonlySet<string> = new Set([
  'too_many_rows',
  'too_many_cells',
  'cell_too_long',
  'cells_too_long',
]);

export function overHostLimits(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => HOST_LIMIT_CODES.has(p.code));
}

/** What a host says when it refuses such a run; `host` is its name as a possessive ("Excel's", "Google Sheets'"). */
export function overLimitsRefusal(host: string, problems: readonly Problem[]): string {
  return (
    `Rulesheet stopped before writing: the results do not fit ${host} limits. Nothing was changed. ` +
    `${problems.map(formatProblem).join(' ')} Turn off passing rows in Settings, shorten the longest cells, or ` +
    'validate a large rulebook with the command line.'
  );
}

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

/**
 * Fits text to a host's characters-a-cell limit, noting every cut: text too long is cut to end with `…`, and
 * formula-like text is wrapped so that no written text may become a formula. A sheet builder that writes many
 * cells fits them as it makes them (`resultsSheet`); `applyLimits` fits the rest.
 */
export class CellFitter {
  count = 0;
  longest = 0;
  /** The first cut cell in sheet order. */
  at?: { row: number; col: number };

  /** Cuts in rows from `maxRows` on are not noted: those rows are not written. */
  constructor(
    readonly maxChars: number,
    readonly maxRows = Infinity,
  ) {}

  /** The cell to write for a text. */
  text(text: string, row: number, col: number): WriteCell {
    if (text.length > this.maxChars) return this.cut(text, row, col);
    return looksLikeFormula(text) ? { text } : text;
  }

  /** The cell to write for any cell: text is fitted, anything else is written as it is. */
  cell(cell: WriteCell, row: number, col: number): WriteCell {
    if (typeof cell === 'string') return this.text(cell, row, col);
    if (cell !== null && typeof cell === 'object' && 'text' in cell && cell.text.length > this.maxChars)
      return this.cut(cell.text, row, col);
    return cell;
  }

  private cut(text: string, row: number, col: number): WriteCell {
    if (row < this.maxRows) {
      this.count++;
      if (text.length > this.longest) this.longest = text.length;
      // The first cut in sheet order, whatever order the cells are fitted in.
      const at = this.at;
      if (at === undefined || row < at.row || (row === at.row && col < at.col)) this.at = { row, col };
    }
    return safeText(cut(text, this.maxChars));
  }
}

/** Whether a cell is text, the only kind a limit or a formula guard can change. */
function isText(cell: WriteCell): boolean {
  return typeof cell === 'string' || (cell !== null && typeof cell === 'object' && 'text' in cell);
}

/** Rows fitted; a row (and the list of rows) is copied only when one of its cells changes. */
function fitRows(rows: WriteCell[][], fitter: CellFitter): WriteCell[][] {
  let out: WriteCell[][] | undefined;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let copy: WriteCell[] | undefined;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!isText(cell)) continue;
      const fitted = fitter.cell(cell, r, c);
      if (fitted !== cell) (copy ??= row.slice())[c] = fitted;
    }
    if (copy) (out ??= rows.slice())[r] = copy;
  }
  return out ?? rows;
}

/** One generated column's values fitted, copied only when one changes. */
function fitColumn(values: WriteCell[], col: number, fitter: CellFitter): WriteCell[] {
  let copy: WriteCell[] | undefined;
  for (let r = 0; r < values.length; r++) {
    const cell = values[r];
    if (!isText(cell)) continue;
    const fitted = fitter.cell(cell, r, col);
    if (fitted !== cell) (copy ??= values.slice())[r] = fitted;
  }
  return copy ?? values;
}

function longCellProblem(sheet: string, long: CellFitter, limits: HostLimits): Problem[] {
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

/** The widest row's length. */
function widthOf(rows: readonly (readonly unknown[])[]): number {
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  return width;
}

/** Cells a patch adds; a columns patch adds only the columns past its sheet's current width. */
function patchCells(patch: Patch, widths: Map<string, number>): number {
  if (patch.kind === 'columns') {
    const width = widths.get(normalizeName(patch.sheet)) ?? 0;
    const height = widthOf(patch.columns.map((c) => c.values));
    const added = new Set(patch.columns.map((c) => c.col).filter((col) => col >= width)).size;
    return added * height;
  }
  return widthOf(patch.rows) * patch.rows.length;
}

/**
 * Fits patches to a host: rows past maxRows are cut (too_many_rows), over-long text is cut to end with `…`
 * (cell_too_long / cells_too_long), and a workbook over maxCells is reported (too_many_cells; nothing is cut,
 * since no one sheet is the right one to shorten). `userGrids` are the sheets the patches leave in place.
 * `fitted` names patches whose text cells were already fitted as they were made, with the fitter that noted the cuts:
 * their cells are not looked at again.
 */
export function applyLimits(
  patches: readonly Patch[],
  limits: HostLimits,
  userGrids: readonly Grid[] = [],
  fitted: ReadonlyMap<Patch, CellFitter> = new Map(),
): { patches: Patch[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const out: Patch[] = [];
  for (const patch of patches) {
    const done = fitted.get(patch);
    const long = done ?? new CellFitter(limits.maxCellChars);
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
      if (!done) rows = fitRows(rows, long);
      out.push({ ...patch, rows, format });
    } else {
      let format = patch.format;
      let columns = patch.columns;
      const height = widthOf(columns.map((c) => c.values));
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
      if (!done) columns = columns.map((c) => ({ ...c, values: fitColumn(c.values, c.col, long) }));
      out.push({ ...patch, columns, format });
    }
    for (const p of longCellProblem(patch.sheet, long, limits)) problems.push(p);
  }

  if (limits.maxCells !== undefined) {
    const rewritten = new Set(out.filter((p) => p.kind === 'sheet').map((p) => normalizeName(p.sheet)));
    const kept = userGrids.filter((g) => !rewritten.has(normalizeName(g.name)));
    const widths = new Map(kept.map((g) => [normalizeName(g.name), widthOf(g.rows)]));
    const cells =
      out.reduce((n, p) => n + patchCells(p, widths), 0) +
      kept.reduce((n, g) => n + widthOf(g.rows) * g.rows.length, 0);
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
