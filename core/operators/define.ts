// Helpers the operator families share: a safe wrapper for test(), Expected readers and type reasons.
import { problem, type Problem } from '../problems';
import type { Value } from '../types';
import { isObject, toNumber, toText } from '../values/coerce';
import { displayText } from '../values/display';
import type { OperatorSpec, Verdict } from './types';

// What a check says in the unforeseen case that judging the value threw: it fails, with a reason, never a crash.
const UNCHECKABLE = 'could not be checked';

/** Types an entry and guarantees its test never throws, whatever the data holds. */
export function define<P>(spec: OperatorSpec<P>): OperatorSpec {
  const inner = spec.test;
  const test = (actual: Value, expected: P, ctx: { nowMs: number }): Verdict => {
    try {
      return inner(actual, expected, ctx);
    } catch {
      return UNCHECKABLE;
    }
  };
  return { ...spec, test } as OperatorSpec;
}

/** The negation of a verdict; a reason (a value of the wrong type) stays a reason. */
export function negate(v: Verdict): Verdict {
  return typeof v === 'boolean' ? !v : v;
}

/** `is a list of 3 items, not text` or `is an object, not text` for a list or object; undefined for single values. */
export function shapeReason(actual: Value, wanted: string): string | undefined {
  if (Array.isArray(actual)) return `${listOf(actual)}, not ${wanted}`;
  if (isObject(actual)) return `is an object, not ${wanted}`;
  return undefined;
}

/** `is a list of 3 items` / `is a list of 1 item`. */
export function listOf(list: Value[]): string {
  return `is a list of ${list.length} ${list.length === 1 ? 'item' : 'items'}`;
}

export type Prepared<P> = { value?: P; problems: Problem[] };

/** Expected with its missing values dropped and lists (a column of another sheet) flattened. */
/** An Expected item that counts: not missing, not blank space; empty text `""` counts (it was written on purpose). */
function present(item: Value): boolean {
  return item !== undefined && !(typeof item === 'string' && item !== '' && item.trim() === '');
}

export function presentItems(items: Value[]): Value[] {
  const out: Value[] = [];
  for (const item of items) {
    if (Array.isArray(item)) for (const v of presentItems(item)) out.push(v);
    else if (present(item)) out.push(item);
  }
  return out;
}

/**
 * The one value a `value`-kind operator compares with. None: `expected_missing`. More than one:
 * `expected_single`, suggesting the list form. A list value is allowed only when `allowList` (equals
 * compares two list fields).
 */
export function single(
  operator: string,
  items: Value[],
  listForm?: string,
  allowList = false,
): Prepared<Value> {
  const kept = items.filter(present);
  if (kept.length === 0) return { problems: [problem('expected_missing', { operator })] };
  const only = kept[0];
  const count = kept.length > 1 ? kept.length : Array.isArray(only) && !allowList ? only.length : 1;
  if (count > 1) return { problems: [problem('expected_single', { operator, count, suggestion: listForm })] };
  if (Array.isArray(only) && !allowList) return single(operator, only, listForm, allowList);
  return { value: only, problems: [] };
}

/** A non-negative number of days or items; `invalid_number` otherwise. */
export function nonNegative(operator: string, items: Value[]): Prepared<number> {
  const one = single(operator, items);
  if (one.value === undefined) return { problems: one.problems };
  const n = toNumber(one.value);
  if (n === undefined || n < 0) {
    return { problems: [problem('invalid_number', { operator, value: displayText(one.value) })] };
  }
  return { value: n, problems: [] };
}

/** Operators that take no Expected warn when one is given, and carry on. */
export function none(operator: string, items: Value[]): Prepared<undefined> {
  const present = presentItems(items);
  if (present.length === 0) return { problems: [] };
  return {
    problems: [problem('expected_ignored', { operator, value: present.map(displayText).join(', ') })],
  };
}

/** Expected as text for the text operators (numbers as written, TRUE/FALSE, dates YYYY-MM-DD). */
export function expectedText(value: Value): string {
  return toText(value) ?? '';
}
