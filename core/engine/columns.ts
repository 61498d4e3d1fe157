// A resource group's columns, dictionary-encoded once per run and shared by every rule that reads them.
import type { Resource, ResourceSheet } from '../rulebook/model';
import type { Value } from '../types';
import { isScalarCell, type PathReader, scalarValue } from '../values/resolve';
import type { Outcome } from './result';

/**
 * One column of a group: `ids[i]` is the index in `values` of resource i's cell, or -1 when that cell must be
 * read through the full path resolution (JSON text, a date, or a sheet without a column of that name).
 */
export interface EncodedColumn {
  ids: Int32Array;
  values: Value[];
}

/** A status code in `codes` before its value has been judged. */
export const UNJUDGED = 255;

/** Per distinct value of a column: its outcome and status code, filled in as values are first met. */
export interface Judged {
  outcomes: Outcome[];
  codes: Uint8Array;
}

/**
 * Rules checking a column against a literal see the same few values over and over (a status, a port, a
 * flag): encoding each column once lets a rule judge each distinct value once instead of each resource.
 */
export class ColumnStore {
  private readonly byGroup = new Map<readonly Resource[], Map<string, EncodedColumn>>();
  private readonly memos = new Map<readonly Resource[], Map<string, Judged>>();

  /**
   * Outcomes of one check per distinct value of its column, shared by every rule with the same check on
   * this group (a rulebook often repeats a check for other frameworks or severities).
   */
  judged(group: readonly Resource[], checkKey: string, reader: PathReader, size: number): Judged {
    let memos = this.memos.get(group);
    if (!memos) this.memos.set(group, (memos = new Map()));
    const key = `${keyOf(reader)}\u0000${checkKey}`;
    let memo = memos.get(key);
    if (!memo)
      memos.set(
        key,
        (memo = { outcomes: new Array<Outcome>(size), codes: new Uint8Array(size).fill(UNJUDGED) }),
      );
    return memo;
  }

  /** Encodes the columns these readers name, in one pass over the group's rows (each row is fetched once). */
  prepare(group: readonly Resource[], readers: readonly PathReader[]): void {
    let columns = this.byGroup.get(group);
    if (!columns) this.byGroup.set(group, (columns = new Map()));
    const wanted = new Map<string, PathReader>();
    for (const reader of readers) {
      const key = keyOf(reader);
      if (!columns.has(key) && !wanted.has(key)) wanted.set(key, reader);
    }
    const encoded = encodeColumns(group, [...wanted.values()]);
    [...wanted.keys()].forEach((key, j) => columns.set(key, encoded[j]));
  }

  encode(group: readonly Resource[], reader: PathReader): EncodedColumn {
    const found = this.byGroup.get(group)?.get(keyOf(reader));
    if (found) return found;
    this.prepare(group, [reader]);
    return this.byGroup.get(group)?.get(keyOf(reader)) as EncodedColumn;
  }
}

// Paths with the same text find the same column on every sheet.
const keyOf = (reader: PathReader) => reader.path.text.toLowerCase();

type Key = string | number | boolean | null;

function encodeColumns(group: readonly Resource[], readers: readonly PathReader[]): EncodedColumn[] {
  const n = readers.length;
  const out: EncodedColumn[] = readers.map(() => ({ ids: new Int32Array(group.length), values: [] }));
  const seen = readers.map(() => new Map<Key, number>());
  const cols = new Int32Array(n);
  let sheet: ResourceSheet | undefined;
  for (let i = 0; i < group.length; i++) {
    const res = group[i];
    if (res.sheet !== sheet) {
      sheet = res.sheet;
      for (let j = 0; j < n; j++) cols[j] = readers[j].exactColumn(sheet);
    }
    const cells = res.cells;
    for (let j = 0; j < n; j++) {
      const col = cols[j];
      const cell = col < 0 ? undefined : cells[col];
      if (col < 0 || !isScalarCell(cell)) {
        out[j].ids[i] = -1;
        continue;
      }
      const key = cell === undefined ? null : cell;
      const map = seen[j];
      let id = map.get(key);
      if (id === undefined) {
        const values = out[j].values;
        id = values.length;
        values.push(scalarValue(key));
        map.set(key, id);
      }
      out[j].ids[i] = id;
    }
  }
  return out;
}
