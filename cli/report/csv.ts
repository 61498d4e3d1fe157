// The CSV report: one row per (rule, resource), formula-like text neutralised by toCsv.
import { toCsv } from '../io/csv';
import { RESULT_COLUMNS, resultRow, type Report } from './rows';

export const csvReport: Report = (output) => {
  const header = RESULT_COLUMNS.map((c) => c as string);
  const rows = output.results.map((r) => {
    const row = resultRow(r);
    return RESULT_COLUMNS.map((c) =>
      c === 'overdue' ? (row.overdue ? 'TRUE' : 'FALSE') : (row[c] as string),
    );
  });
  return toCsv([header, ...rows]);
};
