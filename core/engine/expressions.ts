// Expressions compiled to closures: and, or, not and the quantifiers all/any/none over list elements.
import type { Expr } from '../lang/ast';
import { renderExpression } from '../lang/render';
import type { Problem } from '../problems';
import type { MatchMode, Value } from '../types';
import { Unreadable } from './resolve';
import { compileCheck, judgeElements, type Check, type ColumnCheck, type CompileEnv } from './checks';
import { elementLabel, entryLabel, wordsFor } from './element-names';
import { compileOperand, elementsOf, type OperandEnv } from './operands';
import { elementScope } from './scopes';
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
      return compileCheck(expr, mode, env, operandEnv(env));
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
      const where = expr.where && compileExpr(expr.where, env, 'all');
      const problems = [...(where?.problems ?? []), ...body.problems];
      if (!body.check || (where && !where.check)) return { problems };
      return { check: quantify(expr, body.check, where?.check), problems };
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

/** Operands' `where` conditions compile as any condition does. */
function operandEnv(env: CompileEnv): OperandEnv {
  return { filter: (e) => compileExpr(e, env, 'all') };
}

function quantify(node: Extract<Expr, { kind: 'quantifier' }>, body: Check, where: Check | undefined): Check {
  const { over, quantifier: q } = node;
  const path = { kind: 'path' as const, path: over };
  const source = compileOperand(node.entries ? { kind: 'call', name: 'entries', args: [path] } : path);
  const field = source.text;
  // `access_keys[*]`: each element is named as an access key; a map's entries by their keys; other lists keep numbers.
  const last = over.segments[over.segments.length - 1];
  const list = over.segments[over.segments.length - 2];
  const words = node.entries
    ? last && 'key' in last
      ? wordsFor(last.key, '')
      : undefined
    : last && 'wildcard' in last && list && 'key' in list
      ? wordsFor(list.key, '')
      : undefined;
  const label = node.entries ? entryLabel : elementLabel;
  return (res, scope, ctx) => {
    const got = elementsOf(source, res, scope, ctx);
    if (got instanceof Unreadable) return unreadable(field, got.cell, got.reason);
    let elements: (Value | Unreadable)[] = got;
    if (where) {
      const kept: (Value | Unreadable)[] = [];
      for (const el of got) {
        if (el instanceof Unreadable) return unreadable(field, el.cell, el.reason);
        const out = where(res, elementScope(el, scope), ctx);
        if (out.status === 'ERROR') return out;
        if (out.status === 'PASS') kept.push(el);
      }
      elements = kept;
    }
    const named = words && { words, label: (i: number) => label(words.noun, elements[i], i) };
    return judgeElements(
      field,
      elements,
      (el) => body(res, elementScope(el, scope), ctx),
      q,
      'passes',
      'passes',
      named,
    );
  };
}

function unique(items: string[]): string[] {
  return [...new Set(items.filter((s) => s !== ''))];
}
