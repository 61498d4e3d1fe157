// The JSON report: a stable shape other tools read (tool, version, runAt, summary, every result, problems).
import { prettyJson, Streamed } from './json-stream';
import { isoDate, problemRows, resultRow, type Report } from './rows';

export const jsonReport: Report = function* (output, ctx) {
  const s = output.summary;
  const report = {
    tool: 'rulesheet',
    version: ctx.version,
    runAt: isoDate(output.runAt),
    summary: {
      rules: s.rules,
      resources: s.resources,
      checks: s.checks,
      passing: s.passing,
      failing: s.failing,
      waived: s.waived,
      errors: s.errors,
      notApplicable: s.notApplicable,
      passRate: s.passRate,
    },
    results: new Streamed(lazyMap(output.results, resultRow)),
    problems: problemRows(output).map((p) => ({
      code: p.code,
      severity: p.severity,
      sheet: p.sheet,
      cell: p.cell,
      message: p.message,
      suggestion: p.suggestion,
    })),
  };
  yield* prettyJson(report);
  yield '\n';
};

export function* lazyMap<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}
