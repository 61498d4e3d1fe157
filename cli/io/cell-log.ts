// A worksheet's rows and cells as numbers in typed arrays: how a worker thread hands back what it parsed, cheaply.
import type { Cell } from '../../core';
import { cellValue, isSharedString, type CellEvents, type CellRead, type ValueContext } from './xlsx-values';

/** What an entry is: a row opening, or a cell with its kind of value. */
const ROW = 0;
const EMPTY = 1;
const SHARED = 2;
const NUMBER = 3;
const DATE = 4;
const TRUE = 5;
const FALSE = 6;
const TEXT = 7;
const ROW_END = 8;

/** Entries a block holds: blocks are filled in turn, so a log never copies what it holds. */
const BLOCK = 1 << 16;

/** The log as it crosses between threads: its blocks' buffers are transferred, not copied. */
export interface CellLogData {
  kinds: Uint8Array[];
  /** A row's number, or a cell's column (1-based). */
  at: Float64Array[];
  /** A cell's number, date (ms), shared string's index or index in `texts`. */
  values: Float64Array[];
  /** Entries in the last block. */
  last: number;
  texts: string[];
  merges: string[];
}

/**
 * Records what a worksheet's XML holds, as cellParser reports it, in the order the parser met it. Shared strings
 * stay indexes (the thread replaying the log holds the strings); every other value is worked out here.
 */
export class CellLog implements CellEvents {
  private readonly data: CellLogData = { kinds: [], at: [], values: [], last: BLOCK, texts: [], merges: [] };
  private kinds = new Uint8Array(0);
  private at = new Float64Array(0);
  private values = new Float64Array(0);

  /** Shared strings are never looked up here: a shared string is logged by its index. */
  private readonly ctx: ValueContext;

  constructor(ctx: Omit<ValueContext, 'sharedStrings'>) {
    this.ctx = { dateStyles: ctx.dateStyles, date1904: ctx.date1904, sharedStrings: [] };
  }

  row(r: number): void {
    this.push(ROW, r, 0);
  }

  skip(): boolean {
    return false;
  }

  cell(col: number, read: CellRead): void {
    if (isSharedString(read)) return this.push(SHARED, col, Number(read.v));
    const value = cellValue(read, this.ctx);
    if (value === null) this.push(EMPTY, col, 0);
    else if (typeof value === 'number') this.push(NUMBER, col, value);
    else if (typeof value === 'boolean') this.push(value ? TRUE : FALSE, col, 0);
    else if (value instanceof Date) this.push(DATE, col, value.getTime());
    else {
      this.push(TEXT, col, this.data.texts.length);
      this.data.texts.push(value);
    }
  }

  rowEnd(): void {
    this.push(ROW_END, 0, 0);
  }

  merge(ref: string): void {
    this.data.merges.push(ref);
  }

  /** The log, ready to be posted with `transferList(log)`. */
  done(): CellLogData {
    return this.data;
  }

  private push(kind: number, at: number, value: number): void {
    let i = this.data.last;
    if (i === BLOCK) {
      this.data.kinds.push((this.kinds = new Uint8Array(BLOCK)));
      this.data.at.push((this.at = new Float64Array(BLOCK)));
      this.data.values.push((this.values = new Float64Array(BLOCK)));
      i = 0;
    }
    this.kinds[i] = kind;
    this.at[i] = at;
    this.values[i] = value;
    this.data.last = i + 1;
  }
}

/** The buffers of a log's blocks, to transfer with it. */
export function transferList(log: CellLogData): ArrayBuffer[] {
  return [...log.kinds, ...log.at, ...log.values].map((a) => a.buffer as ArrayBuffer);
}

/** Where a log is replayed: rows opening and closing, a cell set unless its column is parsed past, merges. */
export interface CellTarget {
  row(r: number): void;
  rowEnd(): void;
  skip(col: number): boolean;
  set(col: number, value: Cell): void;
  merge(ref: string): void;
}

/** Replays a log into `into`, as if `into` had parsed the XML itself, shared strings looked up in `sharedStrings`. */
export function replay(log: CellLogData, sharedStrings: readonly string[], into: CellTarget): void {
  for (let b = 0; b < log.kinds.length; b++) {
    const kinds = log.kinds[b];
    const at = log.at[b];
    const values = log.values[b];
    const n = b === log.kinds.length - 1 ? log.last : BLOCK;
    for (let i = 0; i < n; i++) {
      const kind = kinds[i];
      if (kind === ROW) {
        into.row(at[i]);
        continue;
      }
      if (kind === ROW_END) {
        into.rowEnd();
        continue;
      }
      const col = at[i];
      if (into.skip(col)) continue;
      const v = values[i];
      into.set(
        col,
        kind === SHARED
          ? (sharedStrings[v] ?? null)
          : kind === NUMBER
            ? v
            : kind === TEXT
              ? log.texts[v]
              : kind === TRUE
                ? true
                : kind === FALSE
                  ? false
                  : kind === DATE
                    ? new Date(v)
                    : null,
      );
    }
  }
  for (const ref of log.merges) into.merge(ref);
}
