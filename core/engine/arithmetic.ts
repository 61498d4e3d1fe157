// Arithmetic in conditions (`limits.memory / requests.memory`) and quantity(): numbers, quantities and durations by value.
import type { ArithmeticOp } from '../lang/ast';
import type { Value } from '../types';
import { displayValue } from '../values/display';
import { toNumber } from '../values/coerce';
import { formatDuration, readDuration, readQuantity } from '../values/units';
import type { OperandFn } from './operands';
import { type Resolved, type Scope, Unreadable } from './resolve';
import type { Resource } from '../rulebook/model';
import type { EvalContext } from '../operators/types';

/** A value that could not be computed (division by zero, a duration added to a number): the check is an ERROR. */
export class Incomputable extends Unreadable {
  constructor(reason: string) {
    super('', reason);
  }
}

/** A number (plain, or a quantity by value) or a duration in seconds; `minutes` marks `30m`, which may be either. */
type Amount = { number: number; minutes?: number } | { seconds: number };

/** Element by element when either side gives one value per element (`containers[*].…`). */
export function compileArithmetic(
  text: string,
  op: ArithmeticOp,
  left: OperandFn,
  right: OperandFn,
): OperandFn {
  const combine = (a: Resolved, b: Resolved): Resolved => {
    if (a instanceof Unreadable) return a;
    if (b instanceof Unreadable) return b;
    if (a === undefined || b === undefined) return undefined;
    const x = amount(a, left.text);
    if (x instanceof Incomputable) return x;
    const y = amount(b, right.text);
    if (y instanceof Incomputable) return y;
    return apply(op, x, y, right.text);
  };
  return zipped(text, left, right, combine);
}

/** quantity(x): the value of a Kubernetes quantity (`500m` is 0.5, `1Gi` is 1073741824), for a comparison with a plain number. */
export function compileQuantity(text: string, arg: OperandFn): OperandFn {
  const read = (v: Resolved): Resolved => {
    if (v instanceof Unreadable || v === undefined) return v;
    const q = readQuantity(v);
    if (q !== undefined) return q.value;
    return new Incomputable(
      `${arg.text} is ${displayValue(v)}, which is not a Kubernetes quantity (such as 500m, 1Gi or 2e3)`,
    );
  };
  if (arg.many) {
    return {
      text,
      many: true,
      list: (res, scope, ctx) => {
        const list = arg.list(res, scope, ctx);
        return list instanceof Unreadable ? list : list.map(read);
      },
    };
  }
  return { text, many: false, one: (res, scope, ctx) => read(arg.one(res, scope, ctx)) };
}

function zipped(
  text: string,
  left: OperandFn,
  right: OperandFn,
  combine: (a: Resolved, b: Resolved) => Resolved,
): OperandFn {
  if (!left.many && !right.many) {
    return {
      text,
      many: false,
      one: (res, scope, ctx) => combine(left.one(res, scope, ctx), right.one(res, scope, ctx)),
    };
  }
  const side = (o: OperandFn, res: Resource, scope: Scope, ctx: EvalContext): Resolved | Resolved[] =>
    o.many ? o.list(res, scope, ctx) : o.one(res, scope, ctx);
  return {
    text,
    many: true,
    list: (res, scope, ctx) => {
      const a = side(left, res, scope, ctx);
      if (a instanceof Unreadable) return a;
      const b = side(right, res, scope, ctx);
      if (b instanceof Unreadable) return b;
      const n = Math.max(left.many ? (a as Resolved[]).length : 0, right.many ? (b as Resolved[]).length : 0);
      const out: Resolved[] = [];
      for (let i = 0; i < n; i++) {
        const x = left.many ? (a as Resolved[])[i] : (a as Resolved);
        const y = right.many ? (b as Resolved[])[i] : (b as Resolved);
        out.push(combine(x, y));
      }
      return out;
    },
  };
}

function amount(v: Value, text: string): Amount | Incomputable {
  const n = typeof v === 'boolean' || v instanceof Date ? undefined : toNumber(v);
  if (n !== undefined) return { number: n };
  const q = readQuantity(v);
  const d = readDuration(v);
  if (q !== undefined) return d === undefined ? { number: q.value } : { number: q.value, minutes: d };
  if (d !== undefined) return { seconds: d };
  return new Incomputable(`${text} is ${displayValue(v)}, which is not a number, a quantity or a duration`);
}

const isDuration = (a: Amount): a is { seconds: number } => 'seconds' in a;

/** `30m` next to a duration is thirty minutes; anywhere else a quantity (thirty thousandths). */
function settle(a: Amount, other: Amount): Amount {
  return !isDuration(a) && a.minutes !== undefined && isDuration(other) ? { seconds: a.minutes } : a;
}

const WORDS: Record<ArithmeticOp, string> = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide' };

function apply(op: ArithmeticOp, a0: Amount, b0: Amount, rightText: string): Resolved {
  const a = settle(a0, b0);
  const b = settle(b0, a0);
  const kinds = `${isDuration(a) ? 'duration' : 'number'} ${isDuration(b) ? 'duration' : 'number'}`;
  const x = isDuration(a) ? a.seconds : a.number;
  const y = isDuration(b) ? b.seconds : b.number;
  let result: number;
  let duration: boolean;
  if (op === '+' || op === '-') {
    if (isDuration(a) !== isDuration(b)) return mismatch(op, a, b);
    result = op === '+' ? x + y : x - y;
    duration = isDuration(a);
  } else if (op === '*') {
    if (kinds === 'duration duration') return mismatch(op, a, b);
    result = x * y;
    duration = kinds !== 'number number';
  } else {
    if (kinds === 'number duration') return mismatch(op, a, b);
    if (y === 0) return new Incomputable(`${rightText} is 0, and there is no dividing by zero`);
    result = x / y;
    duration = kinds === 'duration number';
  }
  if (!Number.isFinite(result)) return new Incomputable('the result is too large to be a number');
  return duration ? formatDuration(result) : result;
}

function mismatch(op: ArithmeticOp, a: Amount, b: Amount): Incomputable {
  const what = (v: Amount) =>
    isDuration(v) ? `a duration (${formatDuration(v.seconds)})` : `a number (${displayValue(v.number)})`;
  return new Incomputable(`cannot ${WORDS[op]} ${what(a)} and ${what(b)}`);
}
