// Tracking across runs: First Seen carried over from the previous Results, Due, Overdue, New Failures and Fixed.
import type { Result } from '../engine/result';
import type { PreviousResult, Rulebook } from '../rulebook/model';
import type { Status } from '../types';

const DAY_MS = 86_400_000;

export interface Tracking {
  /** FAIL now, not FAIL in the previous Results (on a first run every FAIL). */
  newFailures: Result[];
  /** FAIL in the previous Results, PASS now. */
  fixed: Result[];
}

/** Statuses that keep a finding open: its age carries over while it stays in one of them. */
const OPEN: ReadonlySet<string> = new Set<Status>(['FAIL', 'WAIVED', 'ERROR']);

export function isOpen(status: string): boolean {
  return OPEN.has(status);
}

/** Rule ID + resource type + resource id, case-insensitive; a broken rule's result has blank resource parts. */
export function trackingKey(ruleId: string, resourceType: string, resourceId: string): string {
  // A separator that cannot appear in a cell keeps `a|b` + `c` apart from `a` + `b|c`.
  return [ruleId, resourceType, resourceId].map((part) => part.trim().toLowerCase()).join('\u0000');
}

export function resultKey(result: Result): string {
  return trackingKey(result.rule.id, result.resource?.type ?? '', result.resource?.id ?? '');
}

function previousByKey(previous: readonly PreviousResult[]): Map<string, PreviousResult> {
  const byKey = new Map<string, PreviousResult>();
  for (const row of previous) {
    const key = trackingKey(row.ruleId, row.resourceType, row.resourceId);
    // The first row wins, as the reader does for duplicate resources.
    if (!byKey.has(key)) byKey.set(key, { ...row, status: row.status.trim().toUpperCase() });
  }
  return byKey;
}

/**
 * Sets firstSeen, due and overdue on every result in place and finds the new failures and the fixed ones.
 * Passing and not-applicable results get no First Seen, Due or Overdue.
 */
export function applyTracking(results: Result[], rulebook: Rulebook, now: Date): Tracking {
  const previous = previousByKey(rulebook.previousResults);
  const tracking: Tracking = { newFailures: [], fixed: [] };
  for (const result of results) {
    const before = previous.get(resultKey(result));
    if (result.status === 'FAIL' && before?.status !== 'FAIL') tracking.newFailures.push(result);
    if (result.status === 'PASS' && before?.status === 'FAIL') tracking.fixed.push(result);

    if (!isOpen(result.status)) {
      result.firstSeen = undefined;
      result.due = undefined;
      result.overdue = undefined;
      continue;
    }
    const carried = before && isOpen(before.status) ? before.firstSeen : undefined;
    const firstSeen = carried && !Number.isNaN(carried.getTime()) && carried <= now ? carried : now;
    const days = rulebook.settings.slaDays[result.rule.severity];
    // A severity without an SLA (a Settings row left blank) has no due date, so it is never overdue.
    const due = Number.isFinite(days) ? new Date(firstSeen.getTime() + days * DAY_MS) : undefined;
    result.firstSeen = firstSeen;
    result.due = due;
    result.overdue = result.status === 'FAIL' && due !== undefined && now.getTime() > due.getTime();
  }
  return tracking;
}
