// Run History rows: one for the whole run (`All`) and one for each business unit among the resources, `(none)` last.
import type { Rulebook } from '../rulebook/model';
import { compareText } from './order';
import { countsOf } from './summary';
import { NO_BUSINESS_UNIT, type Tally, type UnitTally } from './tally';
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

function allRow(summary: RunSummary): HistoryRow {
  return {
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
}

/** Enabled rules that apply to a unit: those not scoped to units, and those scoped to it. */
function rulesFor(rulebook: Rulebook, units: readonly UnitTally[]): Map<UnitTally, number> {
  const counts = new Map(units.map((u) => [u, 0]));
  for (const rule of rulebook.rules) {
    if (!rule.enabled) continue;
    const scope = new Set(rule.businessUnits.map(unitKey));
    for (const unit of units)
      if (scope.size === 0 || scope.has(unit.key)) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  return counts;
}

/**
 * `All`, then one row for each business unit of the resources, sorted, and `(none)` last for resources without
 * one (and a broken rule's errors, which have no resource), as the Summary groups them.
 */
export function historyRowsOf(rulebook: Rulebook, t: Tally, summary: RunSummary): HistoryRow[] {
  const units = [...t.units.byKey.values()]
    .filter((u) => u.resources > 0 || (u.name === NO_BUSINESS_UNIT && u.seenAs !== undefined))
    .sort((a, b) =>
      (a.name === NO_BUSINESS_UNIT) !== (b.name === NO_BUSINESS_UNIT)
        ? a.name === NO_BUSINESS_UNIT
          ? 1
          : -1
        : compareText(a.name, b.name),
    );
  const rules = rulesFor(rulebook, units);
  const rows = [allRow(summary)];
  for (const unit of units) {
    const counts = countsOf(unit);
    rows.push({
      runAt: summary.runAt,
      businessUnit: unit.name,
      rules: rules.get(unit) ?? 0,
      resources: unit.resources,
      checks: counts.checks,
      passing: counts.passing,
      failing: counts.failing,
      waived: counts.waived,
      errors: counts.errors,
      passRate: counts.passRate,
      newFailures: unit.newFailures,
      fixed: unit.fixed,
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
