// Turning core's patches into write plans (all values converted) before a single cell is written.
import type { HostPatch, SheetFormat, WriteCell } from '../core';
import { toSheetRows, toSheetValue, type SheetValue } from './cells';

export interface SheetPlan {
  kind: 'sheet';
  sheet: string;
  values: SheetValue[][];
  width: number;
  format: SheetFormat;
  hidden: boolean;
}

/** A run of adjacent generated columns, written with one setValues() a chunk. */
export interface ColumnBlock {
  col: number;
  values: SheetValue[][];
}

export interface ColumnsPlan {
  kind: 'columns';
  sheet: string;
  blocks: ColumnBlock[];
  /** The 0-based columns the engine owns on this user sheet. */
  ownedCols: number[];
  format: SheetFormat;
}

/** A rectangle of a user sheet written with one setValues() a chunk; 0-based. */
export interface CellsBlock {
  row: number;
  col: number;
  values: SheetValue[][];
}

export interface CellsPlan {
  kind: 'cells';
  sheet: string;
  /** The runs of non-null cells, rows with the same runs joined into one rectangle. */
  blocks: CellsBlock[];
  /** Rows and columns the sheet needs, from A1. */
  height: number;
  width: number;
  create: boolean;
  format?: SheetFormat;
}

export type WritePlan = SheetPlan | ColumnsPlan | CellsPlan;

/** Runs of non-null cells of a row, as [from, to) column spans. */
function runs(row: readonly WriteCell[]): [number, number][] {
  const out: [number, number][] = [];
  let c = 0;
  while (c < row.length) {
    if (row[c] === null || row[c] === undefined) {
      c++;
      continue;
    }
    const from = c;
    while (c < row.length && row[c] !== null && row[c] !== undefined) c++;
    out.push([from, c]);
  }
  return out;
}

/** Null cells are the user's: only runs of written cells become blocks, so the cells between stay as they are. */
function planCells(patch: Extract<HostPatch, { kind: 'cells' }>, timeZone: string): CellsPlan {
  const blocks: CellsBlock[] = [];
  let open: { spans: string; blocks: CellsBlock[] } | undefined;
  patch.rows.forEach((row, i) => {
    const spans = runs(row);
    const key = JSON.stringify(spans);
    const values = (from: number, to: number) => row.slice(from, to).map((c) => toSheetValue(c, timeZone));
    if (open && open.spans === key) {
      spans.forEach(([from, to], k) => open?.blocks[k].values.push(values(from, to)));
      return;
    }
    const started = spans.map(([from, to]) => ({
      row: patch.row + i,
      col: patch.col + from,
      values: [values(from, to)],
    }));
    for (const b of started) blocks.push(b);
    open = { spans: key, blocks: started };
  });
  return {
    kind: 'cells',
    sheet: patch.sheet,
    blocks,
    height: patch.row + patch.rows.length,
    width: patch.col + patch.rows.reduce((m, r) => Math.max(m, r.length), 0),
    create: patch.create === true,
    format: patch.format,
  };
}

export function planPatch(patch: HostPatch, timeZone: string): WritePlan {
  if (patch.kind === 'cells') return planCells(patch, timeZone);
  if (patch.kind === 'sheet') {
    const width = patch.rows.reduce((m, r) => Math.max(m, r.length), 1);
    return {
      kind: 'sheet',
      sheet: patch.sheet,
      values: toSheetRows(patch.rows, width, timeZone),
      width,
      format: patch.format,
      hidden: patch.hidden === true,
    };
  }
  const columns = [...patch.columns].sort((a, b) => a.col - b.col);
  const blocks: { col: number; cols: typeof columns }[] = [];
  for (const c of columns) {
    const last = blocks[blocks.length - 1];
    if (last && last.col + last.cols.length === c.col) last.cols.push(c);
    else blocks.push({ col: c.col, cols: [c] });
  }
  return {
    kind: 'columns',
    sheet: patch.sheet,
    ownedCols: columns.map((c) => c.col),
    format: patch.format,
    blocks: blocks.map(({ col, cols }) => {
      const height = cols.reduce((m, c) => Math.max(m, c.values.length), 0);
      const values: SheetValue[][] = [];
      for (let r = 0; r < height; r++) values.push(cols.map((c) => toSheetValue(c.values[r], timeZone)));
      return { col, values };
    }),
  };
}
