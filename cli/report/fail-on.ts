// The CI gate: which FAIL/ERROR results are at or above the --fail-on severity.
import { type Result, SEVERITIES, type Severity } from '../../core';

/** `high` → `High`; `none` → null (nothing fails); anything else → undefined (not a severity). */
export function parseFailOn(text: string): Severity | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'none') return null;
  return SEVERITIES.find((s) => s.toLowerCase() === t);
}

/** FAIL and ERROR results whose rule severity is `threshold` or more severe. */
export function gatingResults(results: Result[], threshold: Severity): Result[] {
  const limit = SEVERITIES.indexOf(threshold);
  return results.filter(
    (r) => (r.status === 'FAIL' || r.status === 'ERROR') && SEVERITIES.indexOf(r.rule.severity) <= limit,
  );
}
