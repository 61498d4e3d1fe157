// The JSON Lines report: one JSON object a line, for CI tools that read a stream (jq -c, grep, line-by-line loaders).
import { isoDate, problemRows, resultRow, type Report } from './rows';

// The summary line comes first, so `head -n 1` answers "how did the run go" without reading the results.
export const jsonlReport: Report = function* (output, ctx) {
  const s = output.summary;
  yield line({
    type: 'summary',
    tool: 'rulesheet',
    version: ctx.version,
    runAt: isoDate(output.runAt),
    rules: s.rules,
    resources: s.resources,
    checks: s.checks,
    passing: s.passing,
    failing: s.failing,
    waived: s.waived,
    errors: s.errors,
    notApplicable: s.notApplicable,
    passRate: s.passRate,
    results: output.results.length,
    problems: output.problems.length,
  });
  for (const p of problemRows(output)) {
    yield line({
      type: 'problem',
      code: p.code,
      severity: p.severity,
      sheet: p.sheet,
      cell: p.cell,
      message: p.message,
      suggestion: p.suggestion,
    });
  }
  for (const r of output.results) yield line({ type: 'result', ...resultRow(r) });
};

/** JSON.stringify escapes every line break inside a string, so one object is always one line. */
const line = (value: object) => `${JSON.stringify(value)}\n`;
