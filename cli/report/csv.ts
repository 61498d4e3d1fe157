// The CSV report: one row per (rule, resource) with the rule's Title and Remediation, formula-like text neutralised by toCsv.
import type { RunOutput } from '../../core';
import { toCsv } from '../io/csv';
import { csvChunks } from '../io/csv-chunks';
import { RESULT_COLUMNS, resultRow, type Report, type ResultRow } from './rows';

type CsvColumn = keyof ResultRow | 'title' | 'remediation';

/** The JSON result columns, with Title after the Rule ID and Remediation after the message: what to do, in the row. */
const CSV_COLUMNS: CsvColumn[] = RESULT_COLUMNS.flatMap((c): CsvColumn[] =>
  c === 'ruleId' ? [c, 'title'] : c === 'message' ? [c, 'remediation'] : [c],
);

export const csvReport: Report = (output) => csvChunks(rows(output), toCsv);

/** The header, then one row of cells per result, made as the chunks ask for them. */
function* rows(output: RunOutput): Generator<string[]> {
  yield CSV_COLUMNS.map((c) => c as string);
  for (const r of output.results) {
    const row = resultRow(r);
    // Straight into the row's array: no object a row besides resultRow's own (10 M rows at 200k × 500).
    const cells = new Array<string>(CSV_COLUMNS.length);
    for (let i = 0; i < CSV_COLUMNS.length; i++) {
      const c = CSV_COLUMNS[i];
      cells[i] =
        c === 'title'
          ? r.rule.title
          : c === 'remediation'
            ? r.rule.remediation
            : c === 'overdue'
              ? row.overdue
                ? 'TRUE'
                : 'FALSE'
              : row[c];
    }
    yield cells;
  }
}
