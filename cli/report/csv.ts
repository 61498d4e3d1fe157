// The CSV report: one row per (rule, resource), formula-like text neutralised by toCsv.
import { toCsv } from '../io/csv';
import { RESULT_COLUMNS, resultRow, type Report } from './rows';

/** Rows go to toCsv in batches: each batch is one chunk, and no chunk grows with the run. */
const BATCH = 1000;

export const csvReport: Report = function* (output) {
  let batch: string[][] = [RESULT_COLUMNS.map((c) => c as string)];
  for (const r of output.results) {
    const row = resultRow(r);
    batch.push(
      RESULT_COLUMNS.map((c) => (c === 'overdue' ? (row.overdue ? 'TRUE' : 'FALSE') : (row[c] as string))),
    );
    if (batch.length >= BATCH) {
      yield toCsv(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield toCsv(batch);
};
