// Which results a SARIF report lists under --max-results: the most severe, in the report's own order.
import { SEVERITIES, type Result, type RunOutput } from '../../core';

/** What a cap keeps, and how many of how many results it lists. */
export interface SarifCap {
  /** Asked of each open result in the report's order: whether it is listed. */
  keep(result: Result): boolean;
  listed: number;
  total: number;
}

/**
 * Ranks, best first: each severity from Critical to Info, its FAIL and ERROR results before its WAIVED ones. A
 * waived finding is accepted for now, so a capped log shows open findings of the same severity first.
 */
const rankOf = (severity: number, waived: boolean) => severity * 2 + (waived ? 1 : 0);

/**
 * Keeps the `max` best-ranked open results: every result of the ranks that fit whole, then the first of the
 * next rank in the report's order until `max` is reached. The counts come from the per-rule counts the run
 * already has, so the results are walked once, as they are written, and nothing is sorted or held.
 */
export function sarifCap(output: RunOutput, max: number): SarifCap {
  const totals = new Array<number>(SEVERITIES.length * 2).fill(0);
  const severityOf = new Map<string, number>(SEVERITIES.map((s, i) => [s, i]));
  for (const [rule, counts] of output.results.byRule()) {
    const s = severityOf.get(rule.severity) ?? SEVERITIES.length - 1;
    totals[rankOf(s, false)] += counts.failing + counts.errors;
    totals[rankOf(s, true)] += counts.waived;
  }
  let total = 0;
  let left = max;
  // Per rank, how many more of its results are listed.
  const quota = totals.map((t) => {
    total += t;
    const q = Math.min(t, left);
    left -= q;
    return q;
  });
  return {
    keep: (r) => {
      const rank = rankOf(severityOf.get(r.rule.severity) ?? SEVERITIES.length - 1, r.status === 'WAIVED');
      if (quota[rank] <= 0) return false;
      quota[rank]--;
      return true;
    },
    listed: Math.min(max, total),
    total,
  };
}
