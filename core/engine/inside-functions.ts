// The functions that look inside one value, compiled: entries of a map, split/before/after, and image reference parts.
import type { InsideFunctionName } from '../lang/functions';
import type { Value } from '../types';
import { isObject, toText } from '../values/coerce';
import { parseImageRef, type ImageRef } from '../values/image-ref';
import type { OperandFn } from './operands';
import { Unreadable, type Resolved } from './resolve';

type TextFunction = (text: string, separator: string | undefined) => Value;

const imagePart =
  (part: keyof ImageRef): TextFunction =>
  (text) =>
    parseImageRef(text)?.[part];

// A separator is found as written (case and all); an empty one finds nothing, so the result is missing.
const TEXT_FUNCTIONS: Record<Exclude<InsideFunctionName, 'entries'>, TextFunction> = {
  split: (text, sep) => (sep ? text.split(sep).map((part) => part.trim()) : undefined),
  before: (text, sep) => {
    if (!sep) return undefined;
    const at = text.indexOf(sep);
    return at < 0 ? text : text.slice(0, at);
  },
  after: (text, sep) => {
    if (!sep) return undefined;
    const at = text.indexOf(sep);
    return at < 0 ? undefined : text.slice(at + sep.length);
  },
  registry: imagePart('registry'),
  repository: imagePart('repository'),
  tag: imagePart('tag'),
  digest: imagePart('digest'),
};

/** A map's key/value pairs as elements `{ key, value }`; anything but a map has none. */
export function entriesOf(v: Value): Value[] {
  if (!isObject(v)) return [];
  const out: Value[] = [];
  for (const key of Object.keys(v)) if (v[key] !== undefined) out.push({ key, value: v[key] });
  return out;
}

/** `entries(path)`: one element per key/value pair; over a `[*]` path, the pairs of every map in turn. */
export function compileEntries(text: string, arg: OperandFn): OperandFn {
  return {
    text,
    many: true,
    list: (res, scope, ctx) => {
      const got = arg.many ? arg.list(res, scope, ctx) : arg.one(res, scope, ctx);
      if (got instanceof Unreadable) return got;
      const maps: Resolved[] = arg.many ? (got as Resolved[]) : [got as Value];
      const out: Resolved[] = [];
      for (const map of maps) {
        if (map instanceof Unreadable) return map;
        for (const entry of entriesOf(map)) out.push(entry);
      }
      return out;
    },
  };
}

/**
 * split / before / after / registry / repository / tag / digest: text in, a part (or parts) out. A value that is
 * not text, a number or TRUE/FALSE (a list, an object, a missing field) gives a missing result.
 */
export function compileTextFunction(
  text: string,
  name: Exclude<InsideFunctionName, 'entries'>,
  value: OperandFn,
  separator: OperandFn | undefined,
): OperandFn {
  const fn = TEXT_FUNCTIONS[name];
  const apply = (v: Resolved, sep: string | undefined): Resolved => {
    if (v instanceof Unreadable) return v;
    const t = v instanceof Date || Array.isArray(v) || isObject(v) ? undefined : toText(v);
    return t === undefined ? undefined : fn(t, sep);
  };
  const sepOf = (...args: Parameters<Extract<OperandFn, { many: false }>['one']>): string | undefined => {
    if (separator === undefined || separator.many) return undefined;
    const s = separator.one(...args);
    return s instanceof Unreadable || s === undefined || isObject(s) || Array.isArray(s)
      ? undefined
      : toText(s);
  };
  if (value.many) {
    return {
      text,
      many: true,
      list: (res, scope, ctx) => {
        const list = value.list(res, scope, ctx);
        if (list instanceof Unreadable) return list;
        const sep = sepOf(res, scope, ctx);
        return list.map((v) => apply(v, sep));
      },
    };
  }
  return {
    text,
    many: false,
    one: (res, scope, ctx) => apply(value.one(res, scope, ctx), sepOf(res, scope, ctx)),
  };
}
