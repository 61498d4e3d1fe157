// The CI gate: which FAIL/ERROR results, and which rules that checked nothing, are at or above the --fail-on severity.
import {
  type Result,
  type ResultSet,
  type Rule,
  type RunOutput,
  SEVERITIES,
  type Severity,
} from '../../core';

/** `high` → `High`; `none` → null (nothing fails); anything else → undefined (not a severity). */
export function parseFailOn(text: string): Severity | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'none') return null;
  return SEVERITIES.find((s) => s.toLowerCase() === t);
}

/** FAIL and ERROR results whose rule severity is `threshold` or more severe. */
export function gatingResults(results: ResultSet, threshold: Severity): Result[] {
  const limit = SEVERITIES.indexOf(threshold);
  const gating: Result[] = [];
  // Only open results can gate, and only runs of a rule at the threshold or above are read.
  for (const r of results.open(({ rule }) => SEVERITIES.indexOf(rule.severity) <= limit))
    if (r.status === 'FAIL' || r.status === 'ERROR') gating.push(r);
  return gating;
}

/** Warnings that say a rule checks nothing real: no resource of its types, a column none of them has, or none judged. */
export const COVERAGE_CODES: ReadonlySet<string> = new Set([
  'unknown_resource_type',
  'unknown_field',
  'rule_judged_nothing',
]);

/**
 * Enabled rules at `threshold` or above that checked nothing: no PASS, FAIL, WAIVED or ERROR result, or a coverage
 * warning on their row (a verdict on a column no resource has is no verdict). They gate like an ERROR of their
 * severity, so a typo cannot turn a gate green; disabling the rule is the way out.
 */
export function gatingEmptyRules(output: RunOutput, threshold: Severity): Rule[] {
  const limit = SEVERITIES.indexOf(threshold);
  const judged = new Set<Rule>();
  for (const [rule, c] of output.results.byRule())
    if (c.passing + c.failing + c.waived + c.errors > 0) judged.add(rule);
  const sheet = output.rulebook.rulesSheet?.name;
  const warnedRows = new Set<number>();
  for (const p of output.problems) {
    if (COVERAGE_CODES.has(p.code) && p.location.sheet === sheet && p.location.row !== undefined)
      warnedRows.add(p.location.row);
  }
  return output.rulebook.rules.filter(
    (rule) =>
      rule.enabled &&
      (!judged.has(rule) || warnedRows.has(rule.row)) &&
      SEVERITIES.indexOf(rule.severity) <= limit,
  );
}
