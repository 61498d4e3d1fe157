// One (rule, resource) outcome, explained: what was checked, what was expected, what was found.
import type { Resource, Rule, Waiver } from '../rulebook/model';
import type { Status } from '../types';

/** What evaluating one compiled check on one resource gives, before waivers and routing. */
export interface Outcome {
  readonly status: 'PASS' | 'FAIL' | 'ERROR';
  readonly field?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly message?: string;
}

export interface Result {
  rule: Rule;
  /** Absent for the single ERROR result a broken rule gives. */
  resource?: Resource;
  status: Status;
  field?: string;
  expected?: string;
  actual?: string;
  message?: string;
  /** Set on non-passing results (and on all when Settings asks to include passing ones). */
  fixOwner?: string;
  waiver?: Waiver;
  firstSeen?: Date;
  due?: Date;
  overdue?: boolean;
}

/**
 * A non-passing result. Its words come from the outcome and are built when first read, so a run that
 * only counts pays nothing for them.
 */
export class Finding implements Result {
  fixOwner?: string;
  waiver?: Waiver;
  firstSeen?: Date;
  due?: Date;
  overdue?: boolean;
  private note = '';

  constructor(
    readonly rule: Rule,
    readonly resource: Resource | undefined,
    public status: Status,
    private readonly outcome: Outcome,
  ) {}

  get field(): string {
    return this.outcome.field ?? '';
  }
  get expected(): string {
    return this.outcome.expected ?? '';
  }
  get actual(): string {
    return this.outcome.actual ?? '';
  }
  get message(): string {
    return (this.outcome.message ?? '') + this.note;
  }
  /** Adds a sentence to the message (e.g. that a waiver expired). */
  addNote(text: string): void {
    this.note += `; ${text}`;
  }
}
