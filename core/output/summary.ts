// The figures of one run: totals, pass rate and breakdowns by severity, business unit, fix owner and framework.
import type { Result } from '../engine/result';
import type { Rule, Rulebook } from '../rulebook/model';
import { SEVERITIES } from '../types';
import type { Tracking } from './tracking';
import type { Counts, NamedCounts, RunSummary } from './types';

/** The Business Unit name used for resources (and broken rules) with none. */
export const NO_BUSINESS_UNIT = '(none)';
export const UNASSIGNED = 'Unassigned';
const TOP_FAILING_RULES = 10;

export function emptyCounts(): Counts {
  return { checks: 0, passing: 0, failing: 0, waived: 0, errors: 0, notApplicable: 0, passRate: 1 };
}

/** Adds one result to running counts; call `finishCounts` when done. */
export function addToCounts(counts: Counts, result: Result): void {
  if (result.status === 'PASS') counts.passing++;
  else if (result.status === 'FAIL') counts.failing++;
  else if (result.status === 'WAIVED') counts.waived++;
  else if (result.status === 'ERROR') counts.errors++;
  else counts.notApplicable++;
}

export function finishCounts(counts: Counts): Counts {
  counts.checks = counts.passing + counts.failing + counts.waived + counts.errors;
  // Waived checks are set aside: they are neither a pass nor a fail the owner must act on now.
  const judged = counts.passing + counts.failing + counts.errors;
  counts.passRate = judged === 0 ? 1 : counts.passing / judged;
  return counts;
}

export function countResults(results: Iterable<Result>): Counts {
  const counts = emptyCounts();
  for (const result of results) addToCounts(counts, result);
  return finishCounts(counts);
}

export function isPassingOrSkipped(result: Result): boolean {
  return result.status === 'PASS' || result.status === 'NOT_APPLICABLE';
}

export function businessUnitOf(result: Result): string {
  return result.resource?.businessUnit.trim() || NO_BUSINESS_UNIT;
}

/** Framework ids of a rule: `CIS AWS 2.1.1; SOC 2 CC6.1` → two ids. Only `;` splits, since ids themselves hold commas rarely but spaces often. */
export function frameworkIds(rule: Rule): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const part of rule.framework.split(';')) {
    const id = part.trim();
    if (id && !seen.has(id.toLowerCase())) {
      seen.add(id.toLowerCase());
      ids.push(id);
    }
  }
  return ids;
}

/** Groups results under one or more names each, case-insensitively, keeping the first spelling seen. */
function groupCounts(results: readonly Result[], namesOf: (r: Result) => string[]): NamedCounts[] {
  const groups = new Map<string, NamedCounts>();
  for (const result of results) {
    for (const name of namesOf(result)) {
      const key = name.toLowerCase();
      let group = groups.get(key);
      if (!group) {
        group = { name, ...emptyCounts() };
        groups.set(key, group);
      }
      addToCounts(group, result);
    }
  }
  return [...groups.values()].map((g) => finishCounts(g) as NamedCounts);
}

/** Case-insensitive order by code unit, so every host sorts alike whatever its locale. */
export function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function byName(a: NamedCounts, b: NamedCounts): number {
  // `(none)` sorts last: it is what is left over, not a unit of its own.
  if ((a.name === NO_BUSINESS_UNIT) !== (b.name === NO_BUSINESS_UNIT))
    return a.name === NO_BUSINESS_UNIT ? 1 : -1;
  return compareText(a.name, b.name);
}

function topFailingRules(results: readonly Result[]): RunSummary['topFailingRules'] {
  const failing = new Map<Rule, number>();
  for (const r of results) if (r.status === 'FAIL') failing.set(r.rule, (failing.get(r.rule) ?? 0) + 1);
  return [...failing.entries()]
    .sort(([ra, a], [rb, b]) => b - a || compareText(ra.id, rb.id))
    .slice(0, TOP_FAILING_RULES)
    .map(([rule, count]) => ({
      ruleId: rule.id,
      title: rule.title,
      severity: rule.severity,
      failing: count,
    }));
}

function overdueResults(results: readonly Result[]): Result[] {
  return results
    .filter((r) => r.status === 'FAIL' && r.overdue === true)
    .sort(
      (a, b) =>
        (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0) ||
        compareText(a.rule.id, b.rule.id) ||
        compareText(a.resource?.id ?? '', b.resource?.id ?? ''),
    );
}

export function summarize(
  rulebook: Rulebook,
  results: readonly Result[],
  tracking: Tracking,
  now: Date,
): RunSummary {
  const bySeverity = SEVERITIES.map((severity) => ({
    name: severity,
    ...countResults(results.filter((r) => r.rule.severity === severity)),
  }));
  // Fix owners are routed only for results someone must act on, so passing ones are not grouped.
  const needsAction = results.filter((r) => !isPassingOrSkipped(r));
  const byFixOwner = groupCounts(needsAction, (r) => [r.fixOwner?.trim() || UNASSIGNED]).sort(
    (a, b) => b.failing - a.failing || b.errors - a.errors || compareText(a.name, b.name),
  );
  return {
    runAt: now,
    rules: rulebook.rules.filter((r) => r.enabled).length,
    resources: rulebook.resources.length,
    ...countResults(results),
    bySeverity,
    byBusinessUnit: groupCounts(results, (r) => [businessUnitOf(r)]).sort(byName),
    byFixOwner,
    byFramework: groupCounts(results, (r) => frameworkIds(r.rule)).sort(byName),
    topFailingRules: topFailingRules(results),
    overdue: overdueResults(results),
    newFailures: tracking.newFailures.length,
    fixed: tracking.fixed.length,
  };
}
