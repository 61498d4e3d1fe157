// equals, does not equal and the four comparisons (> >= < <=).
import { problem } from '../problems';
import type { Value } from '../types';
import { comparand, equalsComparand, isObject, toDateMs, toNumber, type Comparand } from '../values/coerce';
import { displayText } from '../values/display';
import { define, listOf, negate, shapeReason, single, type Prepared } from './define';
import type { OperatorSpec, Verdict } from './types';
import { compareUnits, unitBound, type UnitBound } from './units';

const EQUALITY_COERCION =
  'Text ignores case. Two values that both read as numbers compare as numbers ("90" equals 90, "1,000" equals 1000; ' +
  '"100%" stays text; whole numbers over 15 digits stay text so IDs never round together). TRUE/FALSE in any case ' +
  'equal the booleans. A date (date cell or ISO text such as 2026-03-01) equals the same instant written either way, ' +
  'or its Excel serial number. Two lists are equal element by element, in order; two objects key by key. ' +
  'Expected written with a unit compares by value, as the comparisons do: 1Gi equals 1024Mi, 8h equals 480m, P1D equals 24h.';

/** Expected for equals: a prepared value, and its unit when it is written with one (`1Gi` equals `1024Mi`). */
interface Equal {
  c: Comparand;
  unit?: UnitBound;
}

function equality(actual: Value, { c, unit }: Equal, hint: string): Verdict {
  if (unit !== undefined) {
    const sign = compareUnits(actual, unit);
    return typeof sign === 'number' ? sign === 0 : sign;
  }
  if (Array.isArray(actual) && c.list === undefined) return `${listOf(actual)}; use "${hint}"`;
  if (isObject(actual) && c.object === undefined) return 'is an object, not a single value';
  return equalsComparand(actual, c);
}

export function prepareEquality(operator: string, listForm: string, exact = false) {
  return (items: Value[]): Prepared<Equal> => {
    const one = single(operator, items, listForm, true);
    return one.value === undefined
      ? { problems: one.problems }
      : { value: { c: comparand(one.value, exact), unit: unitBound(one.value) }, problems: [] };
  };
}

export const equals = define<Equal>({
  name: 'equals',
  aliases: ['is', 'equal to', 'eq'],
  symbols: ['=', '=='],
  expected: 'value',
  onMissing: 'fail',
  wholeList: false,
  meaning: 'is exactly Expected.',
  coercion: `${EQUALITY_COERCION} A list value does not equal a single value: use "includes" to ask whether a list has an element.`,
  example: { field: 'versioning.status', expected: 'Enabled' },
  prepare: prepareEquality('equals', 'is one of'),
  test: (actual, c) => equality(actual, c, 'includes'),
});

export const doesNotEqual = define<Equal>({
  name: 'does not equal',
  aliases: ['not equals', 'not equal to', 'is not', 'ne'],
  symbols: ['!=', '<>'],
  expected: 'value',
  onMissing: 'pass',
  wholeList: false,
  meaning: 'is anything but Expected.',
  coercion: `${EQUALITY_COERCION} A list value fails with a message: use "includes none of" to ask whether a list lacks an element.`,
  example: { field: 'acl', expected: 'public-read' },
  prepare: prepareEquality('does not equal', 'is not one of'),
  test: (actual, c) => negate(equality(actual, c, 'includes none of')),
});

/** Expected for a comparison: a number, or a date. */
interface Bound {
  num?: number;
  /** The date; for a number, the date it is as an Excel serial (met only by a date cell). */
  dateMs?: number;
  /** A quantity or duration written with its unit (`1Gi`, `8h`): the value is compared by what it stands for. */
  unit?: UnitBound;
}

function prepareBound(operator: string) {
  return (items: Value[]): Prepared<Bound> => {
    const one = single(operator, items);
    if (one.value === undefined) return { problems: one.problems };
    const v = one.value;
    const num = v instanceof Date ? undefined : toNumber(v);
    const unit = num === undefined ? unitBound(v) : undefined;
    if (unit !== undefined) return { value: { unit }, problems: [] };
    const dateMs = toDateMs(v);
    if (num === undefined && dateMs === undefined) {
      return { problems: [problem('invalid_number', { operator, value: displayText(v) })] };
    }
    return {
      value: { num, dateMs: num === undefined || typeof v === 'number' ? dateMs : undefined },
      problems: [],
    };
  };
}

function comparison(holds: (a: number, b: number) => boolean) {
  return (actual: Value, bound: Bound): Verdict => {
    if (bound.unit !== undefined) {
      const sign = compareUnits(actual, bound.unit);
      return typeof sign === 'number' ? holds(sign, 0) : sign;
    }
    if (bound.num !== undefined) {
      const n =
        typeof actual === 'number' ? actual : typeof actual === 'string' ? toNumber(actual) : undefined;
      if (n !== undefined) return holds(n, bound.num);
      if (actual instanceof Date && bound.dateMs !== undefined) return holds(actual.getTime(), bound.dateMs);
      return shapeReason(actual, 'a number') ?? 'is not a number';
    }
    const ms = toDateMs(actual);
    if (ms !== undefined) return holds(ms, bound.dateMs as number);
    return shapeReason(actual, 'a date') ?? 'is not a date';
  };
}

const COMPARISON_COERCION =
  'Compares numbers when Expected is a number: the value must read as a number ("90", 2.5, "1,000"); ' +
  'otherwise it fails with "is not a number" (text, TRUE/FALSE, "100%" and lists included). ' +
  'Compares dates when Expected is a date (a date cell or ISO text such as 2026-03-01): the value may be a date cell, ' +
  'ISO text or an Excel serial number; otherwise it fails with "is not a date". A date cell meets a number Expected as an ' +
  'Excel serial. Compares by value when Expected is written with a unit: a Kubernetes quantity (500m, 1Gi, 2k; 1000m is 1, ' +
  '1Gi is 1024Mi, and a plain number in the data is a quantity too) or a duration (Go: 90s, 4h30m, 500ms; ISO 8601: P30D, PT4H). ' +
  'A value that is not one is an ERROR, not a FAIL. 10m is ten minutes met by a duration and ten thousandths met by a quantity. ' +
  'An Expected that is neither a number, a date nor a value with a unit is a rule problem.';

function compareOp(
  name: string,
  aliases: string[],
  symbols: string[],
  meaning: string,
  example: { field: string; expected: string },
  holds: (a: number, b: number) => boolean,
): OperatorSpec {
  return define<Bound>({
    name,
    aliases,
    symbols,
    expected: 'value',
    onMissing: 'fail',
    wholeList: false,
    meaning,
    coercion: COMPARISON_COERCION,
    example,
    prepare: prepareBound(name),
    test: comparison(holds),
  });
}

export const greaterThan = compareOp(
  'greater than',
  ['gt', 'more than'],
  ['>'],
  'is a number (or date) above Expected.',
  { field: 'retentionDays', expected: '30' },
  (a, b) => a > b,
);
export const atLeast = compareOp(
  'at least',
  ['gte', 'greater than or equal to', 'min'],
  ['>='],
  'is a number (or date) equal to Expected or above it.',
  { field: 'minTlsVersion', expected: '1.2' },
  (a, b) => a >= b,
);
export const lessThan = compareOp(
  'less than',
  ['lt', 'fewer than'],
  ['<'],
  'is a number (or date) below Expected.',
  { field: 'sessionTimeoutMinutes', expected: '60' },
  (a, b) => a < b,
);
export const atMost = compareOp(
  'at most',
  ['lte', 'less than or equal to', 'max'],
  ['<='],
  'is a number (or date) equal to Expected or below it.',
  { field: 'passwordMaxAgeDays', expected: '90' },
  (a, b) => a <= b,
);

export const COMPARE_OPERATORS: OperatorSpec[] = [
  equals,
  doesNotEqual,
  greaterThan,
  atLeast,
  lessThan,
  atMost,
];
