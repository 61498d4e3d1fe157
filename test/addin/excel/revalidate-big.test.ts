// Re-validating a workbook whose first read is over Excel's response limit: the chunked read still finds the trend chart.
import { readWorkbook } from '../../../addin/excel/read-grids';
import { TREND_CHART_NAME } from '../../../addin/excel/sheet-format';
import { validateWorkbook } from '../../../addin/excel/validate';
import type { Cell } from '../../../core';
import { createFakeExcel, FakeWorkbook } from '../../../testkit/excel';

const LIMIT_BYTES = 300_000;

function bigRulebook(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.seed('Rules', [
    ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
    ['BKT-1', 'Versioning on', 'aws_s3_bucket', 'versioning', 'equals', 'Enabled'],
  ]);
  const rows: Cell[][] = [['Resource ID', 'Resource Type', 'versioning', 'note']];
  // Passing buckets with long notes: the read is large, the Results small.
  for (let i = 0; i < 3000; i++) rows.push([`bucket-${i}`, 'aws_s3_bucket', 'Enabled', 'n'.repeat(120)]);
  book.seed('Resources', rows);
  return book;
}

describe('a workbook whose first read is over the response limit', () => {
  it('validates again, and again, with one trend chart on Summary', async () => {
    const book = bigRulebook();
    const excel = createFakeExcel(book, LIMIT_BYTES);
    for (const day of [27, 28, 29]) {
      const run = await excel.run((ctx) => validateWorkbook(ctx, new Date(Date.UTC(2026, 10, day, 12))));
      expect(run.output.summary.checks).toBe(3000);
    }
    expect(book.requests.some((r) => r.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(book.sheet('Summary')?.charts.map((c) => c.name)).toEqual([TREND_CHART_NAME]);
    const read = await excel.run((ctx) => readWorkbook(ctx));
    expect(read.hasTrendChart).toBe(true);
  });
});
