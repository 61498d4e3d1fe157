// Words for non-passing outcomes: what was checked, what was expected, what was found.
import type { OperatorSpec } from '../operators/types';
import type { Value } from '../types';
import { displayValue } from '../values/display';
import type { Outcome } from './result';

export const PASS: Outcome = Object.freeze({ status: 'PASS' }) as Outcome;

/** A value for the Actual column: text as it is, anything else as the messages show it. */
export function plainValue(v: Value): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : displayValue(v);
}

/** What the rule asked for, for the Expected column (`plain`) and for messages (`quoted`). */
export interface Expectation {
  plain: string;
  quoted: string;
}

export function expectation(op: OperatorSpec, expectedText: string, quotedText: string): Expectation {
  if (op.expected === 'none') return { plain: op.name, quoted: op.name };
  if (op.name === 'equals') return { plain: expectedText, quoted: quotedText };
  return { plain: `${op.name} ${expectedText}`, quoted: `${op.name} ${quotedText}` };
}

export function missing(field: string, exp: Expectation): Outcome {
  return { status: 'FAIL', field, expected: exp.plain, actual: '', message: `${field} is missing; expected ${exp.quoted}` };
}

export function mismatch(field: string, v: Value, exp: Expectation, reason?: string): Outcome {
  const message = reason
    ? `${field} is ${displayValue(v)}, which ${reason}; expected ${exp.quoted}`
    : `${field} is ${displayValue(v)}; expected ${exp.quoted}`;
  return { status: 'FAIL', field, expected: exp.plain, actual: plainValue(v), message };
}

export function unreadable(field: string, cell: string, reason: string): Outcome {
  return {
    status: 'ERROR',
    field,
    expected: '',
    actual: '',
    message: `${field} cannot be read: ${cell} holds JSON that does not parse (${reason})`,
  };
}
