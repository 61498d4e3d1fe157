// Run History rows: one for the whole run (`All`) and one for each business unit among the resources.
import type { Result } from '../engine/result';
import type { Rulebook } from '../rulebook/model';
import { compareText, countResults } from './summary';
import type { Tracking } from './tracking';
import type { HistoryRow, RunSummary } from './types';

export const ALL_BUSINESS_UNITS = 'All';

export const HISTORY_HEADER = [
  'Run At',
  'Business Unit',
  'Rules',
  'Resources',
  'Checks',
  'Passing',
  'Failing',
  'Waived',
  'Errors',
  'Pass Rate',
  'New Failures',
  'Fixed',
] as const;

const unitKey = (name: string) => name.trim().toLowerCase();

/** Business units present among the resources, case-insensitively distinct, first spelling kept, sorted. */
export function businessUnits(rulebook: Rulebook): string[] {
  const units = new Map<string, string>();
  for (const resource of rulebook.resources) {
    const name = resource.businessUnit.trim();
    if (name && !units.has(unitKey(name))) units.set(unitKey(name), name);
  }
  return [...units.values()].sort(compareText);
}

export function historyRows(
  rulebook: Rulebook,
  results: readonly Result[],
  tracking: Tracking,
  summary: RunSummary,
): HistoryRow[] {
  const all: HistoryRow = {
    runAt: summary.runAt,
    businessUnit: ALL_BUSINESS_UNITS,
    rules: summary.rules,
    resources: summary.resources,
    checks: summary.checks,
    passing: summary.passing,
    failing: summary.failing,
    waived: summary.waived,
    errors: summary.errors,
    passRate: summary.passRate,
    newFailures: summary.newFailures,
    fixed: summary.fixed,
  };
  const rows = [all];
  for (const unit of businessUnits(rulebook)) {
    const key = unitKey(unit);
    const inUnit = (r: Result) => r.resource !== undefined && unitKey(r.resource.businessUnit) === key;
    const counts = countResults(results.filter(inUnit));
    rows.push({
      runAt: summary.runAt,
      businessUnit: unit,
      // A rule counts for a unit when it is enabled and not scoped away from it.
      rules: rulebook.rules.filter(
        (rule) =>
          rule.enabled &&
          (rule.businessUnits.length === 0 || rule.businessUnits.some((u) => unitKey(u) === key)),
      ).length,
      resources: rulebook.resources.filter((r) => unitKey(r.businessUnit) === key).length,
      checks: counts.checks,
      passing: counts.passing,
      failing: counts.failing,
      waived: counts.waived,
      errors: counts.errors,
      passRate: counts.passRate,
      newFailures: tracking.newFailures.filter(inUnit).length,
      fixed: tracking.fixed.filter(inUnit).length,
    });
  }
  return rows;
}

/** A history row as sheet cells, in HISTORY_HEADER order. */
export function historyCells(row: HistoryRow): [Date, string, ...number[]] {
  return [
    row.runAt,
    row.businessUnit,
    row.rules,
    row.resources,
    row.checks,
    row.passing,
    row.failing,
    row.waived,
    row.errors,
    row.passRate,
    row.newFailures,
    row.fixed,
  ];
}
