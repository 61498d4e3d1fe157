// The benchmark's operators reduced to plain meanings every peer translates: lower-cased text, numbers, a regex.
import type { Cell } from '../../core';
import type { BenchRule } from '../sheet';

export type CheckKind =
  | 'eq'
  | 'ne'
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le'
  | 'oneOf'
  | 'contains'
  | 'notContains'
  | 'startsWith'
  | 'isTrue'
  | 'notEmpty'
  | 'exists'
  | 'matches';

export interface Check {
  kind: CheckKind;
  field: string;
  /** Lower-cased text of Expected (eq, ne, contains, notContains, startsWith, matches). */
  text: string;
  /** Expected as a number (comparisons). */
  num: number;
  /** Lower-cased items (oneOf). */
  items: string[];
  /** Expected as written (the matches pattern). */
  raw: string;
}

const KINDS: Record<string, CheckKind> = {
  equals: 'eq',
  'does not equal': 'ne',
  'greater than': 'gt',
  'at least': 'ge',
  'less than': 'lt',
  'at most': 'le',
  'is one of': 'oneOf',
  contains: 'contains',
  'does not contain': 'notContains',
  'starts with': 'startsWith',
  'is true': 'isTrue',
  'is not empty': 'notEmpty',
  exists: 'exists',
  matches: 'matches',
};

/** How a cell reads as text for a case-insensitive comparison (TRUE/FALSE for booleans, as a sheet shows them). */
export function lowerText(cell: Cell): string {
  return String(cell).toLowerCase();
}

/** A blank cell: the one missing value a grid row can hold. */
export function isMissing(cell: Cell | undefined): cell is null | undefined {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function toCheck(rule: BenchRule): Check {
  const kind = KINDS[rule.operator];
  if (!kind) throw new Error(`bench: operator '${rule.operator}' has no peer translation`);
  const e = rule.expected;
  return {
    kind,
    field: rule.field,
    text: e === null ? '' : lowerText(e),
    num: typeof e === 'number' ? e : Number(e),
    items:
      kind === 'oneOf'
        ? String(e)
            .split(',')
            .map((s) => s.trim().toLowerCase())
        : [],
    raw: e === null ? '' : String(e),
  };
}
