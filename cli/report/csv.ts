// The CSV report: one row per (rule, resource) with the rule's Title and Remediation, formula-like text neutralised by toCsv.
import { toCsv } from '../io/csv';
import { RESULT_COLUMNS, resultRow, type Report, type ResultRow } from './rows';

type CsvColumn = keyof ResultRow | 'title' | 'remediation';

/** The JSON result columns, with Title after the Rule ID and Remediation after the message: what to do, in the row. */
const CSV_COLUMNS: CsvColumn[] = RESULT_COLUMNS.flatMap((c): CsvColumn[] =>
  c === 'ruleId' ? [c, 'title'] : c === 'message' ? [c, 'remediation'] : [c],
);

export const csvReport: Report = (output) => {
  const rows = output.results.map((r) => {
    const row = resultRow(r);
    const cells: Record<CsvColumn, string> = {
      ...row,
      overdue: row.overdue ? 'TRUE' : 'FALSE',
      title: r.rule.title,
      remediation: r.rule.remediation,
    };
    return CSV_COLUMNS.map((c) => cells[c]);
  });
  return toCsv([CSV_COLUMNS, ...rows]);
};
