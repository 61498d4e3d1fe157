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

/** One (rule, resource) pair as the run reports it; each stage's part is set when the result is made, never later. */
export interface Result {
  readonly rule: Rule;
  /** Absent for the single ERROR result a broken rule gives. */
  readonly resource?: Resource;
  readonly status: Status;
  readonly field?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly message?: string;
  /** Set on non-passing results (and on all when Settings asks to include passing ones). */
  readonly fixOwner?: string;
  readonly waiver?: Waiver;
  readonly firstSeen?: Date;
  readonly due?: Date;
  readonly overdue?: boolean;
}

/** What routing and waivers decided for one finding (see decide.ts). */
export interface Decision {
  readonly fixOwner?: string;
  readonly waiver?: Waiver;
  /** A sentence the message ends with (e.g. that a waiver expired). */
  readonly note?: string;
}

/** What tracking gave an open finding (see output/tracking.ts). */
export interface TrackedDates {
  readonly firstSeen: Date;
  readonly due: Date | undefined;
  readonly overdue: boolean;
}

const UNDECIDED: Decision = Object.freeze({});

/**
 * A non-passing result, made whole at once from what each stage gave: the outcome (evaluation), the decision
 * (routing and waivers) and the dates (tracking). Its words come from the outcome and are built when first read,
 * so a run that only counts pays nothing for them.
 */
export class Finding implements Result {
  constructor(
    readonly rule: Rule,
    readonly resource: Resource | undefined,
    readonly status: Status,
    private readonly outcome: Outcome,
    private readonly decision: Decision = UNDECIDED,
    private readonly dates?: TrackedDates,
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
    const note = this.decision.note;
    return (this.outcome.message ?? '') + (note === undefined ? '' : `; ${note}`);
  }
  get fixOwner(): string | undefined {
    return this.decision.fixOwner;
  }
  get waiver(): Waiver | undefined {
    return this.decision.waiver;
  }
  get firstSeen(): Date | undefined {
    return this.dates?.firstSeen;
  }
  get due(): Date | undefined {
    return this.dates?.due;
  }
  get overdue(): boolean | undefined {
    return this.dates?.overdue;
  }

  /** The same finding with the dates tracking gave it. */
  tracked(dates: TrackedDates): Finding {
    return new Finding(this.rule, this.resource, this.status, this.outcome, this.decision, dates);
  }
}

/** A result with the dates tracking gave it: a new result, the given one left as it was. */
export function withDates(result: Result, dates: TrackedDates): Result {
  if (result instanceof Finding) return result.tracked(dates);
  return { ...result, firstSeen: dates.firstSeen, due: dates.due, overdue: dates.overdue };
}
