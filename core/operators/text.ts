// contains, starts with, ends with and their negations: text tests that ignore case.
import type { Value } from '../types';
import { comparand, equalsComparand, isObject, toText, type Comparand } from '../values/coerce';
import { lowerCase } from '../values/lower';
import { define, expectedText, listOf, negate, shapeReason, single, type Prepared } from './define';
import type { OperatorSpec, Verdict } from './types';

interface Needle {
  lower: string;
  /** For the `… matching case` operators: the text as written, compared with its case. */
  exact?: string;
  /** For `contains` on a list: the element it looks for. */
  element: Comparand;
}

export function prepareNeedle(operator: string, listForm?: string, exact = false) {
  return (items: Value[]): Prepared<Needle> => {
    const one = single(operator, items, listForm);
    if (one.value === undefined) return { problems: one.problems };
    const text = expectedText(one.value);
    const needle: Needle = { lower: text.toLowerCase(), element: comparand(one.value, exact) };
    if (exact) needle.exact = text;
    return { value: needle, problems: [] };
  };
}

const TEXT_COERCION =
  'Ignores case. Numbers are tested as their text (90 contains "9"), TRUE/FALSE as TRUE or FALSE, dates as YYYY-MM-DD.';

// The value's text, lower-cased (as written for a `matching case` needle), or a reason for a list or object.
function lowerText(actual: Value, needle: Needle): string | { reason: string } {
  const text = toText(actual);
  if (text === undefined) return { reason: shapeReason(actual, 'text') ?? 'is not text' };
  return needle.exact === undefined ? lowerCase(text) : text;
}

/** The needle as the value's text is compared with it. */
const wanted = (needle: Needle) => needle.exact ?? needle.lower;

function contains(actual: Value, needle: Needle): Verdict {
  if (Array.isArray(actual)) {
    for (const element of actual) if (equalsComparand(element, needle.element)) return true;
    return false;
  }
  if (isObject(actual)) return 'is an object, not text or a list';
  const text = lowerText(actual, needle);
  return typeof text === 'string' ? text.includes(wanted(needle)) : text.reason;
}

function edge(atStart: boolean) {
  return (actual: Value, needle: Needle): Verdict => {
    if (Array.isArray(actual)) return `${listOf(actual)}, not text`;
    const text = lowerText(actual, needle);
    if (typeof text !== 'string') return text.reason;
    return atStart ? text.startsWith(wanted(needle)) : text.endsWith(wanted(needle));
  };
}

function textOp(
  name: string,
  onMissing: 'pass' | 'fail',
  meaning: string,
  example: { field: string; expected: string },
  test: (actual: Value, needle: Needle) => Verdict,
  listRule: string,
): OperatorSpec {
  return define<Needle>({
    name,
    aliases: [],
    symbols: [],
    expected: 'value',
    onMissing,
    wholeList: name.includes('contain'),
    meaning,
    coercion: `${TEXT_COERCION} ${listRule}`,
    example,
    prepare: prepareNeedle(name),
    test,
  });
}

const startsWith = edge(true);
const endsWith = edge(false);
const ON_LIST_CONTAINS =
  'On a list value it asks whether an element equals Expected (as "includes" does); it does not search inside elements.';
const ON_LIST_EDGE = 'A list value fails with a message: use [*] in Field to test each element.';

export const TEXT_OPERATORS: OperatorSpec[] = [
  textOp(
    'contains',
    'fail',
    'holds Expected somewhere in its text, or, for a list, has an element equal to Expected.',
    { field: 'description', expected: 'production' },
    contains,
    ON_LIST_CONTAINS,
  ),
  textOp(
    'does not contain',
    'pass',
    'does not hold Expected anywhere in its text, or, for a list, has no element equal to Expected.',
    { field: 'policy', expected: '"Principal":"*"' },
    (a, n) => negate(contains(a, n)),
    ON_LIST_CONTAINS,
  ),
  textOp(
    'starts with',
    'fail',
    'begins with Expected.',
    { field: 'image', expected: 'registry.example.com/' },
    startsWith,
    ON_LIST_EDGE,
  ),
  textOp(
    'ends with',
    'fail',
    'finishes with Expected.',
    { field: 'domain', expected: '.example.com' },
    endsWith,
    ON_LIST_EDGE,
  ),
  textOp(
    'does not start with',
    'pass',
    'does not begin with Expected.',
    { field: 'bucketName', expected: 'tmp-' },
    (a, n) => negate(startsWith(a, n)),
    ON_LIST_EDGE,
  ),
  textOp(
    'does not end with',
    'pass',
    'does not finish with Expected.',
    { field: 'image', expected: ':latest' },
    (a, n) => negate(endsWith(a, n)),
    ON_LIST_EDGE,
  ),
];
