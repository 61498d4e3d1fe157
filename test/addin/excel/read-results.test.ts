// The Excel adapter reads the last Results for tracking only: the header, then the five columns tracking uses.
import { readWorkbook } from '../../../addin/excel/read-grids';
import { validateWorkbook } from '../../../addin/excel/validate';
import { type Cell, type Grid, validate } from '../../../core';
import { createFakeExcel, FakeRichApiError, FakeWorkbook } from '../../../testkit/excel';
import { sheetCells } from '../../../testkit/excel/read-back';

const FIRST = new Date('2026-11-20T12:00:00Z');
const LATER = new Date('2026-11-28T12:00:00Z');

/** Buckets, a third failing versioning; `results` seeds a last Results as someone left it. */
function rulebook(buckets: number, results?: Cell[][], rulesExtra: Cell[][] = []): FakeWorkbook {
  const book = new FakeWorkbook();
  book.seed('Rules', [
    ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Severity'],
    ['S3-001', 'Versioning on', 'aws_s3_bucket', 'versioning.status', 'equals', 'Enabled', 'High'],
    ...rulesExtra,
  ]);
  const rows: Cell[][] = [['Resource ID', 'Type', 'Name', 'versioning.status']];
  for (let i = 0; i < buckets; i++)
    rows.push([`b-${i}`, 'aws_s3_bucket', `bucket ${i}`, i % 3 ? 'Enabled' : 'Suspended']);
  book.seed('Resources', rows);
  if (results) book.seed('Results', results);
  return book;
}

const resultsOf = (grids: Grid[]) => grids.find((g) => g.name === 'Results')?.rows ?? [];

/** Both reads of the same workbook, and what core makes of each a week later. */
async function bothReads(book: FakeWorkbook) {
  const excel = createFakeExcel(book);
  const before = book.requests.length;
  const whole = await excel.run((ctx) => readWorkbook(ctx));
  const wholeBytes = book.requests.slice(before).reduce((n, r) => n + r.responseBytes, 0);
  const mid = book.requests.length;
  const tracking = await excel.run((ctx) => readWorkbook(ctx, { resultsForTracking: true }));
  const trackingBytes = book.requests.slice(mid).reduce((n, r) => n + r.responseBytes, 0);
  return {
    whole,
    tracking,
    wholeBytes,
    trackingBytes,
    wholeRun: validate(whole.grids, { now: LATER }),
    trackingRun: validate(tracking.grids, { now: LATER }),
  };
}

describe('the last Results, read for tracking', () => {
  it('gives core the same run as reading every cell, from the header and five columns', async () => {
    const book = rulebook(30);
    await createFakeExcel(book).run((ctx) => validateWorkbook(ctx, FIRST));
    const { whole, tracking, wholeBytes, trackingBytes, wholeRun, trackingRun } = await bothReads(book);
    const [header, ...rows] = resultsOf(tracking.grids);
    expect(header).toEqual(resultsOf(whole.grids)[0]);
    expect(rows.length).toBe(resultsOf(whole.grids).length - 1);
    // Below the header only Rule ID, Resource ID, Resource Type, Status and First Seen hold anything.
    const kept = ['Rule ID', 'Resource ID', 'Resource Type', 'Status', 'First Seen'].map((h) =>
      header.indexOf(h),
    );
    expect(kept.every((c) => c >= 0)).toBe(true);
    for (const row of rows)
      row.forEach((cell, c) => {
        if (!kept.includes(c)) expect(cell).toBeNull();
      });
    for (const c of kept)
      expect(rows.map((r) => r[c])).toEqual(
        resultsOf(whole.grids)
          .slice(1)
          .map((r) => r[c] ?? null),
      );
    expect(trackingRun.patches).toEqual(wholeRun.patches);
    expect(trackingBytes).toBeLessThan(wholeBytes);
  });

  it('finds the columns by header wherever they are, aliases included, beside a column someone added', async () => {
    const since = new Date('2026-10-01T00:00:00Z');
    const book = rulebook(9, [
      ['Notes', 'Result', 'Since', 'Type', 'Rule', 'Resource'],
      ['look at this', 'FAIL', since, 'aws_s3_bucket', 'S3-001', 'b-0'],
      ['and this', 'FAIL', since, 'aws_s3_bucket', 'S3-001', 'b-3'],
      [null, 'PASS', null, 'aws_s3_bucket', 'S3-001', 'b-1'],
    ]);
    const { tracking, wholeRun, trackingRun } = await bothReads(book);
    expect(resultsOf(tracking.grids).map((r) => r[0])).toEqual(['Notes', null, null, null]);
    expect(trackingRun.patches).toEqual(wholeRun.patches);
    expect(trackingRun.problems).toEqual(wholeRun.problems);
  });

  it('a header without Rule ID gives the same problem as reading every cell', async () => {
    const book = rulebook(3, [
      ['Resource ID', 'Status'],
      ['b-0', 'FAIL'],
    ]);
    const { wholeRun, trackingRun } = await bothReads(book);
    expect(trackingRun.problems.length).toBeGreaterThan(0);
    expect(trackingRun.problems).toEqual(wholeRun.problems);
  });

  it('a header alone reads as a header alone', async () => {
    const book = rulebook(3, [['Rule ID', 'Resource ID', 'Status']]);
    const { tracking, wholeRun, trackingRun } = await bothReads(book);
    expect(resultsOf(tracking.grids)).toEqual([['Rule ID', 'Resource ID', 'Status']]);
    expect(trackingRun.patches).toEqual(wholeRun.patches);
  });

  it('is read whole when a rule lists one of its columns', async () => {
    const book = rulebook(6, undefined, [
      ['S3-002', 'Known', 'aws_s3_bucket', 'Name', 'is one of', "'Results'!Resource Name", 'Low'],
    ]);
    await createFakeExcel(book).run((ctx) => validateWorkbook(ctx, FIRST));
    const { whole, tracking } = await bothReads(book);
    expect(resultsOf(tracking.grids)).toEqual(resultsOf(whole.grids));
  });

  it('over the response limit, is read in chunks of its columns, and a re-run keeps First Seen', async () => {
    const book = rulebook(3000);
    const excel = createFakeExcel(book, 120_000);
    await excel.run((ctx) => validateWorkbook(ctx, FIRST));
    const before = book.requests.length;
    await excel.run((ctx) => validateWorkbook(ctx, LATER));
    const reads = book.requests.slice(before);
    expect(reads.some((r) => r.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    const rows = sheetCells(book, 'Results') ?? [];
    const firstSeen = rows[0].indexOf('First Seen');
    const failing = rows.slice(1).filter((r) => r[rows[0].indexOf('Status')] === 'FAIL');
    expect(failing.length).toBe(1000);
    for (const row of failing) expect(row[firstSeen]).toEqual(new Date('2026-11-20T00:00:00Z'));
  });

  it("a sheet over Excel's cells-per-read limit is read in chunks, not a failed run", async () => {
    const book = rulebook(60);
    const excel = createFakeExcel(book);
    await excel.run((ctx) => validateWorkbook(ctx, FIRST));
    const expected = sheetCells(book, 'Results');
    // The request that reads the sheets whole is refused as Excel refuses a used range of over 5 M cells.
    let refused = false;
    book.fault = (at) => {
      if (refused || at.kind !== 'command' || at.target !== 'worksheet(Resources).usedRangeOrNull(true)')
        return undefined;
      refused = true;
      return new FakeRichApiError('RangeExceedsLimit', 'The range is too large to read.');
    };
    const run = await excel.run((ctx) => validateWorkbook(ctx, FIRST));
    expect(book.requests.some((r) => r.failed === 'injected')).toBe(true);
    expect(run.output.summary.checks).toBe(60);
    expect(sheetCells(book, 'Results')).toEqual(expected);
  });
});
