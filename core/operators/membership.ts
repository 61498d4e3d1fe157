// is one of / is not one of: the value against an allow-list or deny-list in Expected.
import { problem } from '../problems';
import type { Value } from '../types';
import { isObject, ValueSet } from '../values/coerce';
import { define, presentItems, type Prepared } from './define';
import type { OperatorSpec, Verdict } from './types';

/** A list Expected as a set; `expected_missing` when it has no items. */
export function prepareSet(operator: string, exact = false) {
  return (items: Value[]): Prepared<ValueSet> => {
    const present = presentItems(items);
    if (present.length === 0) return { problems: [problem('expected_missing', { operator })] };
    return { value: new ValueSet(present, exact), problems: [] };
  };
}

// For a list value: every element (is one of) or no element (is not one of) must be in the set.
function oneOf(actual: Value, set: ValueSet, wantIn: boolean): Verdict {
  if (isObject(actual)) return 'is an object, not a single value';
  if (Array.isArray(actual)) {
    for (const element of actual) if (set.has(element) !== wantIn) return false;
    return true;
  }
  return set.has(actual) === wantIn;
}

const COERCION =
  'Expected is a list: comma or new-line separated, double quotes around an item that holds a comma, or a column of ' +
  'another sheet (\'Approved Images\'!Image). Items compare as "equals" does: ignoring case, numbers as numbers, ' +
  'TRUE/FALSE as booleans, dates as dates.';

export const MEMBERSHIP_OPERATORS: OperatorSpec[] = [
  define<ValueSet>({
    name: 'is one of',
    aliases: ['in', 'one of'],
    symbols: [],
    expected: 'list',
    onMissing: 'fail',
    wholeList: true,
    meaning:
      'equals one of the Expected items; a list value holds when every element does (an empty list holds).',
    coercion: COERCION,
    example: { field: 'region', expected: 'eu-west-1, eu-central-1' },
    prepare: prepareSet('is one of'),
    test: (actual, set) => oneOf(actual, set, true),
  }),
  define<ValueSet>({
    name: 'is not one of',
    aliases: ['not in', 'not one of'],
    symbols: [],
    expected: 'list',
    onMissing: 'pass',
    wholeList: true,
    meaning:
      'equals none of the Expected items; a list value holds when no element does (an empty list holds).',
    coercion: COERCION,
    example: { field: 'instanceType', expected: 'x1e.32xlarge, p4d.24xlarge' },
    prepare: prepareSet('is not one of'),
    test: (actual, set) => oneOf(actual, set, false),
  }),
];
