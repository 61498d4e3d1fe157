// Words for non-passing outcomes: what was checked, what was expected, what was found — built only when read.
import type { OperatorSpec } from '../operators/types';
import type { Value } from '../types';
import { excelSerialToDate } from '../values/cells';
import { displayValue } from '../values/display';
import { countOf } from './operands';
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
  kind: OperatorSpec['expected'];
}

/** `items` are Expected's items as prepared; `ref` names another sheet's column when Expected was one. */
export function expectation(op: OperatorSpec, items: Value[], ref?: string): Expectation {
  const kind = op.expected;
  if (kind === 'none') return { plain: op.name, quoted: op.name, kind };
  // Empty text is shown as written, `""`, so an Expected cell never looks blank when it is not.
  const plain = ref ?? items.map((v) => (v === '' ? '""' : plainValue(v))).join(', ');
  const quoted = kind === 'days' ? `${plain} days` : (ref ?? items.map((v) => displayValue(v)).join(', '));
  if (op.name === 'equals') return { plain, quoted, kind };
  return {
    plain: `${op.name} ${kind === 'days' ? `${plain} days` : plain}`,
    quoted: `${op.name} ${quoted}`,
    kind,
  };
}

/** The value as a message shows it; a date operator's serial number is shown as the date it stands for. */
function shown(v: Value, kind: Expectation['kind']): string {
  if (kind === 'days' && typeof v === 'number') return displayValue(excelSerialToDate(v));
  return displayValue(v);
}

export class Missing implements Outcome {
  readonly status = 'FAIL' as const;
  readonly actual = '';
  constructor(
    readonly field: string,
    private readonly exp: Expectation,
  ) {}
  get expected(): string {
    return this.exp.plain;
  }
  get message(): string {
    return `${this.field} is missing; expected ${this.exp.quoted}`;
  }
}

export class Mismatch implements Outcome {
  readonly status = 'FAIL' as const;
  constructor(
    readonly field: string,
    private readonly value: Value,
    private readonly exp: Expectation,
    private readonly reason?: string,
  ) {}
  get expected(): string {
    return this.exp.plain;
  }
  get actual(): string {
    return this.exp.kind === 'count' ? String(countOf(this.value)) : plainValue(this.value);
  }
  get message(): string {
    const found =
      this.exp.kind === 'count'
        ? `${this.field} has ${countOf(this.value)} ${countOf(this.value) === 1 ? 'element' : 'elements'}`
        : `${this.field} is ${shown(this.value, this.exp.kind)}`;
    return this.reason
      ? `${found}, which ${this.reason}; expected ${this.exp.quoted}`
      : `${found}; expected ${this.exp.quoted}`;
  }
}

/** Data that cannot be read: an ERROR naming the cell; it keeps cell and reason so an enclosing count can say the same. */
export class UnreadableOutcome implements Outcome {
  readonly status = 'ERROR' as const;
  readonly expected = '';
  readonly actual = '';
  constructor(
    readonly field: string,
    readonly cell: string,
    readonly reason: string,
  ) {}
  get message(): string {
    return `${this.field} cannot be read: ${this.cell} holds JSON that does not parse (${this.reason})`;
  }
}

export function unreadable(field: string, cell: string, reason: string): Outcome {
  return new UnreadableOutcome(field, cell, reason);
}
