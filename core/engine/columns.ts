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
  /** Every id is a dictionary index (no UNENCODED or DIRECT cell): the column is judged by look-ups alone. */
  encoded: boolean;
}

/** An id for a cell only the full path resolution reads. */
export const UNENCODED = -1;
/** An id for a plain cell judged where it stands: its column has too many distinct values to be worth a dictionary. */
export const DIRECT = -2;

/**
 * Cells of a column a group encodes before it asks whether a dictionary pays: when more than three in four of them
 * were new values (IDs, keys, timestamps), a look-up per cell costs more than it saves, so the rest are judged
 * directly. Below that (image references repeat about one in three) the repeats spare a check per rule reading the
 * column, and a regex check costs several look-ups.
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
    const encoded = encodeColumns(group, [...wanted.values()], dictionaries);
    [...wanted.keys()].forEach((key, j) => columns.set(key, encoded[j]));
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

/** Column by column, each with its state in locals: measured no slower than row by row, and simpler. */
function encodeColumns(
  group: readonly Resource[],
  readers: readonly PathReader[],
  dictionaries: readonly Dictionary[],
): EncodedColumn[] {
  return readers.map((reader, j) => encodeColumn(group, reader, dictionaries[j]));
}

function encodeColumn(group: readonly Resource[], reader: PathReader, d: Dictionary): EncodedColumn {
  const n = group.length;
  const ids = new Int32Array(n);
  const seen = d.seen;
  const values = d.values;
  // Plain cells met so far, how many of them were new to the dictionary, and whether the dictionary is dropped.
  let met = 0;
  let added = 0;
  let direct = false;
  let encoded = true;
  let sheet: ResourceSheet | undefined;
  let col = -1;
  for (let i = 0; i < n; i++) {
    const res = group[i];
    if (res.sheet !== sheet) col = reader.exactColumn((sheet = res.sheet));
    if (col < 0) {
      ids[i] = UNENCODED;
      encoded = false;
      continue;
    }
    const cell = res.cells[col];
    if (typeof cell !== 'string' && typeof cell !== 'number') {
      const id = idOfOther(cell, d);
      ids[i] = id;
      if (id < 0) encoded = false;
      continue;
    }
    if (!isScalarCell(cell)) {
      ids[i] = UNENCODED;
      encoded = false;
      continue;
    }
    if (direct) {
      ids[i] = DIRECT;
      encoded = false;
      continue;
    }
    let id = seen.get(cell);
    if (id === undefined) {
      id = values.push(scalarValue(cell)) - 1;
      seen.set(cell, id);
      if (met < SAMPLE_CELLS) added++;
    }
    ids[i] = id;
    if (met < SAMPLE_CELLS && ++met === SAMPLE_CELLS && 4 * added > 3 * SAMPLE_CELLS) direct = true;
  }
  return { ids, dictionary: d, encoded };
}

/** The id of a blank or TRUE/FALSE cell (added when new), or UNENCODED for a date or other cell the full path must read. */
function idOfOther(cell: Cell | undefined, d: Dictionary): number {
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
  return UNENCODED;
}
