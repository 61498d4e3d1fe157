// Test helper: runs one operator the way a rule row does — Expected cell in, verdict out.
import { lookupOperator, type Verdict } from '../../core/operators';
import type { Problem } from '../../core/problems';
import type { Value } from '../../core/types';
import { splitList } from '../../core/values/list';

/** The run's clock in every operator test: 2026-03-01T12:00:00Z. */
export const NOW_MS = Date.UTC(2026, 2, 1, 12);

/** Expected as the rulebook hands it over: split for list operators, whole otherwise, [] when blank. */
export function expectedItems(operator: string, expected: Value): Value[] {
  const op = lookupOperator(operator);
  if (!op) throw new Error(`no operator ${operator}`);
  if (expected === undefined || (typeof expected === 'string' && expected.trim() === '')) return [];
  if (op.expected === 'list' && typeof expected === 'string') return splitList(expected);
  return [expected];
}

export function prepareProblems(operator: string, expected: Value): Problem[] {
  const op = lookupOperator(operator);
  if (!op) throw new Error(`no operator ${operator}`);
  return op.prepare(expectedItems(operator, expected)).problems;
}

/** The verdict of `actual <operator> expected`; throws when Expected does not prepare (a test bug). */
export function check(actual: Value, operator: string, expected: Value = undefined, nowMs = NOW_MS): Verdict {
  const op = lookupOperator(operator);
  if (!op) throw new Error(`no operator ${operator}`);
  const prepared = op.prepare(expectedItems(operator, expected));
  if (prepared.problems.some((p) => p.severity === 'error')) {
    throw new Error(
      `Expected ${String(expected)} for ${operator}: ${prepared.problems.map((p) => p.code).join(', ')}`,
    );
  }
  return op.test(actual, prepared.value, { nowMs });
}

/** A table row: the value, the operator, the Expected cell, and what the check gives. */
export type Row = [actual: Value, operator: string, expected: Value, verdict: Verdict];
