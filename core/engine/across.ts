// lookup(…) and others(…) compiled once: clause values read on this resource, other resources found through RunIndexes.
import type { AcrossClause, AcrossOperand } from '../lang/across';
import type { Operand } from '../lang/ast';
import type { EvalContext } from '../operators/types';
import type { Resource } from '../rulebook/model';
import type { Value } from '../types';
import { displayValue } from '../values/display';
import { readLabels, readSelector, selects, type Labels, type Selector } from '../values/selector';
import type { OperandFn } from './operands';
import { compilePath, ROOT, Unreadable, type Resolved, type Scope } from './resolve';
import { fieldReader, joinKey, RunIndexes } from './run-index';
import { SelectorIndex } from './selector-index';

/** A selector clause, with what each other resource holds at its field read once a run. */
interface SelectorClause {
  op: 'selects' | 'is selected by';
  /** The other resource's field, lower-cased: clauses on the same field share an index. */
  key: string;
  other: (res: Resource) => Selector | Labels | string | undefined;
}

/** What lookup() and others() share: this resource's clause values, and the other resources they find. */
function prepareAcross(a: AcrossOperand, compile: (o: Operand) => OperandFn) {
  const equal = a.where.filter((c) => c.op === 'equals');
  const bySelector = a.where.filter((c) => c.op !== 'equals');
  const ordered: AcrossClause[] = [...equal, ...bySelector];
  const fields = equal.map((c) => fieldReader(compilePath(c.other)));
  const values = ordered.map((c) => compile(c.value));
  const selectorClauses = bySelector.map((c) => selectorClause(c));
  const many = values.some((v) => v.many);
  const target = a.kind === 'lookup' ? compilePath(a.field) : undefined;

  /** The other resources that meet every clause for one tuple of this resource's values (equal clauses first). */
  const find = (res: Resource, tuple: Value[], ctx: EvalContext): readonly Resource[] => {
    const indexes = indexesOf(ctx);
    let candidates: readonly Resource[];
    if (fields.length > 0) {
      const index = indexes.byFields(a.type, fields);
      const first = tuple[0];
      if (fields.length === 1 && !Array.isArray(first)) {
        // The common case, one field and one value: a single key, no tuples of keys made.
        const k = joinKey(first);
        if (k === undefined) return NONE;
        candidates = index.get(k) ?? NONE;
      } else if (!fields.some((_, i) => Array.isArray(tuple[i]))) {
        // Several fields, one value each: one key, made by joining, no tuples of keys.
        let key = '';
        for (let i = 0; i < fields.length; i++) {
          const k = joinKey(tuple[i]);
          if (k === undefined) return NONE;
          key = i === 0 ? k : `${key}\u0000${k}`;
        }
        candidates = index.get(key) ?? NONE;
      } else {
        // A value that is a list (hosts without [*]) finds by any of its elements, as the index holds them.
        let keys: string[] | undefined;
        for (let i = 0; i < fields.length; i++) {
          const next: string[] = [];
          for (const v of Array.isArray(tuple[i]) ? (tuple[i] as Value[]) : [tuple[i]]) {
            const k = joinKey(v);
            if (k !== undefined)
              if (keys === undefined) next.push(k);
              else for (const prefix of keys) next.push(`${prefix}\u0000${k}`);
          }
          keys = next;
          if (keys.length === 0) return NONE;
        }
        const found = keys ?? [];
        candidates =
          found.length === 1
            ? (index.get(found[0]) ?? NONE)
            : unionOf(found.map((k) => index.get(k) ?? NONE));
      }
    } else if (selectorClauses.length === 0) {
      candidates = indexes.ofType(a.type);
    } else {
      candidates = NONE; // narrowed by the first selector clause below
    }
    if (selectorClauses.length === 0)
      // Nothing more to test: the index's own list serves, unless this resource is in it.
      return candidates.includes(res) ? candidates.filter((other) => other !== res) : candidates;
    const wanted = selectorClauses.map((c, i) => thisSide(c.op, tuple[fields.length + i]));
    if (wanted.some((w) => w === undefined)) return NONE;
    if (fields.length === 0) {
      // No equal clause: the first selector clause's label pairs narrow the candidates.
      const c = selectorClauses[0];
      const index = indexes.kept(
        `selector\u0000${a.type.toLowerCase()}\u0000${c.key}\u0000${c.op}`,
        () => new SelectorIndex(indexes.ofType(a.type), c.op === 'selects', c.other),
      );
      candidates =
        c.op === 'selects' ? index.forLabels(wanted[0] as Labels) : index.forSelector(wanted[0] as Selector);
    }
    const out: Resource[] = [];
    for (const other of candidates) {
      if (other === res) continue;
      let ok = true;
      for (let i = 0; i < selectorClauses.length && ok; i++)
        ok = holds(selectorClauses[i], other, wanted[i] as Selector | Labels);
      if (ok) out.push(other);
    }
    return out;
  };

  /** This resource's clause values, one tuple, or one per element when a value has `[*]`. */
  const tuples = (res: Resource, scope: Scope, ctx: EvalContext): Value[][] | Unreadable => {
    if (!many) {
      // Without `[*]` one tuple, read straight in.
      const tuple: Value[] = [];
      for (const v of values) {
        if (v.many) continue; // never: `many` says no value has `[*]`
        const r = v.one(res, scope, ctx);
        if (r instanceof Unreadable) return r;
        tuple.push(r as Value);
      }
      return [tuple];
    }
    const got: (Resolved | Resolved[])[] = [];
    // Without `[*]` one tuple; with it, one per element of the longest list.
    let n = many ? 0 : 1;
    for (const v of values) {
      const r = v.many ? v.list(res, scope, ctx) : v.one(res, scope, ctx);
      if (r instanceof Unreadable) return r;
      if (v.many) n = Math.max(n, (r as Resolved[]).length);
      got.push(r);
    }
    const out: Value[][] = [];
    for (let i = 0; i < n; i++) {
      const tuple: Value[] = [];
      for (let j = 0; j < values.length; j++) {
        const r = values[j].many ? (got[j] as Resolved[])[i] : got[j];
        if (r instanceof Unreadable) return r;
        tuple.push(r as Value);
      }
      out.push(tuple);
    }
    return out;
  };

  return { find, tuples, many, target, ordered };
}

export function compileAcross(text: string, a: AcrossOperand, compile: (o: Operand) => OperandFn): OperandFn {
  const { find, tuples, many, target } = prepareAcross(a, compile);
  if (target) {
    // A lookup: the field of the first match, missing when nothing matches.
    const read = (res: Resource, tuple: Value[], ctx: EvalContext): Resolved => {
      const found = find(res, tuple, ctx)[0];
      return found === undefined ? undefined : target.one(found, ROOT);
    };
    if (!many)
      return {
        text,
        many: false,
        one: (res, scope, ctx) => {
          const ts = tuples(res, scope, ctx);
          return ts instanceof Unreadable ? ts : read(res, ts[0], ctx);
        },
      };
    return {
      text,
      many: true,
      list: (res, scope, ctx) => {
        const ts = tuples(res, scope, ctx);
        if (ts instanceof Unreadable) return ts;
        // An element with nothing to look up (a volume that is not a Secret) is not looked up.
        return ts.filter((t) => t.every((v) => v !== undefined)).map((t) => read(res, t, ctx));
      },
    };
  }
  // others(): the IDs of every match, once each, in sheet order of first finding.
  return {
    text,
    many: false,
    one: (res, scope, ctx) => {
      const ts = tuples(res, scope, ctx);
      if (ts instanceof Unreadable) return ts;
      if (ts.length === 1) {
        // One tuple finds each resource once already: no set to keep them apart.
        const found = find(res, ts[0], ctx);
        const ids: Value[] = new Array<Value>(found.length);
        for (let i = 0; i < found.length; i++) ids[i] = found[i].id;
        return ids;
      }
      const seen = new Set<Resource>();
      const ids: Value[] = [];
      for (const t of ts)
        for (const other of find(res, t, ctx))
          if (!seen.has(other)) {
            seen.add(other);
            ids.push(other.id);
          }
      return ids;
    },
  };
}

/**
 * Why a single lookup gave nothing, for a message: `found no k8s:Namespace where Name is "staging"`, or
 * `k8s:Namespace team-b has no metadata.annotations.owner`. Undefined when it gave a value (or has `[*]`).
 */
export function lookupMissingReason(
  a: Extract<AcrossOperand, { kind: 'lookup' }>,
  compile: (o: Operand) => OperandFn,
): ((res: Resource, scope: Scope, ctx: EvalContext) => string | undefined) | undefined {
  const { find, tuples, many, target, ordered } = prepareAcross(a, compile);
  if (many || !target) return undefined;
  return (res, scope, ctx) => {
    const ts = tuples(res, scope, ctx);
    if (ts instanceof Unreadable) return undefined;
    const found = find(res, ts[0], ctx)[0];
    if (found !== undefined) {
      const v = target.one(found, ROOT);
      return v === undefined ? `${a.type} ${found.id} has no ${a.field.text}` : undefined;
    }
    const said = ordered.map((c, i) => {
      const v = ts[0][i];
      const shown = v === undefined ? 'missing' : displayValue(v);
      return `${c.other.text} ${c.op === 'equals' ? 'is' : c.op} ${shown}`;
    });
    return `found no ${a.type} where ${said.join(' and ')}`;
  };
}

const NONE: readonly Resource[] = [];

/** The resources of several lists, once each, in the order first met. */
function unionOf(lists: (readonly Resource[])[]): Resource[] {
  const seen = new Set<Resource>();
  for (const list of lists) for (const r of list) seen.add(r);
  return [...seen];
}

/**
 * Indexes live on the run's context (evaluateRules puts them there); a context made without them has no
 * resources to look in, so a lookup through it finds nothing.
 */
const fallback = new WeakMap<EvalContext, RunIndexes>();
function indexesOf(ctx: EvalContext): RunIndexes {
  if (ctx.across) return ctx.across;
  let made = fallback.get(ctx);
  if (!made) fallback.set(ctx, (made = new RunIndexes([])));
  return made;
}

function selectorClause(c: AcrossClause): SelectorClause {
  const reader = compilePath(c.other);
  const op = c.op as SelectorClause['op'];
  // Each other resource's selector (or labels) is read once a run, however many resources ask about it.
  const cache = new WeakMap<Resource, Selector | Labels | string | undefined>();
  return {
    op,
    key: c.other.text.toLowerCase(),
    other: (res) => {
      if (cache.has(res)) return cache.get(res);
      const v = reader.one(res, ROOT);
      const read =
        v === undefined || v instanceof Unreadable
          ? undefined
          : op === 'selects'
            ? readSelector(v)
            : readLabels(v);
      cache.set(res, read);
      return read;
    },
  };
}

/** This resource's side of a selector clause: labels for `selects`, a selector for `is selected by`. */
function thisSide(op: SelectorClause['op'], v: Value): Selector | Labels | undefined {
  if (v === undefined) return undefined;
  const read = op === 'selects' ? readLabels(v) : readSelector(v);
  return typeof read === 'string' ? undefined : read;
}

function holds(c: SelectorClause, other: Resource, mine: Selector | Labels): boolean {
  const theirs = c.other(other);
  if (theirs === undefined || typeof theirs === 'string') return false;
  return c.op === 'selects'
    ? selects(theirs as Selector, mine as Labels)
    : selects(mine as Selector, theirs as Labels);
}
