// Operands compiled once: paths, literals and the functions first(), keys() and count().
import type { Operand } from '../lang/ast';
import { renderOperand } from '../lang/render';
import type { Resource } from '../rulebook/model';
import type { EvalContext } from '../operators/types';
import type { Value } from '../types';
import { compileAcross } from './across';
import { compilePath, type PathReader, type Resolved, type Scope, Unreadable } from './resolve';

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

export function compileOperand(operand: Operand): OperandFn {
  const text = renderOperand(operand);
  switch (operand.kind) {
    case 'literal': {
      const value = operand.value;
      return { text, many: false, one: () => value };
    }
    case 'path': {
      const reader = compilePath(operand.path);
      return reader.wildcard
        ? { text, many: true, list: reader.many }
        : { text, many: false, one: reader.one, reader };
    }
    case 'lookup':
    case 'others':
      return compileAcross(text, operand, compileOperand);
    case 'call':
      if (operand.name === 'first') return compileFirst(text, operand.args.map(compileOperand));
      return compileUnary(
        text,
        operand.name,
        compileOperand(operand.args[0] ?? { kind: 'literal', value: '' }),
      );
  }
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
