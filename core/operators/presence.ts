// is empty, is not empty, exists, does not exist, is true, is false: operators that take no Expected.
import type { Value } from '../types';
import { isObject, toBoolean } from '../values/coerce';
import { define, none } from './define';
import type { OperatorSpec, Verdict } from './types';

/** Empty text (spaces only included), an empty list or an object with no keys. */
export function isEmptyValue(v: Value): boolean {
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v)) {
    for (const key in v) if (v[key] !== undefined) return false;
    return true;
  }
  return false;
}

function truth(actual: Value, want: boolean): Verdict {
  const b = toBoolean(actual);
  return b === undefined ? 'is not TRUE or FALSE' : b === want;
}

function noValueOp(
  name: string,
  aliases: string[],
  onMissing: 'pass' | 'fail',
  wholeList: boolean,
  meaning: string,
  coercion: string,
  field: string,
  test: (actual: Value) => Verdict,
): OperatorSpec {
  return define<undefined>({
    name,
    aliases,
    symbols: [],
    expected: 'none',
    onMissing,
    wholeList,
    meaning,
    coercion,
    example: { field, expected: '' },
    prepare: (items) => none(name, items),
    test: (actual) => test(actual),
  });
}

const EMPTY =
  'Empty means missing, text of nothing but spaces, an empty list or an object with no keys. 0 and FALSE are not empty. ' +
  'Takes no Expected.';
const PRESENT =
  'Missing means a blank cell, an absent key, a JSON null or a path that leads nowhere. Any other value is present, ' +
  'empty text, an empty list and an empty object included. Takes no Expected.';
const TRUTH =
  'The value must be TRUE or FALSE: a boolean, or the text true/false in any case. Anything else (yes/no, 1/0, other ' +
  'text, lists) fails with "is not TRUE or FALSE". Takes no Expected.';

export const PRESENCE_OPERATORS: OperatorSpec[] = [
  noValueOp('is empty', [], 'pass', true, 'is missing or empty.', EMPTY, 'tags', isEmptyValue),
  noValueOp(
    'is not empty',
    [],
    'fail',
    true,
    'is present and not empty.',
    EMPTY,
    'owner',
    (v) => !isEmptyValue(v),
  ),
  noValueOp(
    'exists',
    ['is present', 'is set'],
    'fail',
    true,
    'is present, even if empty.',
    PRESENT,
    'encryption',
    () => true,
  ),
  noValueOp(
    'does not exist',
    ['is missing', 'not exists'],
    'pass',
    true,
    'is missing.',
    PRESENT,
    'publicAccessBlock.disabled',
    () => false,
  ),
  noValueOp('is true', [], 'fail', false, 'is TRUE.', TRUTH, 'encryption.enabled', (v) => truth(v, true)),
  noValueOp('is false', [], 'fail', false, 'is FALSE.', TRUTH, 'publicAccess', (v) => truth(v, false)),
];
