// The JSON Lines report: one JSON object a line, for CI tools that read a stream (jq -c, grep, line-by-line loaders).
import {
  isoDate,
  problemFields,
  problemRows,
  resultRow,
  summaryFigures,
  type Report,
  type ResultRow,
} from './rows';

// The summary line comes first, so `head -n 1` answers "how did the run go" without reading the results.
export const jsonlReport: Report = function* (output, ctx) {
  yield line({
    type: 'summary',
    tool: 'rulesheet',
    version: ctx.version,
    runAt: isoDate(output.runAt),
    ...summaryFigures(output.summary),
    results: output.results.length,
    problems: output.problems.length,
  });
  for (const p of problemRows(output)) {
    yield line({ type: 'problem', ...problemFields(p) });
  }
  for (const r of output.results) yield resultLine(resultRow(r));
};

/** JSON.stringify escapes every line break inside a string, so one object is always one line. */
const line = (value: object) => `${JSON.stringify(value)}\n`;

/**
 * `line({ type: 'result', ...row })` without making that object: a row always has keys and never `type`, so its
 * text after the opening brace follows the type's. Millions of rows, one spread each, cost more than the text.
 */
const resultLine = (row: ResultRow) => `{"type":"result",${JSON.stringify(row).slice(1)}\n`;
