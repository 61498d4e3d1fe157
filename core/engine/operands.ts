// Operands compiled once: paths, literals and the functions first(), keys(), count() and those in inside-functions.ts.
import type { Expr, Operand } from '../lang/ast';
import { renderOperand } from '../lang/render';
import type { EvalContext } from '../operators/types';
import type { Problem } from '../problems';
import type { Resource } from '../rulebook/model';
import type { Value } from '../types';
import { compileArithmetic, compileQuantity } from './arithmetic';
import { compileEntries, compileTextFunction } from './inside-functions';
import { compileAcross } from './across';
import { compilePath, type PathReader, type Resolved, type Scope, Unreadable } from './resolve';
import { UnreadableOutcome } from './explain';
import { elementScope, scopeOf } from './scopes';
import type { Outcome } from './result';

/**
 * A compiled operand. A `many` operand gives one value per element (a path with `[*]`, or a function
 * over one); the others give a single value.
 */
export type OperandFn =
  | {
      text: string;
      many: false;
      one: (res: Resource, scope: Scope, ctx: EvalContext) => Resolved;
      reader?: PathReader;
    }
  | {
      text: string;
      many: true;
      list: (res: Resource, scope: Scope, ctx: EvalContext) => Resolved[] | Unreadable;
    };

/** What compiling an operand may need: the compiler of a `where` condition (from expressions.ts, to avoid a cycle). */
export interface OperandEnv {
  filter(expr: Expr): {
    check?: (res: Resource, scope: Scope, ctx: EvalContext) => Outcome;
    problems: Problem[];
  };
}

/** Problems met compiling operands' `where` conditions, collected by compileCheck. */
export type OperandProblems = Problem[];

export function compileOperand(
  operand: Operand,
  env?: OperandEnv,
  problems: OperandProblems = [],
): OperandFn {
  const text = renderOperand(operand);
  switch (operand.kind) {
    case 'literal': {
      const value = operand.value;
      return { text, many: false, one: () => value };
    }
    case 'path': {
      const reader = compilePath(operand.path);
      const at = scopeOf(operand.path.from);
      if (at) {
        // `resource.x` reads the row: its column may still be judged once per distinct value.
        const row = operand.path.from === 'resource' ? reader : undefined;
        return reader.wildcard
          ? { text, many: true, list: (res, scope) => reader.many(res, at(scope)) }
          : { text, many: false, one: (res, scope) => reader.one(res, at(scope)), reader: row };
      }
      return reader.wildcard
        ? { text, many: true, list: reader.many }
        : { text, many: false, one: reader.one, reader };
    }
    case 'lookup':
    case 'others':
      return compileAcross(text, operand, compileOperand);
    case 'arithmetic':
      return compileArithmetic(
        text,
        operand.op,
        compileOperand(operand.left, env, problems),
        compileOperand(operand.right, env, problems),
      );
    case 'call': {
      const args = operand.args.map((a) => compileOperand(a, env, problems));
      const lead = args[0] ?? compileOperand({ kind: 'literal', value: '' });
      switch (operand.name) {
        case 'first':
          return compileFirst(text, args);
        case 'quantity':
          return compileQuantity(text, lead);
        case 'keys':
          return compileUnary(text, operand.name, lead);
        case 'count':
          return operand.where
            ? compileCountWhere(text, lead, operand.where, env, problems)
            : compileUnary(text, 'count', lead);
        case 'entries':
          return compileEntries(text, lead);
        default:
          return compileTextFunction(text, operand.name, lead, args[1]);
      }
    }
  }
}

/** The elements an operand stands for: a `[*]` path's values, a list's elements, a single value, or none when missing. */
export function elementsOf(
  fn: OperandFn,
  res: Resource,
  scope: Scope,
  ctx: EvalContext,
): Resolved[] | Unreadable {
  if (fn.many) return fn.list(res, scope, ctx);
  const got = fn.one(res, scope, ctx);
  if (got instanceof Unreadable) return got;
  return got === undefined ? [] : Array.isArray(got) ? got : [got];
}

const NO_FILTER: (res: Resource, scope: Scope, ctx: EvalContext) => Outcome = () => ({
  status: 'ERROR',
  message: 'the where condition could not be compiled',
});

/** `count(list where condition)`: the elements for which the condition holds. */
function compileCountWhere(
  text: string,
  arg: OperandFn,
  where: Expr,
  env: OperandEnv | undefined,
  problems: OperandProblems,
): OperandFn {
  const compiled = env?.filter(where) ?? { problems: [] };
  for (const p of compiled.problems) problems.push(p);
  const filter = compiled.check ?? NO_FILTER;
  return {
    text,
    many: false,
    one: (res, scope, ctx = { nowMs: Date.now() }) => {
      const list = elementsOf(arg, res, scope, ctx);
      if (list instanceof Unreadable) return list;
      let n = 0;
      for (const el of list) {
        if (el instanceof Unreadable) return el;
        const out = filter(res, elementScope(el, scope), ctx);
        if (out.status === 'PASS') n++;
        // The only errors a condition meets at run time are unreadable cells; the count cannot be known.
        else if (out.status === 'ERROR')
          return out instanceof UnreadableOutcome
            ? new Unreadable(out.cell, out.reason)
            : new Unreadable(text, out.message ?? 'the condition could not be judged');
      }
      return n;
    },
  };
}

/** first(a, b, …): element by element, the first argument that is present. */
function compileFirst(text: string, args: OperandFn[]): OperandFn {
  const lead = args.find((a) => a.many);
  if (!lead) {
    return {
      text,
      many: false,
      one: (res, scope, ctx) => {
        for (const a of args) {
          const v = (a as Extract<OperandFn, { many: false }>).one(res, scope, ctx);
          if (v !== undefined) return v;
        }
        return undefined;
      },
    };
  }
  return {
    text,
    many: true,
    list: (res, scope, ctx) => {
      const columns: (Resolved | Resolved[])[] = [];
      for (const a of args) {
        const got = a.many ? a.list(res, scope, ctx) : a.one(res, scope, ctx);
        if (got instanceof Unreadable) return got;
        columns.push(got);
      }
      const n = (columns[args.indexOf(lead)] as Resolved[]).length;
      const out: Resolved[] = [];
      for (let i = 0; i < n; i++) {
        let pick: Resolved = undefined;
        for (let j = 0; j < args.length && pick === undefined; j++) {
          pick = args[j].many ? (columns[j] as Resolved[])[i] : (columns[j] as Resolved);
        }
        out.push(pick);
      }
      return out;
    },
  };
}

function compileUnary(text: string, name: 'keys' | 'count', arg: OperandFn): OperandFn {
  if (name === 'count') {
    return {
      text,
      many: false,
      one: (res, scope, ctx) => {
        if (arg.many) {
          const list = arg.list(res, scope, ctx);
          return list instanceof Unreadable ? list : list.length;
        }
        const v = arg.one(res, scope, ctx);
        return v instanceof Unreadable ? v : countOf(v);
      },
    };
  }
  if (arg.many) {
    return {
      text,
      many: true,
      list: (res, scope, ctx) => {
        const list = arg.list(res, scope, ctx);
        return list instanceof Unreadable ? list : list.map((v) => (v instanceof Unreadable ? v : keysOf(v)));
      },
    };
  }
  return {
    text,
    many: false,
    one: (res, scope, ctx) => {
      const v = arg.one(res, scope, ctx);
      return v instanceof Unreadable ? v : keysOf(v);
    },
  };
}

function isPlainObject(v: Value): v is { [k: string]: Value } {
  return typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

/** A list's length, an object's number of keys; missing counts 0 and a single value 1. */
export function countOf(v: Value): number {
  if (v === undefined) return 0;
  if (Array.isArray(v)) return v.length;
  if (isPlainObject(v)) return Object.keys(v).length;
  return 1;
}

function keysOf(v: Value): Value {
  return v !== undefined && isPlainObject(v) ? Object.keys(v) : undefined;
}
