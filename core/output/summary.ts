// The figures of one run: totals, pass rate and breakdowns by severity, business unit, fix owner and framework.
import type { Result } from '../engine/result';
import type { Rule, Rulebook } from '../rulebook/model';
import { SEVERITIES } from '../types';
import { compareText, inOrder, numberRanks, ResultKeys, sortedOrder } from './order';
import type { ResourceIndex } from './resource-index';
import { emptyStatusCounts, NO_BUSINESS_UNIT, type StatusCounts, type Tally } from './tally';
import type { Counts, FixOwnerCounts, NamedCounts, RunSummary } from './types';

export { compareText } from './order';
export { NO_BUSINESS_UNIT, UNASSIGNED } from './tally';
const TOP_FAILING_RULES = 10;

function finishCounts(counts: Counts): Counts {
  counts.checks = counts.passing + counts.failing + counts.waived + counts.errors;
  // Waived checks are set aside: they are neither a pass nor a fail the owner must act on now.
  const judged = counts.passing + counts.failing + counts.errors;
  counts.passRate = judged === 0 ? 1 : counts.passing / judged;
  return counts;
}

/** Counts (checks and pass rate worked out) from the status counts of a tally. */
export function countsOf(s: StatusCounts): Counts {
  return finishCounts({
    checks: 0,
    passing: s.passing,
    failing: s.failing,
    waived: s.waived,
    errors: s.errors,
    notApplicable: s.notApplicable,
    passRate: 1,
  });
}

function addCounts(to: StatusCounts, from: StatusCounts): void {
  to.passing += from.passing;
  to.failing += from.failing;
  to.waived += from.waived;
  to.errors += from.errors;
  to.notApplicable += from.notApplicable;
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

function byName(a: NamedCounts, b: NamedCounts): number {
  // `(none)` sorts last: it is what is left over, not a unit of its own.
  if ((a.name === NO_BUSINESS_UNIT) !== (b.name === NO_BUSINESS_UNIT))
    return a.name === NO_BUSINESS_UNIT ? 1 : -1;
  return compareText(a.name, b.name);
}

/** Counts by name, case-insensitively, the first spelling kept; each rule's counts go to each of its names. */
function groupRules(t: Tally, namesOf: (rule: Rule) => string[]): NamedCounts[] {
  const groups = new Map<string, { name: string } & StatusCounts>();
  for (const counts of t.rules.values()) {
    for (const name of namesOf(counts.rule)) {
      const key = name.toLowerCase();
      let group = groups.get(key);
      if (!group) {
        group = { name, ...emptyStatusCounts() };
        groups.set(key, group);
      }
      addCounts(group, counts);
    }
  }
  return [...groups.values()].map((g) => ({ name: g.name, ...countsOf(g) }));
}

function bySeverity(t: Tally): NamedCounts[] {
  const counts = SEVERITIES.map(() => emptyStatusCounts());
  for (const c of t.rules.values()) {
    const at = SEVERITIES.indexOf(c.rule.severity);
    if (at >= 0) addCounts(counts[at], c);
  }
  return SEVERITIES.map((name, i) => ({ name, ...countsOf(counts[i]) }));
}

function byBusinessUnit(t: Tally): NamedCounts[] {
  const groups: NamedCounts[] = [];
  for (const unit of t.units.byKey.values())
    if (unit.seenAs !== undefined) groups.push({ name: unit.seenAs, ...countsOf(unit) });
  return groups.sort(byName);
}

/** Fix owners of the results someone must act on: passing is 0 by construction, so only the other counts mean anything. */
function byFixOwner(t: Tally): FixOwnerCounts[] {
  const groups: FixOwnerCounts[] = [];
  for (const o of t.owners.values()) {
    const counts = countsOf({
      ...emptyStatusCounts(),
      failing: o.failing,
      waived: o.waived,
      errors: o.errors,
    });
    groups.push({ name: o.name, ...counts, overdue: o.overdue });
  }
  return groups.sort((a, b) => b.failing - a.failing || b.errors - a.errors || compareText(a.name, b.name));
}

function topFailingRules(t: Tally): RunSummary['topFailingRules'] {
  const failing = [...t.rules.values()].filter((c) => c.failing > 0);
  return failing
    .sort((a, b) => b.failing - a.failing || compareText(a.rule.id, b.rule.id))
    .slice(0, TOP_FAILING_RULES)
    .map(({ rule, failing: count }) => ({
      ruleId: rule.id,
      title: rule.title,
      severity: rule.severity,
      failing: count,
    }));
}

/** Overdue results, soonest Due first, then by rule and resource. */
export function sortOverdue(overdue: readonly Result[], index?: ResourceIndex): Result[] {
  const keys = ResultKeys.of(overdue, index);
  const dues = numberRanks(overdue.map((r) => r.due?.getTime() ?? 0));
  const ids = keys.ruleIdRanks();
  const ruleIds = keys.byRuleAndStatus((rule) => ids.ranks[rule], ids.size);
  return inOrder(overdue, sortedOrder(overdue.length, [dues, ruleIds, keys.byResourceId()]));
}

/** Enabled rules with no PASS, FAIL, WAIVED or ERROR: a rule that checks nothing must not read as all clear. */
function rulesCheckingNothing(rulebook: Rulebook, t: Tally): number {
  let n = 0;
  for (const rule of rulebook.rules) {
    if (!rule.enabled) continue;
    const c = t.rules.get(rule);
    if (!c || c.passing + c.failing + c.waived + c.errors === 0) n++;
  }
  return n;
}

/** The summary from a tally of the results; New Failures and Fixed come from tracking. */
export function summaryOf(
  rulebook: Rulebook,
  t: Tally,
  now: Date,
  changes: { newFailures: number; fixed: number },
): RunSummary {
  return {
    runAt: now,
    rules: rulebook.rules.filter((r) => r.enabled).length,
    rulesCheckingNothing: rulesCheckingNothing(rulebook, t),
    resources: rulebook.resources.length,
    ...countsOf(t.all),
    bySeverity: bySeverity(t),
    byBusinessUnit: byBusinessUnit(t),
    byFixOwner: byFixOwner(t),
    byFramework: groupRules(t, frameworkIds).sort(byName),
    topFailingRules: topFailingRules(t),
    overdue: sortOverdue(t.overdue, t.units.index),
    newFailures: changes.newFailures,
    fixed: changes.fixed,
  };
}
