// Expected values: a cell or literal turned into operator items, with lists from another sheet's column.
import { normalizeName, didYouMean } from '../names';
import { problem, type Problem } from '../problems';
import type { OperatorSpec } from '../operators/types';
import type { Cell, Grid, Value } from '../types';
import { cellText } from '../values/cells';
import { splitList } from '../values/list';

// `'Approved Images'!Image` or `Registries!Name`: a whole column of another sheet.
const QUOTED_REF = /^'((?:[^']|'')+)'!(.+)$/;
const BARE_REF = /^([A-Za-z][A-Za-z0-9_]*)!([A-Za-z][^,\n]*)$/;

export interface SheetRef {
  sheet: string;
  column: string;
}

export function parseSheetRef(text: string): SheetRef | undefined {
  const t = text.trim();
  const m = QUOTED_REF.exec(t) ?? BARE_REF.exec(t);
  if (!m) return undefined;
  return { sheet: m[1].replace(/''/g, "'"), column: m[2].trim() };
}

/**
 * Sheet names the cells of a Rules grid refer to as lists (`'Approved Images'!Image`, `Registries!Name`),
 * normalized: a host that reads a sheet only in part (the last Results) must read a listed one whole.
 */
export function referencedSheets(grid: Grid): string[] {
  const found = new Set<string>();
  for (const row of grid.rows)
    for (const cell of row) {
      if (typeof cell !== 'string' || !cell.includes('!')) continue;
      const ref = parseSheetRef(cell);
      if (ref) found.add(normalizeName(ref.sheet));
    }
  return [...found];
}

/** The non-blank cells under a column of another sheet, or a problem naming what is missing. */
export function readSheetColumn(
  ref: SheetRef,
  grids: Map<string, Grid>,
): { values?: Value[]; problems: Problem[] } {
  const grid = grids.get(normalizeName(ref.sheet));
  if (!grid) {
    const names = [...grids.values()].map((g) => g.name);
    return {
      problems: [
        problem('unknown_sheet_ref', { sheet: ref.sheet, suggestion: didYouMean(ref.sheet, names) }),
      ],
    };
  }
  const header = grid.rows[0] ?? [];
  const wanted = normalizeName(ref.column);
  const col = header.findIndex((h) => normalizeName(cellText(h)) === wanted);
  if (col < 0) {
    const names = header.map((h) => cellText(h)).filter((h) => h !== '');
    return {
      problems: [
        problem('unknown_column_ref', {
          sheet: grid.name,
          column: ref.column,
          suggestion: didYouMean(ref.column, names),
        }),
      ],
    };
  }
  const values: Value[] = [];
  for (let r = 1; r < grid.rows.length; r++) {
    const v = cellToValue(grid.rows[r]?.[col] ?? null);
    if (v !== undefined) values.push(v);
  }
  return { values, problems: [] };
}

export function cellToValue(cell: Cell): Value {
  if (cell === null) return undefined;
  if (typeof cell === 'string') {
    const t = cell.trim();
    return t === '' ? undefined : t;
  }
  return cell;
}

/**
 * The items an operator's `prepare` gets from an Expected cell: a list operator gets the cell split
 * into items (or another sheet's column); the others get the whole value.
 */
export function expectedItems(
  op: OperatorSpec,
  cell: Cell | string | number | boolean,
  grids: Map<string, Grid>,
): { items: Value[]; problems: Problem[]; ref?: SheetRef } {
  const value = cellToValue(cell);
  if (value === undefined) return { items: [], problems: [] };
  if (op.expected !== 'list') return { items: [value], problems: [] };
  if (typeof value !== 'string') return { items: [value], problems: [] };
  const ref = parseSheetRef(value);
  if (ref) {
    const { values, problems } = readSheetColumn(ref, grids);
    return { items: values ?? [], problems, ref };
  }
  return { items: splitList(value), problems: [] };
}
