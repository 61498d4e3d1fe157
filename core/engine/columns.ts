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
  const encoders = readers.map(() => new ColumnEncoder(group.length));
  const cols = new Int32Array(readers.length);
  // Row by row, every wanted column at once: each row is fetched from memory once, not once a column.
  let sheet: ResourceSheet | undefined;
  for (let i = 0; i < group.length; i++) {
    const res = group[i];
    if (res.sheet !== sheet) {
      sheet = res.sheet;
      for (let j = 0; j < readers.length; j++) cols[j] = readers[j].exactColumn(sheet);
    }
    const cells = res.cells;
    for (let j = 0; j < encoders.length; j++) {
      const col = cols[j];
      encoders[j].add(i, col < 0 ? UNREAD : cells[col]);
    }
  }
  return encoders.map((e) => ({ ids: e.ids, values: e.values }));
}

/** Marks a row whose column is not on its sheet. */
const UNREAD = Symbol('unread');

class ColumnEncoder {
  readonly ids: Int32Array;
  readonly values: Value[] = [];
  private readonly seen = new Map<string | number, number>();
  // Blank, TRUE and FALSE are most of many columns: they get their ids without a map lookup.
  private blankId = -1;
  private trueId = -1;
  private falseId = -1;

  constructor(size: number) {
    this.ids = new Int32Array(size);
  }

  add(i: number, cell: Cell | undefined | typeof UNREAD): void {
    if (cell === null || cell === undefined) {
      if (this.blankId < 0) this.blankId = this.values.push(undefined) - 1;
      this.ids[i] = this.blankId;
    } else if (cell === true) {
      if (this.trueId < 0) this.trueId = this.values.push(true) - 1;
      this.ids[i] = this.trueId;
    } else if (cell === false) {
      if (this.falseId < 0) this.falseId = this.values.push(false) - 1;
      this.ids[i] = this.falseId;
    } else if (cell === UNREAD || !isScalarCell(cell)) {
      this.ids[i] = -1;
    } else {
      let id = this.seen.get(cell);
      if (id === undefined) {
        id = this.values.push(scalarValue(cell)) - 1;
        this.seen.set(cell, id);
      }
      this.ids[i] = id;
    }
  }
}
