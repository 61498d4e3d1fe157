// Words for non-passing outcomes: what was checked, what was expected, what was found — built only when read.
import type { OperatorSpec } from '../operators/types';
import type { Value } from '../types';
import { excelSerialToDate } from '../values/cells';
import { displayValue } from '../values/display';
import { readDuration, readQuantity, unitValue } from '../values/units';
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
  /** Expected is an amount with a unit (`1Gi`, `8h`): it and the values met are shown bare, as amounts. */
  units?: boolean;
}

/** `items` are Expected's items as prepared; `ref` names another sheet's column when Expected was one. */
export function expectation(op: OperatorSpec, items: Value[], ref?: string): Expectation {
  const kind = op.expected;
  if (kind === 'none') return { plain: op.name, quoted: op.name, kind };
  // Empty text is shown as written, `""`, so an Expected cell never looks blank when it is not.
  const plain = ref ?? items.map((v) => (v === '' ? '""' : plainValue(v))).join(', ');
  const units = kind === 'value' && items.length === 1 && unitValue(items[0]) !== undefined;
  const quoted =
    kind === 'days' ? `${plain} days` : units ? plain : (ref ?? items.map((v) => displayValue(v)).join(', '));
  if (op.name === 'equals') return { plain, quoted, kind, units };
  return {
    plain: `${op.name} ${kind === 'days' ? `${plain} days` : plain}`,
    quoted: `${op.name} ${quoted}`,
    kind,
    units,
  };
}

/** The value as a message shows it; a date operator's serial number is shown as the date it stands for. */
function shown(v: Value, exp: Expectation): string {
  if (exp.kind === 'days' && typeof v === 'number') return displayValue(excelSerialToDate(v));
  // Met by `1Gi`, "2Gi" is the amount 2Gi, shown as written like a number is.
  if (exp.units && typeof v === 'string' && (readQuantity(v) !== undefined || readDuration(v) !== undefined))
    return v.trim();
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
        : `${this.field} is ${shown(this.value, this.exp)}`;
    return this.reason
      ? `${found}, which ${this.reason}; expected ${this.exp.quoted}`
      : `${found}; expected ${this.exp.quoted}`;
  }
}

/** A value of the wrong kind for a unit-bearing Expected (a number met by `8h`): an ERROR, worded like a Mismatch. */
export class Unjudged implements Outcome {
  readonly status = 'ERROR' as const;
  constructor(
    readonly field: string,
    private readonly value: Value,
    private readonly exp: Expectation,
    private readonly reason: string,
  ) {}
  get expected(): string {
    return this.exp.plain;
  }
  get actual(): string {
    return plainValue(this.value);
  }
  get message(): string {
    return `${this.field} is ${displayValue(this.value)}, which ${this.reason}, so it cannot be compared with ${this.exp.quoted}`;
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
    // An empty cell is a value that could not be computed (arithmetic), not a cell that could not be read.
    return this.cell === ''
      ? `${this.field} cannot be computed: ${this.reason}`
      : `${this.field} cannot be read: ${this.cell} holds JSON that does not parse (${this.reason})`;
  }
}

export function unreadable(field: string, cell: string, reason: string): Outcome {
  return new UnreadableOutcome(field, cell, reason);
}
