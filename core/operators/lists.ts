// includes, includes any/none/all of, count at least/at most: a list value judged as a whole.
import type { Value } from '../types';
import { comparand, equalsComparand, isObject, type Comparand, type ValueSet } from '../values/coerce';
import { toList } from '../values/list';
import { define, nonNegative, single, type Prepared } from './define';
import { prepareSet } from './membership';
import type { OperatorSpec, Verdict } from './types';

const LIST_COERCION =
  'A list value is used as it is. Text holding a JSON array (["a","b"]) is read as that list; other text is split on ' +
  'commas and new lines, because a cell cannot hold a list (blank text is an empty list). A single number, TRUE/FALSE ' +
  'or date is a list of one. An object is not a list and fails with a message. Elements compare as "equals" does: ' +
  'ignoring case, numbers as numbers, TRUE/FALSE as booleans, dates as dates.';

/** The one element `includes` looks for; `exact` for `includes matching case`. */
export function prepareElement(operator: string, listForm: string, exact = false) {
  return (items: Value[]): Prepared<Comparand> => {
    const one = single(operator, items, listForm);
    return one.value === undefined
      ? { problems: one.problems }
      : { value: comparand(one.value, exact), problems: [] };
  };
}

// The list a value stands for, or the reason it stands for none.
function listOrReason(actual: Value): Value[] | string {
  return toList(actual) ?? 'is an object, not a list';
}

function includes(actual: Value, element: Comparand): Verdict {
  const list = listOrReason(actual);
  if (typeof list === 'string') return list;
  for (const item of list) if (equalsComparand(item, element)) return true;
  return false;
}

function anyIn(actual: Value, set: ValueSet): Verdict {
  const list = listOrReason(actual);
  if (typeof list === 'string') return list;
  for (const item of list) if (set.has(item)) return true;
  return false;
}

function allIn(actual: Value, set: ValueSet): Verdict {
  const list = listOrReason(actual);
  if (typeof list === 'string') return list;
  for (const wanted of set.items) {
    let found = false;
    for (const item of list) {
      if (equalsComparand(item, wanted)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** The number of elements: a list's length, an object's keys, text read as a list; any other single value is 1. */
export function countOf(actual: Value): number {
  if (isObject(actual)) return Object.keys(actual).filter((k) => actual[k] !== undefined).length;
  return toList(actual)?.length ?? 0;
}

const COUNT_COERCION =
  'Counts the elements of a list value (Field without [*], e.g. podSpec.containers), the keys of an object, or the ' +
  'items of text read as a list (a JSON array, or comma/new-line separated). Any other single value counts 1. ' +
  'Expected is a number, 0 or more. A missing value fails "count at least" and passes "count at most".';

export const LIST_OPERATORS: OperatorSpec[] = [
  define<Comparand>({
    name: 'includes',
    aliases: ['has'],
    symbols: [],
    expected: 'value',
    onMissing: 'fail',
    wholeList: true,
    meaning: 'is a list with an element equal to Expected.',
    coercion: LIST_COERCION,
    example: { field: 'securityContext.capabilities.drop', expected: 'ALL' },
    prepare: prepareElement('includes', 'includes any of'),
    test: includes,
  }),
  define<ValueSet>({
    name: 'includes any of',
    aliases: [],
    symbols: [],
    expected: 'list',
    onMissing: 'fail',
    wholeList: true,
    meaning: 'is a list with at least one element equal to an Expected item.',
    coercion: LIST_COERCION,
    example: { field: 'tags', expected: 'owner, team' },
    prepare: prepareSet('includes any of'),
    test: anyIn,
  }),
  define<ValueSet>({
    name: 'includes none of',
    aliases: [],
    symbols: [],
    expected: 'list',
    onMissing: 'pass',
    wholeList: true,
    meaning: 'is a list with no element equal to any Expected item (an empty list holds).',
    coercion: LIST_COERCION,
    example: { field: 'securityContext.capabilities.add', expected: 'SYS_ADMIN, NET_ADMIN' },
    prepare: prepareSet('includes none of'),
    test: (actual, set) => {
      const any = anyIn(actual, set);
      return typeof any === 'string' ? any : !any;
    },
  }),
  define<ValueSet>({
    name: 'includes all of',
    aliases: [],
    symbols: [],
    expected: 'list',
    onMissing: 'fail',
    wholeList: true,
    meaning: 'is a list that has, for every Expected item, an element equal to it.',
    coercion: LIST_COERCION,
    example: { field: 'logging.categories', expected: 'audit, authentication' },
    prepare: prepareSet('includes all of'),
    test: allIn,
  }),
  define<number>({
    name: 'count at least',
    aliases: [],
    symbols: [],
    expected: 'count',
    onMissing: 'fail',
    wholeList: true,
    meaning: 'has Expected elements or more.',
    coercion: COUNT_COERCION,
    example: { field: 'podSpec.containers', expected: '1' },
    prepare: (items) => nonNegative('count at least', items),
    test: (actual, n) => countOf(actual) >= n,
  }),
  define<number>({
    name: 'count at most',
    aliases: [],
    symbols: [],
    expected: 'count',
    onMissing: 'pass',
    wholeList: true,
    meaning: 'has Expected elements or fewer.',
    coercion: COUNT_COERCION,
    example: { field: 'ingress.rules', expected: '10' },
    prepare: (items) => nonNegative('count at most', items),
    test: (actual, n) => countOf(actual) <= n,
  }),
];
