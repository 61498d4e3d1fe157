// A patch's cells as rectangular blocks of values and number formats, ready to write; sized in bytes for chunking.
import type { HostPatch, SheetFormat, WriteCell } from '../../core';
import { TEXT_FORMAT, type UserExcelCell, utf8Length, writeCell, writeUserCell } from './cells';

/** A rectangle to write at (row, col): values and their number formats, one entry per row; null leaves a cell's value or format. */
export interface ValueBlock {
  sheet: string;
  row: number;
  col: number;
  values: (string | number | boolean | null)[][];
  formats: (string | null)[][];
  /** Estimated request bytes of each row (values and formats as JSON). */
  rowBytes: number[];
}

type FormatLookup = (row: number, col: number) => string | undefined;

function formatLookup(format: SheetFormat | undefined): FormatLookup {
  if (!format) return () => undefined;
  const byCol = new Map<number, { fromRow: number; toRow: number; format: string }[]>();
  for (const f of format.numberFormats ?? []) byCol.set(f.col, [...(byCol.get(f.col) ?? []), f]);
  return (row, col) => {
    const list = byCol.get(col);
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--)
      if (row >= list[i].fromRow && row <= list[i].toRow) return list[i].format;
    return undefined;
  };
}

/**
 * A user-sheet cell: `{ text }` is text the patch says must stay text (imported text, say), so it gets the Text
 * format, which Excel needs to keep `012345678901`, `1.10` or `50%` as typed; the rest as `writeUserCell`.
 */
function userCell(cell: WriteCell | undefined): UserExcelCell {
  if (typeof cell === 'object' && cell !== null && !(cell instanceof Date))
    return { value: cell.text, format: TEXT_FORMAT };
  return writeUserCell(cell);
}

function block(
  sheet: string,
  row: number,
  col: number,
  rows: WriteCell[][],
  width: number,
  fmt: FormatLookup,
  userSheet = false,
): ValueBlock {
  const values: ValueBlock['values'] = [];
  const formats: ValueBlock['formats'] = [];
  const rowBytes: number[] = [];
  rows.forEach((cells, i) => {
    const v: ValueBlock['values'][number] = [];
    const f: ValueBlock['formats'][number] = [];
    for (let c = 0; c < width; c++) {
      const cell = userSheet ? userCell(cells[c]) : writeCell(cells[c], fmt(row + i, col + c));
      v.push(cell.value);
      f.push(cell.format);
    }
    values.push(v);
    formats.push(f);
    rowBytes.push(utf8Length(JSON.stringify(v)) + utf8Length(JSON.stringify(f)) + 2);
  });
  return { sheet, row, col, values, formats, rowBytes };
}

/**
 * The blocks a patch writes. A sheet patch is one block from A1, as wide as its widest row (short rows are
 * padded with blanks, which clear). A columns patch is one block per run of adjacent columns of equal height.
 * A cells patch is one block at its (row, col), short rows padded with nulls, which leave the user's cells.
 */
export function valueBlocks(patch: HostPatch): ValueBlock[] {
  const fmt = formatLookup(patch.format);
  if (patch.kind === 'cells') {
    const width = patch.rows.reduce((m, r) => Math.max(m, r.length), 0);
    return patch.rows.length > 0 && width > 0
      ? [block(patch.sheet, patch.row, patch.col, patch.rows, width, fmt, true)]
      : [];
  }
  if (patch.kind === 'sheet') {
    const width = patch.rows.reduce((m, r) => Math.max(m, r.length), 0);
    return patch.rows.length > 0 && width > 0 ? [block(patch.sheet, 0, 0, patch.rows, width, fmt)] : [];
  }
  const cols = [...patch.columns].sort((a, b) => a.col - b.col);
  const out: ValueBlock[] = [];
  let i = 0;
  while (i < cols.length) {
    let j = i + 1;
    while (
      j < cols.length &&
      cols[j].col === cols[j - 1].col + 1 &&
      cols[j].values.length === cols[i].values.length
    )
      j++;
    const run = cols.slice(i, j);
    const height = run[0].values.length;
    if (height > 0) {
      const rows: WriteCell[][] = [];
      for (let r = 0; r < height; r++) rows.push(run.map((c) => c.values[r]));
      out.push(block(patch.sheet, 0, run[0].col, rows, run.length, fmt));
    }
    i = j;
  }
  return out;
}

/** Splits a block into consecutive row slices: the first of at most `firstMax` bytes, the rest `restMax` (a single row may be larger). */
export function splitBlock(b: ValueBlock, firstMax: number, restMax = firstMax): ValueBlock[] {
  const out: ValueBlock[] = [];
  let start = 0;
  while (start < b.values.length) {
    const maxBytes = out.length === 0 ? firstMax : restMax;
    let end = start;
    let bytes = 0;
    while (end < b.values.length && (end === start || bytes + b.rowBytes[end] <= maxBytes))
      bytes += b.rowBytes[end++];
    out.push({
      sheet: b.sheet,
      row: b.row + start,
      col: b.col,
      values: b.values.slice(start, end),
      formats: b.formats.slice(start, end),
      rowBytes: b.rowBytes.slice(start, end),
    });
    start = end;
  }
  return out;
}

export function blockBytes(b: ValueBlock): number {
  let n = 0;
  for (const x of b.rowBytes) n += x;
  return n;
}
