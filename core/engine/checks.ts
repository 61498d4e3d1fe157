// One `left operator right` check compiled to a closure, with missing values and lists judged by the table.
import type { Expr, Operand } from '../lang/ast';
import { lookupOperator } from '../operators';
import type { EvalContext, OperatorSpec } from '../operators/types';
import { problem, type Problem } from '../problems';
import type { Resource } from '../rulebook/model';
import type { Grid, MatchMode, Value } from '../types';
import { displayValue } from '../values/display';
import { toList } from '../values/list';
import { type Resolved, type Scope, Unreadable } from '../values/resolve';
import { expectation, type Expectation, missing, mismatch, PASS, plainValue, unreadable } from './explain';
import { expectedItems } from './expected';
import { compileOperand, type OperandFn } from './operands';
import type { Outcome } from './result';

export type Check = (res: Resource, scope: Scope, ctx: EvalContext) => Outcome;

export interface CompileEnv {
  grids: Map<string, Grid>;
}

type CheckNode = Extract<Expr, { kind: 'check' }>;

/** Judges one present-or-missing value. */
type Judge = (v: Value, res: Resource, scope: Scope, ctx: EvalContext) => Outcome;

export function compileCheck(node: CheckNode, mode: MatchMode, env: CompileEnv): { check?: Check; problems: Problem[] } {
  const op = lookupOperator(node.op);
  if (!op) return { problems: [problem('unknown_operator', { operator: node.op }, { offset: node.pos })] };
  const left = compileOperand(node.left);
  const right = compileRight(op, node.right, env, node.pos);
  if (!right.judge) return { problems: right.problems };
  const judge = right.judge(left.text);
  const check = left.many ? manyCheck(left, judge, mode, op) : oneCheck(left, judge);
  return { check, problems: right.problems };
}

function oneCheck(left: Extract<OperandFn, { many: false }>, judge: Judge): Check {
  return (res, scope, ctx) => {
    const v = left.one(res, scope);
    if (v instanceof Unreadable) return unreadable(left.text, v.cell, v.reason);
    return judge(v, res, scope, ctx);
  };
}

/** A list of element values judged under a Match mode: all (empty passes), any (empty fails), none (empty passes). */
function manyCheck(left: Extract<OperandFn, { many: true }>, judge: Judge, mode: MatchMode, op: OperatorSpec): Check {
  return (res, scope, ctx) => {
    const list = left.list(res, scope);
    if (list instanceof Unreadable) return unreadable(left.text, list.cell, list.reason);
    return judgeElements(left.text, list, (v) => judge(v, res, scope, ctx), mode, op.name);
  };
}

/** Shared by `[*]` checks and quantifiers: judge each element, then apply the mode. */
export function judgeElements(
  field: string,
  list: Resolved[],
  judgeOne: (v: Value) => Outcome,
  mode: MatchMode,
  what: string,
): Outcome {
  let passed = 0;
  let firstFail: Outcome | undefined;
  let firstFailAt = -1;
  let firstPassAt = -1;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (v instanceof Unreadable) return unreadable(field, v.cell, v.reason);
    const out = judgeOne(v);
    if (out.status === 'ERROR') return out;
    if (out.status === 'PASS') {
      passed++;
      if (firstPassAt < 0) firstPassAt = i;
    } else if (!firstFail) {
      firstFail = out;
      firstFailAt = i;
    }
  }
  const n = list.length;
  const actual = plainValue(list as Value[]);
  if (mode === 'all') {
    if (passed === n) return PASS;
    return {
      ...firstFail,
      status: 'FAIL',
      field,
      actual,
      message: `${n - passed} of ${n} ${field} fail; element ${firstFailAt + 1}: ${firstFail?.message ?? ''}`,
    };
  }
  if (mode === 'any') {
    if (passed > 0) return PASS;
    const message =
      n === 0
        ? `${field} has no elements; expected at least one that passes`
        : `none of the ${n} ${field} passes; element 1: ${firstFail?.message ?? ''}`;
    return { ...firstFail, status: 'FAIL', field, actual, message };
  }
  if (passed === 0) return PASS;
  return {
    status: 'FAIL',
    field,
    expected: `none ${what}`,
    actual,
    message: `${passed} of ${n} ${field} ${what}, which the rule forbids; element ${firstPassAt + 1} is ${displayValue(list[firstPassAt] as Value)}`,
  };
}

/** The right side, prepared once when it is a literal, per resource when it names another field. */
function compileRight(
  op: OperatorSpec,
  right: Operand | undefined,
  env: CompileEnv,
  pos: number | undefined,
): { judge?: (field: string) => Judge; problems: Problem[] } {
  if (op.expected === 'none' || right === undefined || right.kind === 'literal') {
    const raw = right?.kind === 'literal' ? right.value : null;
    const { items, problems, ref } = expectedItems(op, raw ?? null, env.grids);
    if (problems.length) return { problems };
    if (op.expected !== 'none' && items.length === 0) {
      return { problems: [problem('expected_missing', { operator: op.name }, { offset: pos })] };
    }
    const prepared = op.prepare(items);
    if (prepared.problems.some((p) => p.severity === 'error')) return { problems: prepared.problems };
    const text = ref ? `'${ref.sheet}'!${ref.column}` : raw === null ? '' : String(raw);
    const quoted = ref || typeof raw !== 'string' ? text : displayValue(raw);
    const exp = expectation(op, text, quoted);
    return { judge: (field) => literalJudge(op, prepared.value, field, exp), problems: prepared.problems };
  }
  const other = compileOperand(right);
  return { judge: (field) => fieldJudge(op, other, field), problems: [] };
}

function literalJudge(op: OperatorSpec, prepared: unknown, field: string, exp: Expectation): Judge {
  const passOnMissing = op.onMissing === 'pass';
  return (v, _res, _scope, ctx) => {
    if (v === undefined) return passOnMissing ? PASS : missing(field, exp);
    const verdict = op.test(v, prepared, ctx);
    if (verdict === true) return PASS;
    return mismatch(field, v, exp, verdict === false ? undefined : verdict);
  };
}

/** `spec.minReplicas at most spec.maxReplicas`: the right side is read from the same resource. */
function fieldJudge(op: OperatorSpec, other: OperandFn, field: string): Judge {
  const passOnMissing = op.onMissing === 'pass';
  return (v, res, scope, ctx) => {
    const got = other.many ? other.list(res, scope) : other.one(res, scope);
    if (got instanceof Unreadable) return unreadable(other.text, got.cell, got.reason);
    const exp = expectation(op, other.text, other.text);
    if (got === undefined) {
      return { status: 'FAIL', field, expected: exp.plain, actual: plainValue(v), message: `${other.text} is missing` };
    }
    if (v === undefined) return passOnMissing ? PASS : missing(field, exp);
    const items = op.expected === 'list' ? (toList(got as Value) ?? [got as Value]) : [got as Value];
    const prepared = op.prepare(items);
    if (prepared.problems.length) {
      return mismatch(field, v, exp, `cannot be compared: ${other.text} is ${displayValue(got as Value)}`);
    }
    const verdict = op.test(v, prepared.value, ctx);
    if (verdict === true) return PASS;
    const withValue: Expectation = { plain: exp.plain, quoted: `${exp.quoted} (${displayValue(got as Value)})` };
    return mismatch(field, v, withValue, verdict === false ? undefined : verdict);
  };
}
