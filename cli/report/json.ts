// The JSON report: a stable shape other tools read (tool, version, runAt, summary, every result, problems).
import { prettyJson, Streamed } from './json-stream';
import { isoDate, problemFields, problemRows, resultRow, summaryFigures, type Report } from './rows';

export const jsonReport: Report = function* (output, ctx) {
  const report = {
    tool: 'rulesheet',
    version: ctx.version,
    runAt: isoDate(output.runAt),
    summary: summaryFigures(output.summary),
    results: new Streamed(lazyMap(output.results, resultRow), true),
    problems: problemRows(output).map(problemFields),
  };
  yield* prettyJson(report);
  yield '\n';
};

export function* lazyMap<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}
