// Report ordering: the most severe first, then the most items, then by name, so a reader meets Critical first.
import { type Result, type Rule, SEVERITIES, type Severity } from '../../core';

export const severityRank = (s: string): number => {
  const i = SEVERITIES.indexOf(s as Severity);
  return i < 0 ? SEVERITIES.length : i;
};

/** Failing rules, Critical first, then the most failing, then by Rule ID. */
export function bySeverityThenCount<T extends { severity: string; failing: number; ruleId: string }>(
  rows: readonly T[],
): T[] {
  return [...rows].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      b.failing - a.failing ||
      a.ruleId.localeCompare(b.ruleId, 'en'),
  );
}

/** Counts per severity, Critical first, as one row of numbers compared left to right. */
export function severityCounts(severities: readonly string[]): number[] {
  const counts = SEVERITIES.map(() => 0);
  for (const s of severities) {
    const i = severityRank(s);
    if (i < counts.length) counts[i]++;
  }
  return counts;
}

/** Compares two severity count rows: more Critical first, then more High, and so on. */
export function compareCounts(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

export interface FailingRule {
  ruleId: string;
  title: string;
  severity: string;
  failing: number;
}

/** Every rule with a FAIL, Critical first, then the most failing: the core summary's top list ranks by count alone. */
export function failingRules(results: Iterable<Result>): FailingRule[] {
  const byRule = new Map<Rule, number>();
  for (const r of results) if (r.status === 'FAIL') byRule.set(r.rule, (byRule.get(r.rule) ?? 0) + 1);
  return bySeverityThenCount(
    [...byRule].map(([rule, failing]) => ({
      ruleId: rule.id,
      title: rule.title,
      severity: rule.severity,
      failing,
    })),
  );
}

/**
 * Problems as a reader walks the rulebook: whole-rulebook ones first, then sheet by sheet in the workbook's order
 * (sheets it does not hold after, by name), and within a sheet by row, then column. Ties keep the engine's order.
 */
export function inSheetOrder<P extends { location: { sheet?: string; row?: number; col?: number } }>(
  problems: readonly P[],
  sheetNames: readonly string[],
): P[] {
  const sheetIndex = new Map(sheetNames.map((n, i) => [n.toLowerCase(), i]));
  const sheetKey = (s: string | undefined) =>
    s === undefined ? -1 : (sheetIndex.get(s.toLowerCase()) ?? sheetNames.length);
  const pos = (n: number | undefined) => (n === undefined ? -1 : n);
  return [...problems].sort(
    (a, b) =>
      sheetKey(a.location.sheet) - sheetKey(b.location.sheet) ||
      (a.location.sheet ?? '').localeCompare(b.location.sheet ?? '', 'en') ||
      pos(a.location.row) - pos(b.location.row) ||
      pos(a.location.col) - pos(b.location.col),
  );
}
