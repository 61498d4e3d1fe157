// Expressions compiled to closures: and, or, not and the quantifiers all/any/none over list elements.
import type { Expr } from '../lang/ast';
import { renderExpression } from '../lang/render';
import type { Problem } from '../problems';
import type { MatchMode, Value } from '../types';
import { compilePath, Unreadable } from './resolve';
import { compileCheck, judgeElements, type Check, type ColumnCheck, type CompileEnv } from './checks';
import { elementLabel, wordsFor } from './element-names';
import { PASS, unreadable } from './explain';
import type { Outcome } from './result';

/** Compiles a whole expression; `mode` is how a `[*]` path outside a quantifier is judged (row form: Match). */
export function compileExpr(
  expr: Expr,
  env: CompileEnv,
  mode: MatchMode = 'all',
): { check?: Check; column?: ColumnCheck; problems: Problem[] } {
  switch (expr.kind) {
    case 'check':
      return compileCheck(expr, mode, env);
    case 'and':
    case 'or': {
      const parts = expr.items.map((e) => compileExpr(e, env, mode));
      const problems = parts.flatMap((p) => p.problems);
      if (parts.some((p) => !p.check)) return { problems };
      const checks = parts.map((p) => p.check as Check);
      return { check: expr.kind === 'and' ? allOf(checks) : anyOf(checks), problems };
    }
    case 'not': {
      const inner = compileExpr(expr.item, env, mode);
      if (!inner.check) return { problems: inner.problems };
      return { check: negate(inner.check, renderExpression(expr.item)), problems: inner.problems };
    }
    case 'quantifier': {
      const body = compileExpr(expr.body, env, 'all');
      if (!body.check) return { problems: body.problems };
      return { check: quantify(expr.quantifier, expr.over, body.check), problems: body.problems };
    }
  }
}

function allOf(checks: Check[]): Check {
  return (res, scope, ctx) => {
    for (const c of checks) {
      const out = c(res, scope, ctx);
      if (out.status !== 'PASS') return out;
    }
    return PASS;
  };
}

function anyOf(checks: Check[]): Check {
  return (res, scope, ctx) => {
    const fails: Outcome[] = [];
    for (const c of checks) {
      const out = c(res, scope, ctx);
      if (out.status === 'PASS') return PASS;
      fails.push(out);
    }
    const error = fails.find((f) => f.status === 'ERROR');
    if (error) return error;
    return {
      status: 'FAIL',
      field: unique(fails.map((f) => f.field ?? '')).join(', '),
      expected: fails.map((f) => f.expected ?? '').join(' or '),
      actual: unique(fails.map((f) => f.actual ?? '')).join(', '),
      message: `none of the alternatives holds: ${fails.map((f) => f.message).join('; ')}`,
    };
  };
}

function negate(inner: Check, innerText: string): Check {
  return (res, scope, ctx) => {
    const out = inner(res, scope, ctx);
    if (out.status === 'ERROR') return out;
    if (out.status === 'FAIL') return PASS;
    return {
      status: 'FAIL',
      field: innerText,
      expected: `not (${innerText})`,
      actual: 'true',
      message: `${innerText}, which the rule forbids`,
    };
  };
}

function quantify(q: MatchMode, over: Parameters<typeof compilePath>[0], body: Check): Check {
  const reader = compilePath(over);
  // `access_keys[*]`: each element is named as an access key; other lists keep numbered elements.
  const last = over.segments[over.segments.length - 1];
  const list = over.segments[over.segments.length - 2];
  const words = last && 'wildcard' in last && list && 'key' in list ? wordsFor(list.key, '') : undefined;
  return (res, scope, ctx) => {
    let elements: (Value | Unreadable)[];
    if (reader.wildcard) {
      const got = reader.many(res, scope);
      if (got instanceof Unreadable) return unreadable(over.text, got.cell, got.reason);
      elements = got;
    } else {
      const got = reader.one(res, scope);
      if (got instanceof Unreadable) return unreadable(over.text, got.cell, got.reason);
      elements = got === undefined ? [] : Array.isArray(got) ? got : [got];
    }
    const named = words && { words, label: (i: number) => elementLabel(words.noun, elements[i], i) };
    return judgeElements(over.text, elements, (el) => body(res, el, ctx), q, 'passes', 'passes', named);
  };
}

function unique(items: string[]): string[] {
  return [...new Set(items.filter((s) => s !== ''))];
}
