// Run-wide indexes over every resource, built lazily, once per run, for the checks that reach across resources.
import type { Resource } from '../rulebook/model';
import type { Value } from '../types';
import { isDateLike, isObject, toBoolean, toDateMs, toNumber, toText } from '../values/coerce';
import { compileGlob } from '../values/glob';
import { ROOT, Unreadable, type PathReader } from './resolve';

/** Resources by a tuple of field values: a key per combination of the fields' values. */
export type EqualityIndex = Map<string, Resource[]>;

/**
 * What every resource-crossing check of a run shares. Each index is made the first time a check asks for it
 * and kept for the rest of the run, so a rule over n resources costs one pass to index plus n look-ups.
 */
export class RunIndexes {
  private readonly types = new Map<string, Resource[]>();
  private readonly equality = new Map<string, EqualityIndex>();
  private readonly others = new Map<string, unknown>();

  constructor(readonly resources: readonly Resource[]) {}

  /** How many field indexes the run has built: one per (type, fields), however many rules and resources ask. */
  get indexesBuilt(): number {
    return this.equality.size;
  }

  /** Any other index of the run, made by `make` the first time `id` is asked for. */
  kept<T>(id: string, make: () => T): T {
    let found = this.others.get(id) as T | undefined;
    if (found === undefined) {
      found = make();
      this.others.set(id, found);
    }
    return found;
  }

  /** Resources whose type fits a type or a `*` pattern, in sheet order. */
  ofType(pattern: string): Resource[] {
    const key = pattern.toLowerCase();
    let found = this.types.get(key);
    if (found === undefined) {
      // Each type as written is tested once, not once a resource (the test lower-cases it).
      const fits = compileGlob(pattern);
      const verdicts = new Map<string, boolean>();
      found = [];
      for (const r of this.resources) {
        let yes = verdicts.get(r.type);
        if (yes === undefined) verdicts.set(r.type, (yes = fits(r.type)));
        if (yes) found.push(r);
      }
      this.types.set(key, found);
    }
    return found;
  }

  /**
   * Resources of a type by the values of some of their fields: one key per combination of values (a field with
   * `[*]` gives one per element). A resource with a field missing (or unreadable) cannot be found by it.
   */
  byFields(pattern: string, fields: readonly FieldReader[]): EqualityIndex {
    const id = `${pattern.toLowerCase()}\u0000${fields.map((f) => f.key).join('\u0000')}`;
    let index = this.equality.get(id);
    if (index !== undefined) return index;
    index = new Map();
    const add = (k: string, res: Resource) => {
      const list = index?.get(k);
      if (list === undefined) index?.set(k, [res]);
      // A list holding the same value twice finds its resource once.
      else if (list[list.length - 1] !== res) list.push(res);
    };
    for (const res of this.ofType(pattern)) {
      if (fields.length === 1) {
        // The common case, one field: its values' keys straight in, no tuples of keys made.
        const values = fields[0].read(res);
        for (let i = 0; i < values.length; i++) {
          const k = joinKey(values[i]);
          if (k !== undefined) add(k, res);
        }
        continue;
      }
      // Several fields, one value each (the common case): one key, made by joining.
      let key: string | undefined = '';
      for (let i = 0; i < fields.length && key !== undefined; i++) {
        const values = fields[i].read(res);
        const k = values.length === 1 ? joinKey(values[0]) : undefined;
        if (k === undefined) key = values.length === 1 ? NO_KEY : undefined;
        else key = i === 0 ? k : `${key}\u0000${k}`;
        if (key === NO_KEY) break;
      }
      if (key === NO_KEY) continue; // a field with no key: found by nothing
      if (key !== undefined) {
        add(key, res);
        continue;
      }
      let keys: string[] | undefined;
      for (const f of fields) {
        const values = f.read(res);
        const next: string[] = [];
        for (const v of values) {
          const k = joinKey(v);
          if (k !== undefined)
            if (keys === undefined) next.push(k);
            else for (const prefix of keys) next.push(`${prefix}\u0000${k}`);
        }
        keys = next;
        if (keys.length === 0) break;
      }
      if (keys !== undefined) for (const k of keys) add(k, res);
    }
    this.equality.set(id, index);
    return index;
  }
}

/** Marks a resource that a field without a key leaves out of an index. */
const NO_KEY = '\u0001';

/** A field of the other resource: `ID` is its Resource ID; any other path is read as a rule reads it. */
export interface FieldReader {
  /** Equal for readers that read the same field. */
  key: string;
  read(res: Resource): Value[];
}

export function fieldReader(reader: PathReader): FieldReader {
  const text = reader.path.text;
  if (text.toLowerCase() === 'id' || text.toLowerCase() === 'resource id')
    return { key: 'id', read: (res) => [res.id] };
  const one: Value[] = [undefined];
  return {
    key: text.toLowerCase(),
    read: (res) => {
      // Read once per resource and field, when the index is built: the plain column without a detour.
      const got = reader.wildcard ? reader.many(res, ROOT) : reader.one(res, ROOT);
      if (got instanceof Unreadable) return [];
      if (reader.wildcard) {
        const list = got as (Value | Unreadable)[];
        return list.some((v) => v instanceof Unreadable)
          ? list.filter((v): v is Value => !(v instanceof Unreadable))
          : (list as Value[]);
      }
      // A cell holding a list is found by any of its elements, as a `[*]` path would be.
      if (Array.isArray(got)) return got as Value[];
      // The caller reads the values before asking again, so one array serves every resource.
      one[0] = got as Value;
      return one;
    },
  };
}

/**
 * The key a value is found by, equal for values that `equals` counts equal in the common cases: numbers as
 * numbers (`"90"` and 90), TRUE/FALSE as booleans, dates as instants, other text ignoring case. Missing, lists and
 * objects have no key: they find nothing.
 */
export function joinKey(v: Value): string | undefined {
  if (v === undefined || Array.isArray(v) || isObject(v)) return undefined;
  const n = v instanceof Date ? undefined : toNumber(v);
  if (n !== undefined) return `n${n}`;
  const b = toBoolean(v);
  if (b !== undefined) return `b${b}`;
  if (isDateLike(v)) {
    const ms = toDateMs(v);
    if (ms !== undefined) return `d${ms}`;
  }
  const text = toText(v);
  return text === undefined ? undefined : `t${text.trim().toLowerCase()}`;
}
