// One (rule, resource) outcome, explained: what was checked, what was expected, what was found.
import type { Resource, Rule, Waiver } from '../rulebook/model';
import type { Status } from '../types';

/** What evaluating one compiled check on one resource gives, before waivers and routing. */
export interface Outcome {
  status: 'PASS' | 'FAIL' | 'ERROR';
  field?: string;
  expected?: string;
  actual?: string;
  message?: string;
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
