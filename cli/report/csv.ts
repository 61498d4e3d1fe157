// The CSV report: one row per (rule, resource) with the rule's Title and Remediation, formula-like text neutralised by toCsv.
import { toCsv } from '../io/csv';
import { RESULT_COLUMNS, resultRow, type Report, type ResultRow } from './rows';

type CsvColumn = keyof ResultRow | 'title' | 'remediation';

/** The JSON result columns, with Title after the Rule ID and Remediation after the message: what to do, in the row. */
const CSV_COLUMNS: CsvColumn[] = RESULT_COLUMNS.flatMap((c): CsvColumn[] =>
  c === 'ruleId' ? [c, 'title'] : c === 'message' ? [c, 'remediation'] : [c],
);

/**
 * Rows go to toCsv in batches of about this many characters: each batch is one chunk, and no chunk grows with
 * the run. A chunk stays well below V8's large-object size (128 KB): a large string is moved to the old
 * generation as soon as a young-generation collection finds it alive, and 1000-row chunks (160 KB) grew the
 * heap by 300 MB of such garbage at 10 M rows; a small one dies young.
 */
const BATCH_CHARS = 16_000;

export const csvReport: Report = function* (output) {
  let batch: string[][] = [CSV_COLUMNS.map((c) => c as string)];
  let chars = 0;
  for (const r of output.results) {
    const row = resultRow(r);
    // Straight into the row's array: no object a row besides resultRow's own (10 M rows at 200k × 500).
    const cells = new Array<string>(CSV_COLUMNS.length);
    for (let i = 0; i < CSV_COLUMNS.length; i++) {
      const c = CSV_COLUMNS[i];
      const cell =
        c === 'title'
          ? r.rule.title
          : c === 'remediation'
            ? r.rule.remediation
            : c === 'overdue'
              ? row.overdue
                ? 'TRUE'
                : 'FALSE'
              : row[c];
      cells[i] = cell;
      chars += cell.length;
    }
    batch.push(cells);
    if (chars >= BATCH_CHARS) {
      yield toCsv(batch);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield toCsv(batch);
};
