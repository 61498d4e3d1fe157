// Field paths against resources: an exact column, else the longest dotted column prefix holding JSON, else Document.
import { sheetRef } from '../a1';
import type { Path, Segment } from '../lang/ast';
import type { Resource, ResourceSheet } from '../rulebook/model';
import type { Cell, Value } from '../types';
import { enterLevel, JsonTooDeep, TOO_DEEP } from '../values/json-depth';

/** A cell whose JSON the path had to walk into but could not parse: the result is ERROR, naming the cell. */
export class Unreadable {
  constructor(
    readonly cell: string,
    readonly reason: string,
  ) {}
}

/** JSON nested past the depth bound: never parsed, and an ERROR even where unparsable JSON would read as text. */
class TooDeep extends Unreadable {}

export type Resolved = Value | Unreadable;

/** Where a path starts for a resource: the row itself, or (inside a quantifier) the current element. */
export const ROOT: unique symbol = Symbol('root');
export type Scope = typeof ROOT | Value | ElementScope;

/** An element inside a quantifier, with the scope the quantifier stood in, for `outer.…` paths (see scopes.ts). */
export class ElementScope {
  constructor(
    readonly value: Value,
    readonly outer: Scope,
  ) {}
}

/** Where a path can be read on one sheet, tried in this order for each resource. */
interface Plan {
  /** A column whose header is the whole path, or -1. */
  exact: number;
  /** Columns whose header is a dotted prefix of the path, longest first, with the segments left to walk. */
  prefixes: { col: number; rest: Segment[] }[];
  /** The Document column, or -1. */
  document: number;
}

/**
 * A compiled path: `one` gives a single value (paths without `[*]`); `many` gives one value per element
 * (paths with `[*]`, flattened across several wildcards; an element lacking the rest of the path is missing).
 */
export interface PathReader {
  path: Path;
  wildcard: boolean;
  one(res: Resource, scope: Scope): Resolved;
  many(res: Resource, scope: Scope): Resolved[] | Unreadable;
  /** The column whose header is the whole path on this sheet, or -1 (then prefixes and Document are tried). */
  exactColumn(sheet: ResourceSheet): number;
}

export function compilePath(path: Path): PathReader {
  const plans: (Plan | undefined)[] = [];
  const planFor = (sheet: ResourceSheet): Plan => {
    let plan = plans[sheet.index];
    if (plan === undefined) plans[sheet.index] = plan = makePlan(path, sheet);
    return plan;
  };
  // The value a path starts from and the segments still to walk from it.
  const start = (res: Resource, scope: Scope): { value: Resolved; rest: Segment[] } => {
    if (scope !== ROOT)
      return { value: scope instanceof ElementScope ? scope.value : scope, rest: path.segments };
    const plan = planFor(res.sheet);
    if (plan.exact >= 0) return { value: cellValue(res, plan.exact), rest: [] };
    // The longest prefix column whose cell holds JSON wins; a blank or plain cell passes to the next.
    for (const p of plan.prefixes) {
      const value = jsonCell(res, p.col);
      if (value instanceof Unreadable || (typeof value === 'object' && !(value instanceof Date)))
        return { value, rest: p.rest };
    }
    if (plan.document >= 0) return { value: jsonCell(res, plan.document), rest: path.segments };
    // Nowhere to read from: missing, walked with the whole path so that `[*]` over it yields no elements.
    return { value: undefined, rest: path.segments };
  };
  const wildcard = path.segments.some((s) => 'wildcard' in s);
  return {
    path,
    wildcard,
    one(res, scope) {
      if (scope === ROOT) {
        // The hot path: a plain column, read directly.
        const plan = planFor(res.sheet);
        if (plan.exact >= 0) return cellValue(res, plan.exact);
      }
      const { value, rest } = start(res, scope);
      if (value instanceof Unreadable) return value;
      return walk(value, rest, 0);
    },
    many(res, scope) {
      const { value, rest } = start(res, scope);
      if (value instanceof Unreadable) return value;
      const out: Value[] = [];
      collect(value, rest, 0, out);
      return out;
    },
    exactColumn: (sheet) => (wildcard ? -1 : planFor(sheet).exact),
  };
}

function makePlan(path: Path, sheet: ResourceSheet): Plan {
  const exact = sheet.columnByName.get(path.text.toLowerCase()) ?? -1;
  const segs = path.segments;
  let keys = 0;
  while (keys < segs.length && 'key' in segs[keys]) keys++;
  const prefixes: Plan['prefixes'] = [];
  for (let n = Math.min(keys, segs.length - 1); n >= 1; n--) {
    const prefix = segs
      .slice(0, n)
      .map((s) => (s as { key: string }).key)
      .join('.')
      .toLowerCase();
    const col = sheet.columnByName.get(prefix);
    if (col !== undefined) prefixes.push({ col, rest: segs.slice(n) });
  }
  return { exact, prefixes, document: sheet.documentCol ?? -1 };
}

/**
 * A plain cell: blank is missing; text is trimmed; text that holds a JSON list or object is read as one. JSON
 * nested past the bound cannot be read as text either: it is unreadable.
 */
function cellValue(res: Resource, col: number): Resolved {
  const cell = res.cells[col];
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell !== 'string') return cell;
  const text = cell.trim();
  if (text === '') return undefined;
  const c = text.charCodeAt(0);
  if (c === 123 /* { */ || c === 91 /* [ */) {
    const parsed = jsonCell(res, col);
    if (parsed instanceof TooDeep) return parsed;
    return parsed instanceof Unreadable ? text : parsed;
  }
  return text;
}

/**
 * A cell whose value depends on nothing but itself: blank, a number, a boolean, or text that does not
 * start with `{` or `[`. Equal scalar cells read as equal values, so a run may judge each distinct one once.
 */
export function isScalarCell(cell: Cell | undefined): cell is string | number | boolean | null | undefined {
  if (typeof cell !== 'string') return cell === null || cell === undefined || typeof cell !== 'object';
  // Most text starts with a letter or digit: no need to trim it to know.
  const first = cell.charCodeAt(0);
  if (first > 32 && first < 127) return first !== 123 /* { */ && first !== 91; /* [ */
  const c = cell.trim().charCodeAt(0);
  return c !== 123 && c !== 91;
}

/** A scalar cell's value: blank (or only spaces) is missing; text is trimmed. */
export function scalarValue(cell: string | number | boolean | null | undefined): Value {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell !== 'string') return cell;
  const text = cell.trim();
  return text === '' ? undefined : text;
}

const jsonCache = new WeakMap<Resource, Map<number, Resolved>>();

/** A cell walked into as JSON, parsed once per resource and column. */
function jsonCell(res: Resource, col: number): Resolved {
  let cache = jsonCache.get(res);
  if (cache === undefined) jsonCache.set(res, (cache = new Map()));
  if (cache.has(col)) return cache.get(col);
  const parsed = parseJsonCell(res.cells[col], res.sheet.name, res.row, col);
  cache.set(col, parsed);
  return parsed;
}

function parseJsonCell(cell: Cell | undefined, sheet: string, row: number, col: number): Resolved {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell !== 'string') return cell;
  const text = cell.trim();
  if (text === '') return undefined;
  const c = text.charCodeAt(0);
  if (c !== 123 && c !== 91) return text;
  try {
    return fromJson(JSON.parse(text), 0);
  } catch (e) {
    if (e instanceof JsonTooDeep) return new TooDeep(sheetRef(sheet, row, col), TOO_DEEP);
    return new Unreadable(sheetRef(sheet, row, col), e instanceof Error ? e.message : 'invalid JSON');
  }
}

/** JSON null is missing, like a blank cell. */
function fromJson(v: unknown, depth: number): Value {
  if (v === null) return undefined;
  if (Array.isArray(v)) {
    const inner = enterLevel(depth);
    return v.map((x) => fromJson(x, inner));
  }
  if (typeof v === 'object') {
    const inner = enterLevel(depth);
    // No prototype: `out.__proto__ = …` would set the prototype and lose the key; `constructor` would be inherited.
    const out: { [k: string]: Value } = Object.create(null);
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = fromJson(x, inner);
    return out;
  }
  return v as Value;
}

function isObject(v: Value): v is { [k: string]: Value } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** A key on an object: exact first, then ignoring case, as a spreadsheet user would expect. */
function getKey(obj: { [k: string]: Value }, key: string): Value {
  if (Object.prototype.hasOwnProperty.call(obj, key)) return obj[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

function step(value: Value, seg: Segment): Value {
  if (value === undefined) return undefined;
  if ('key' in seg) return isObject(value) ? getKey(value, seg.key) : undefined;
  if ('index' in seg) return Array.isArray(value) ? value[seg.index] : undefined;
  return undefined;
}

/** Walks a path without wildcards (a wildcard here yields the list of its elements' values). */
function walk(value: Value, segs: Segment[], from: number): Value {
  let v = value;
  for (let i = from; i < segs.length; i++) {
    const seg = segs[i];
    if ('wildcard' in seg) {
      const out: Value[] = [];
      collect(v, segs, i, out);
      return out;
    }
    v = step(v, seg);
    if (v === undefined) return undefined;
  }
  return v;
}

/** One value per element of every `[*]`, flattened; `[*]` over a missing value or a non-list yields nothing. */
function collect(value: Value, segs: Segment[], from: number, out: Value[]): void {
  let v = value;
  for (let i = from; i < segs.length; i++) {
    const seg = segs[i];
    if ('wildcard' in seg) {
      if (!Array.isArray(v)) return;
      for (const el of v) collect(el, segs, i + 1, out);
      return;
    }
    v = step(v, seg);
  }
  out.push(v);
}
