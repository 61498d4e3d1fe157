// Turning core's patches into write plans (all values converted) before a single cell is written.
import type { Patch, SheetFormat } from '../core';
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

export type WritePlan = SheetPlan | ColumnsPlan;

export function planPatch(patch: Patch, timeZone: string): WritePlan {
  if (patch.kind === 'sheet') {
    const width = Math.max(1, ...patch.rows.map((r) => r.length));
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
      const height = Math.max(...cols.map((c) => c.values.length));
      const values: SheetValue[][] = [];
      for (let r = 0; r < height; r++) values.push(cols.map((c) => toSheetValue(c.values[r], timeZone)));
      return { col, values };
    }),
  };
}
