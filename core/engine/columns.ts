// A resource group's columns, dictionary-encoded once per run and shared by every rule that reads them.
import type { Resource, ResourceSheet } from '../rulebook/model';
import type { Cell, Value } from '../types';
import { isScalarCell, type PathReader, scalarValue } from '../values/resolve';
import type { ColumnCheck } from './checks';

/**
 * One column of a group: `ids[i]` is the index in `values` of resource i's cell, or -1 when that cell must be
 * read through the full path resolution (JSON text, a date, or a sheet without a column of that name).
 */
export interface EncodedColumn {
  ids: Int32Array;
  values: Value[];
}

/**
 * Rules checking a column against a literal see the same few values over and over (a status, a port, a
 * flag): encoding each column once lets a rule judge each distinct value once instead of each resource.
 */
export class ColumnStore {
  private readonly byGroup = new Map<readonly Resource[], Map<string, EncodedColumn>>();
  private readonly judged = new Map<readonly Resource[], Map<string, unknown>>();

  /**
   * A check's judgement of a whole group, made once and shared by every rule with the same check on that
   * group (a rulebook often repeats a check for other frameworks, severities or owners).
   */
  judgement<T>(group: readonly Resource[], column: ColumnCheck, make: () => T): T {
    let byKey = this.judged.get(group);
    if (!byKey) this.judged.set(group, (byKey = new Map()));
    const key = `${keyOf(column.reader)}\u0000${column.key}`;
    if (!byKey.has(key)) byKey.set(key, make());
    return byKey.get(key) as T;
  }

  /** Encodes the columns these readers name, in one pass over the group's rows. */
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

function encodeColumns(group: readonly Resource[], readers: readonly PathReader[]): EncodedColumn[] {
  // The rows once, with the runs of rows that share a sheet; then each column down them, its state at hand.
  const rows = new Array<readonly Cell[]>(group.length);
  const runs: { start: number; sheet: ResourceSheet }[] = [];
  for (let i = 0; i < group.length; i++) {
    const res = group[i];
    rows[i] = res.cells;
    if (runs.length === 0 || runs[runs.length - 1].sheet !== res.sheet)
      runs.push({ start: i, sheet: res.sheet });
  }
  return readers.map((reader) => {
    const ids = new Int32Array(group.length);
    const values: Value[] = [];
    const seen = new Map<string | number, number>();
    runs.forEach((run, r) => {
      const end = r + 1 < runs.length ? runs[r + 1].start : group.length;
      const col = reader.exactColumn(run.sheet);
      if (col < 0) ids.fill(-1, run.start, end);
      else encodeRange(rows, col, run.start, end, ids, values, seen);
    });
    return { ids, values };
  });
}

/** Gives rows [start, end) of a column their ids; blank, TRUE and FALSE are found without a map lookup. */
function encodeRange(
  rows: readonly (readonly Cell[])[],
  col: number,
  start: number,
  end: number,
  ids: Int32Array,
  values: Value[],
  seen: Map<string | number, number>,
): void {
  let blankId = values.indexOf(undefined);
  let trueId = values.indexOf(true);
  let falseId = values.indexOf(false);
  for (let i = start; i < end; i++) {
    const cell = rows[i][col];
    if (cell === null || cell === undefined) {
      if (blankId < 0) blankId = values.push(undefined) - 1;
      ids[i] = blankId;
    } else if (cell === true) {
      if (trueId < 0) trueId = values.push(true) - 1;
      ids[i] = trueId;
    } else if (cell === false) {
      if (falseId < 0) falseId = values.push(false) - 1;
      ids[i] = falseId;
    } else if (!isScalarCell(cell)) {
      ids[i] = -1;
    } else {
      let id = seen.get(cell);
      if (id === undefined) {
        id = values.push(scalarValue(cell)) - 1;
        seen.set(cell, id);
      }
      ids[i] = id;
    }
  }
}
