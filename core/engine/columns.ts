// Columns that column checks read, dictionary-encoded once per run so each distinct value is judged once per check.
import type { Resource, ResourceSheet } from '../rulebook/model';
import type { Cell, Value } from '../types';
import { isScalarCell, type PathReader, scalarValue } from './resolve';
import type { ColumnCheck } from './checks';
import type { Outcome } from './result';

/** A column's distinct values over every group, so a value met in several resource types is judged once. */
export interface Dictionary {
  values: Value[];
  seen: Map<string | number, number>;
  /** Ids of blank, TRUE and FALSE (-1: not met yet): most of many columns, found without a map lookup. */
  blank: number;
  true: number;
  false: number;
}

/**
 * One column of a group: `ids[i]` is the index in `dictionary.values` of resource i's cell, UNENCODED when that
 * cell must be read through the full path resolution (JSON text, a date, or a sheet without that column), or
 * DIRECT when it is a plain value judged as it is met (a column of mostly distinct values: see encodeColumns).
 */
export interface EncodedColumn {
  ids: Int32Array;
  dictionary: Dictionary;
}

/** An id for a cell only the full path resolution reads. */
export const UNENCODED = -1;
/** An id for a plain cell judged where it stands: its column has too many distinct values to be worth a dictionary. */
export const DIRECT = -2;

/**
 * Cells of a column a group encodes before it asks whether a dictionary pays: when more than half of them were new
 * values (IDs, keys, timestamps), a look-up per cell costs more than it saves, so the rest are judged directly.
 */
const SAMPLE_CELLS = 1024;

/** A status code before its value has been judged. */
export const UNJUDGED = 255;

/** One check's outcome and status code per distinct value of its column, filled in as values are met. */
export interface Judged {
  outcomes: Outcome[];
  codes: Uint8Array;
}

/**
 * Rules checking a column against a literal see the same few values over and over (a status, a port, an
 * image tag): encoding each column once lets a check judge each distinct value once, for every rule and
 * resource type that shares it, instead of once a resource.
 */
export class ColumnStore {
  private readonly dictionaries = new Map<string, Dictionary>();
  private readonly byGroup = new Map<readonly Resource[], Map<string, EncodedColumn>>();
  private readonly memos = new Map<string, Judged>();
  private readonly judged = new Map<readonly Resource[], Map<string, unknown>>();

  /** Encodes the columns these readers name for one group, in one pass over its rows. */
  prepare(group: readonly Resource[], readers: readonly PathReader[]): void {
    let columns = this.byGroup.get(group);
    if (!columns) this.byGroup.set(group, (columns = new Map()));
    const wanted = new Map<string, PathReader>();
    for (const reader of readers) {
      const key = keyOf(reader);
      if (!columns.has(key) && !wanted.has(key)) wanted.set(key, reader);
    }
    const dictionaries = [...wanted.keys()].map((key) => {
      let dictionary = this.dictionaries.get(key);
      if (!dictionary) {
        dictionary = { values: [], seen: new Map(), blank: -1, true: -1, false: -1 };
        this.dictionaries.set(key, dictionary);
      }
      return dictionary;
    });
    const ids = encodeColumns(group, [...wanted.values()], dictionaries);
    [...wanted.keys()].forEach((key, j) => columns.set(key, { ids: ids[j], dictionary: dictionaries[j] }));
  }

  /** A group's column as `prepare` encoded it (encoded now if it was not). */
  encode(group: readonly Resource[], reader: PathReader): EncodedColumn {
    const found = this.byGroup.get(group)?.get(keyOf(reader));
    if (found) return found;
    this.prepare(group, [reader]);
    return this.byGroup.get(group)?.get(keyOf(reader)) as EncodedColumn;
  }

  /** A check's judgements of its column's distinct values, shared by every rule and group with that check. */
  memo(column: ColumnCheck, dictionary: Dictionary): Judged {
    const key = checkKeyOf(column);
    const size = dictionary.values.length;
    let memo = this.memos.get(key);
    if (!memo) {
      memo = { outcomes: new Array<Outcome>(size), codes: new Uint8Array(size).fill(UNJUDGED) };
      this.memos.set(key, memo);
    } else if (memo.codes.length < size) {
      // A group encoded after judging began added values: room for them, unjudged.
      const codes = new Uint8Array(size).fill(UNJUDGED);
      codes.set(memo.codes);
      memo.codes = codes;
      memo.outcomes.length = size;
    }
    return memo;
  }

  /**
   * A check's judgement of a whole group, made once and shared by every rule with the same check on that
   * group (a rulebook often repeats a check for other frameworks, severities or owners).
   */
  judgement<T>(group: readonly Resource[], column: ColumnCheck, make: () => T): T {
    let byKey = this.judged.get(group);
    if (!byKey) this.judged.set(group, (byKey = new Map()));
    const key = checkKeyOf(column);
    if (!byKey.has(key)) byKey.set(key, make());
    return byKey.get(key) as T;
  }
}

// Paths with the same text find the same column on every sheet.
const keyOf = (reader: PathReader) => reader.path.text.toLowerCase();
const checkKeyOf = (column: ColumnCheck) => `${keyOf(column.reader)}\u0000${column.key}`;

/** Row by row, every wanted column at once: each row is fetched from memory once, not once a column. */
function encodeColumns(
  group: readonly Resource[],
  readers: readonly PathReader[],
  dictionaries: readonly Dictionary[],
): Int32Array[] {
  const m = readers.length;
  const ids = readers.map(() => new Int32Array(group.length));
  const cols = new Int32Array(m);
  // Per column: plain cells met so far, how many of them were new to the dictionary, and whether it is dropped.
  const met = new Int32Array(m);
  const added = new Int32Array(m);
  const direct = new Uint8Array(m);
  let sheet: ResourceSheet | undefined;
  for (let i = 0; i < group.length; i++) {
    const res = group[i];
    if (res.sheet !== sheet) {
      sheet = res.sheet;
      for (let j = 0; j < m; j++) cols[j] = readers[j].exactColumn(sheet);
    }
    const cells: readonly (Cell | undefined)[] = res.cells;
    for (let j = 0; j < m; j++) {
      const col = cols[j];
      if (col < 0) {
        ids[j][i] = UNENCODED;
        continue;
      }
      const cell = cells[col];
      if (direct[j] === 1 && isPlain(cell)) {
        ids[j][i] = DIRECT;
        continue;
      }
      const d = dictionaries[j];
      const size = d.values.length;
      ids[j][i] = idOf(cell, d);
      if (met[j] < SAMPLE_CELLS && isPlain(cell)) {
        if (d.values.length > size) added[j]++;
        if (++met[j] === SAMPLE_CELLS && 2 * added[j] > SAMPLE_CELLS) direct[j] = 1;
      }
    }
  }
  return ids;
}

/** Text or a number that a column check judges as it stands (blanks and TRUE/FALSE have ids of their own). */
function isPlain(cell: Cell | undefined): cell is string | number {
  return (typeof cell === 'number' || typeof cell === 'string') && isScalarCell(cell);
}

/** A cell's id in its column's dictionary (added when new), or UNENCODED for a cell the full path must read. */
function idOf(cell: Cell | undefined, d: Dictionary): number {
  if (cell === null || cell === undefined) {
    if (d.blank < 0) d.blank = d.values.push(undefined) - 1;
    return d.blank;
  }
  if (cell === true) {
    if (d.true < 0) d.true = d.values.push(true) - 1;
    return d.true;
  }
  if (cell === false) {
    if (d.false < 0) d.false = d.values.push(false) - 1;
    return d.false;
  }
  if (!isScalarCell(cell)) return UNENCODED;
  let id = d.seen.get(cell);
  if (id === undefined) {
    id = d.values.push(scalarValue(cell)) - 1;
    d.seen.set(cell, id);
  }
  return id;
}
