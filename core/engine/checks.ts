// One `left operator right` check compiled to a closure, with missing values and lists judged by the table.
import type { Expr, Operand } from '../lang/ast';
import { lookupOperator } from '../operators';
import type { EvalContext, OperatorSpec } from '../operators/types';
import { problem, type Problem } from '../problems';
import type { Resource } from '../rulebook/model';
import type { Grid, MatchMode, Value } from '../types';
import { displayValue } from '../values/display';
import { toList } from '../values/list';
import { unitValue } from '../values/units';
import { type PathReader, type Resolved, type Scope, Unreadable } from './resolve';
import {
  expectation,
  type Expectation,
  Mismatch,
  Missing,
  PASS,
  plainValue,
  unreadable,
  Unjudged,
} from './explain';
import { expectedItems } from './expected';
import { elementNaming, type ElementNaming, type ElementWords } from './element-names';
import { compileOperand, type OperandEnv, type OperandFn } from './operands';
import { keyedList } from './keyed-list';
import { explainLookups } from './lookup-messages';
import type { Outcome } from './result';

export type Check = (res: Resource, scope: Scope, ctx: EvalContext) => Outcome;

/**
 * A check that reads one field and judges its value against a literal: the outcome depends on the value
 * alone, so a run may judge each distinct cell of a column once and share the outcome between resources.
 */
export interface ColumnCheck {
  reader: PathReader;
  judge: (v: Value, ctx: EvalContext) => Outcome;
  /** Equal for checks that judge every value alike (same field text, operator and Expected items). */
  key: string;
}

export interface CompileEnv {
  grids: Map<string, Grid>;
}

type CheckNode = Extract<Expr, { kind: 'check' }>;

/** Judges one present-or-missing value. */
export type Judge = (v: Value, res: Resource, scope: Scope, ctx: EvalContext) => Outcome;

export function compileCheck(
  node: CheckNode,
  mode: MatchMode,
  env: CompileEnv,
  operands?: OperandEnv,
): { check?: Check; column?: ColumnCheck; problems: Problem[] } {
  const op = lookupOperator(node.op);
  if (!op) return { problems: [problem('unknown_operator', { operator: node.op }, { offset: node.pos })] };
  // Problems of `count(… where …)` conditions inside the operands.
  const inner: Problem[] = [];
  const left = compileOperand(node.left, operands, inner);
  const right = compileRight(op, node.right, env, node.pos, operands, inner);
  if (inner.some((p) => p.severity === 'error')) return { problems: [...inner, ...right.problems] };
  if (!right.judge) return { problems: right.problems };
  if (!left.many && right.literal) {
    const judge = literalValueJudge(left.text, op, right.literal.value, right.exp);
    const key = checkKey(op, left.text, right.exp, right.literal.items);
    const column = left.reader ? { reader: left.reader, judge, key } : undefined;
    return {
      check: explainLookups(node, literalCheck(left, judge)),
      column,
      problems: [...inner, ...right.problems],
    };
  }
  // A list's element messages name the path within the element; the element itself is named in front.
  const naming = left.many ? elementNaming(node.left) : undefined;
  const judge = right.judge(naming ? naming.within || naming.noun : left.text);
  const check = left.many
    ? manyCheck(left, judge, mode, elementTest(op, right.exp), naming)
    : oneCheck(left, judge);
  return { check: explainLookups(node, check), problems: [...inner, ...right.problems] };
}

/** The common case, `field operator literal`, in one closure: it runs millions of times a run. */
function literalCheck(left: Extract<OperandFn, { many: false }>, judge: ColumnCheck['judge']): Check {
  const one = left.one;
  const field = left.text;
  return (res, scope, ctx) => {
    const v = one(res, scope, ctx);
    if (v instanceof Unreadable) return unreadable(field, v.cell, v.reason);
    return judge(v, ctx);
  };
}

/**
 * Identifies a column check by everything its outcomes and their words depend on; dates are tagged so
 * they never equal their text.
 */
function checkKey(op: OperatorSpec, field: string, exp: Expectation, items: readonly Value[]): string {
  const tagged = items.map((v) => (v instanceof Date ? { date: v.getTime() } : v));
  return JSON.stringify([op.name, field, exp.plain, exp.quoted, tagged]);
}

/** A present-or-missing value against a literal Expected. */
function literalValueJudge(
  field: string,
  op: OperatorSpec,
  expected: unknown,
  exp: Expectation,
): ColumnCheck['judge'] {
  const test = op.test;
  const passOnMissing = op.onMissing === 'pass';
  return (v, ctx) => {
    if (v === undefined) return passOnMissing ? PASS : new Missing(field, exp);
    const verdict = test(v, expected, ctx);
    if (verdict === true) return PASS;
    if (typeof verdict === 'object') return new Unjudged(field, v, exp, verdict.error);
    return new Mismatch(field, v, exp, verdict === false ? undefined : verdict);
  };
}

function oneCheck(left: Extract<OperandFn, { many: false }>, judge: Judge): Check {
  return (res, scope, ctx) => {
    const v = left.one(res, scope, ctx);
    if (v instanceof Unreadable) return unreadable(left.text, v.cell, v.reason);
    return judge(v, res, scope, ctx);
  };
}

/** A list of element values judged under a Match mode: all (empty passes), any (empty fails), none (empty passes). */
function manyCheck(
  left: Extract<OperandFn, { many: true }>,
  judge: Judge,
  mode: MatchMode,
  what: Expectation,
  naming: ElementNaming | undefined,
): Check {
  return (res, scope, ctx) => {
    const list = left.list(res, scope, ctx);
    if (list instanceof Unreadable) return unreadable(left.text, list.cell, list.reason);
    const named = naming && { words: naming, label: naming.labels(res, scope) };
    return judgeElements(
      left.text,
      list,
      (v) => judge(v, res, scope, ctx),
      mode,
      what.quoted,
      what.plain,
      named,
    );
  };
}

/** Elements named in a message: `container "falco"`, with the words for the list. */
export interface NamedElements {
  words: ElementWords;
  label: (i: number) => string;
}

/** What each element must satisfy, in words that always name the operator: `equals "x"`, `starts with "y"`. */
function elementTest(op: OperatorSpec, exp: Expectation): Expectation {
  return op.name === 'equals'
    ? { ...exp, plain: `equals ${exp.plain}`, quoted: `equals ${exp.quoted}` }
    : exp;
}

/**
 * Shared by `[*]` checks and quantifiers: judge each element, then apply the mode. `what` says what an
 * element must satisfy, for the `none` mode's message (`starts with "docker.io/"`).
 */
export function judgeElements(
  field: string,
  list: Resolved[],
  judgeOne: (v: Value) => Outcome,
  mode: MatchMode,
  what: string,
  whatPlain = what,
  named?: NamedElements,
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
  if (mode === 'all' ? passed === n : mode === 'any' ? passed > 0 : passed === 0) return PASS;
  return new ElementsFailed(
    field,
    list as Value[],
    mode,
    n,
    passed,
    firstFail,
    firstFailAt,
    firstPassAt,
    what,
    whatPlain,
    named,
  );
}

/** Why a list of elements failed its Match mode; words built when read. */
class ElementsFailed implements Outcome {
  readonly status = 'FAIL' as const;
  constructor(
    readonly field: string,
    private readonly list: Value[],
    private readonly mode: MatchMode,
    private readonly n: number,
    private readonly passed: number,
    private readonly firstFail: Outcome | undefined,
    private readonly firstFailAt: number,
    private readonly firstPassAt: number,
    private readonly what: string,
    private readonly whatPlain: string,
    private readonly named?: NamedElements,
  ) {}
  get expected(): string {
    if (this.mode === 'none') return `none ${this.whatPlain}`;
    return this.firstFail?.expected ?? this.whatPlain;
  }
  get actual(): string {
    return plainValue(this.list);
  }
  get message(): string {
    if (this.named && this.n > 0) return this.namedMessage(this.named);
    const { field, n } = this;
    if (this.mode === 'all') {
      return `${n - this.passed} of ${n} ${field} fail; element ${this.firstFailAt + 1}: ${this.firstFail?.message ?? ''}`;
    }
    if (this.mode === 'any') {
      return n === 0
        ? `${field} has no elements; expected at least one that ${this.what}`
        : `none of the ${n} ${field} ${this.what}; element 1: ${this.firstFail?.message ?? ''}`;
    }
    const el = this.list[this.firstPassAt];
    return `${this.passed} of ${n} ${field} ${this.what}, which the rule forbids; element ${this.firstPassAt + 1} is ${displayValue(el)}`;
  }

  /** The first element at fault by its name, then how many: `container "falco": privileged is TRUE; … (1 of 2 containers fail)`. */
  private namedMessage({ words, label }: NamedElements): string {
    const { n } = this;
    const of = (k: number, verb: string) =>
      `${k} of ${n} ${n === 1 ? words.noun : words.plural}${verb ? ` ${k === 1 ? `${verb}s` : verb}` : ''}`;
    if (this.mode === 'all') {
      const why = this.firstFail?.message ?? '';
      if (words.scalar) return `${of(n - this.passed, 'fail')}: ${why}`;
      return `${label(this.firstFailAt)}: ${why} (${of(n - this.passed, 'fail')})`;
    }
    if (this.mode === 'any') {
      const why = this.firstFail?.message ?? '';
      return `no ${words.noun} passes (${n} checked): ${words.scalar ? why : `${label(0)}: ${why}`}`;
    }
    const el = this.list[this.firstPassAt];
    if (words.scalar)
      return `${of(this.passed, '')} ${this.what}, which the rule forbids: ${displayValue(el)}`;
    if (!words.within)
      return `${label(this.firstPassAt)} matches what the rule forbids: ${displayValue(el)} (${of(this.passed, '')})`;
    return `${label(this.firstPassAt)}: ${words.within} ${this.what}, which the rule forbids (${of(this.passed, '')})`;
  }
}

/** The right side, prepared once when it is a literal, per resource when it names another field. */
function compileRight(
  op: OperatorSpec,
  right: Operand | undefined,
  env: CompileEnv,
  pos: number | undefined,
  operands?: OperandEnv,
  inner: Problem[] = [],
): {
  judge?: (field: string) => Judge;
  literal?: { value: unknown; items: Value[] };
  exp: Expectation;
  problems: Problem[];
} {
  if (op.expected === 'none' || right === undefined || right.kind === 'literal') {
    const raw = right?.kind === 'literal' ? right.value : null;
    // `'Priorities'!Class where Namespace = Namespace`: a sheet's column, filtered per resource.
    const keyed = keyedList(op, raw, env.grids);
    if (keyed && 'judge' in keyed)
      return { judge: keyed.judge, exp: expectation(op, [], keyed.text), problems: [] };
    if (keyed) return { exp: expectation(op, []), problems: keyed.problems };
    // A literal `""` is empty text the author wrote, not a blank Expected.
    const { items, problems, ref } =
      raw === '' ? { items: [''], problems: [], ref: undefined } : expectedItems(op, raw ?? null, env.grids);
    const exp = expectation(op, items, ref ? `'${ref.sheet}'!${ref.column}` : undefined);
    if (problems.length) return { exp, problems };
    if (op.expected !== 'none' && items.length === 0) {
      return { exp, problems: [problem('expected_missing', { operator: op.name }, { offset: pos })] };
    }
    const prepared = op.prepare(items);
    if (prepared.problems.some((p) => p.severity === 'error')) return { exp, problems: prepared.problems };
    return {
      judge: (field) => literalJudge(op, prepared.value, field, exp),
      literal: { value: prepared.value, items },
      exp,
      problems: prepared.problems,
    };
  }
  const other = compileOperand(right, operands, inner);
  const exp = expectation(op, [], other.text);
  return { judge: (field) => fieldJudge(op, other, field), exp, problems: [] };
}

function literalJudge(op: OperatorSpec, prepared: unknown, field: string, exp: Expectation): Judge {
  const judge = literalValueJudge(field, op, prepared, exp);
  return (v, _res, _scope, ctx) => judge(v, ctx);
}

/** `spec.minReplicas at most spec.maxReplicas`: the right side is read from the same resource. */
function fieldJudge(op: OperatorSpec, other: OperandFn, field: string): Judge {
  const passOnMissing = op.onMissing === 'pass';
  return (v, res, scope, ctx) => {
    const got = other.many ? other.list(res, scope, ctx) : other.one(res, scope, ctx);
    if (got instanceof Unreadable) return unreadable(other.text, got.cell, got.reason);
    const items =
      got === undefined
        ? []
        : op.expected === 'list'
          ? (toList(got as Value) ?? [got as Value])
          : [got as Value];
    // An amount with a unit (`1Gi`) is shown bare, and so is the value it meets, as with a literal Expected.
    const units = op.expected === 'value' && unitValue(got) !== undefined;
    const shownGot = got === undefined ? 'missing' : units ? String(got).trim() : displayValue(got as Value);
    const exp = { ...expectation(op, [], `${other.text} (${shownGot})`), units };
    if (got === undefined) {
      return {
        status: 'FAIL',
        field,
        expected: exp.plain,
        actual: plainValue(v),
        message: `${other.text} is missing`,
      };
    }
    if (v === undefined) return passOnMissing ? PASS : new Missing(field, exp);
    const prepared = op.prepare(items);
    if (prepared.problems.length) return new Mismatch(field, v, exp, `cannot be compared with ${other.text}`);
    const verdict = op.test(v, prepared.value, ctx);
    if (verdict === true) return PASS;
    if (typeof verdict === 'object') return new Unjudged(field, v, exp, verdict.error);
    return new Mismatch(field, v, exp, verdict === false ? undefined : verdict);
  };
}
