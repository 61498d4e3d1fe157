// The JSON report: a stable shape other tools read (tool, version, runAt, summary, every result, problems).
import { isoDate, problemRows, resultRow, type Report } from './rows';

export const jsonReport: Report = (output, ctx) => {
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
    results: output.results.map(resultRow),
    problems: problemRows(output).map((p) => ({
      code: p.code,
      severity: p.severity,
      sheet: p.sheet,
      cell: p.cell,
      message: p.message,
      suggestion: p.suggestion,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
