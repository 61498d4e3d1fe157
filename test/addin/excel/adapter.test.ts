// The Excel adapter on the fake workbook: few syncs, dates in and out, chunks under 5 MB, and user cells left alone.
import { applyPatches } from '../../../addin/excel/apply-patches';
import { readWorkbook } from '../../../addin/excel/read-grids';
import { TREND_CHART_NAME } from '../../../addin/excel/sheet-format';
import { validateWorkbook } from '../../../addin/excel/validate';
import type { Cell, Patch } from '../../../core';
import { createFakeExcel, FakeWorkbook, PAYLOAD_LIMIT_BYTES } from '../../../testkit/excel';
import { formulaCells, sheetCells } from '../../../testkit/excel/read-back';

const NOW = new Date('2026-11-28T12:00:00Z');

function rulebook(resources = 3): FakeWorkbook {
  const book = new FakeWorkbook();
  book.seed('Rules', [
    ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Severity', 'My notes'],
    [
      'S3-001',
      'Buckets keep versioning on',
      'aws_s3_bucket',
      'versioning.status',
      'equals',
      'Enabled',
      'High',
      'ask Ann',
    ],
    [
      'S3-002',
      'Buckets are allowed',
      'aws_s3_bucket',
      'Name',
      'is one of',
      "'Approved Buckets'!Name",
      'Low',
      null,
    ],
    ['S3-003', 'Created recently', 'aws_s3_bucket', 'created', 'newer than', 400, 'Low', null],
  ]);
  const rows: Cell[][] = [['Resource ID', 'Type', 'Name', 'versioning.status', 'created']];
  for (let i = 0; i < resources; i++)
    rows.push([
      `b-${i}`,
      'aws_s3_bucket',
      i % 2 ? '=cmd|calc' : `bucket ${i}`,
      i % 3 ? 'Enabled' : 'Suspended',
      new Date(Date.UTC(2026, 0, 1 + i)),
    ]);
  book.seed('Resources', rows);
  book.seed('Approved Buckets', [['Name'], ['bucket 0'], ['bucket 2']]);
  book.seed('Big unrelated data', [['x'], [1], [2]]);
  return book;
}

describe('reading', () => {
  it('reads the needed sheets in three syncs: names, core sheets, then the sheets rules refer to', async () => {
    const book = rulebook();
    const read = await createFakeExcel(book).run((ctx) => readWorkbook(ctx));
    expect(book.syncs).toBe(3);
    expect(read.loaded).toEqual(['Rules', 'Resources', 'Approved Buckets']);
    expect(read.grids.find((g) => g.name === 'Big unrelated data')?.rows).toEqual([]);
  });

  it('needs two syncs when no rule refers to another sheet', async () => {
    const book = new FakeWorkbook();
    book.seed('Rules', [
      ['Rule ID', 'Expected'],
      ['R-1', 'a != b'],
    ]);
    await createFakeExcel(book).run((ctx) => readWorkbook(ctx));
    expect(book.syncs).toBe(2);
  });

  it('turns date cells into Dates and keeps numbers, booleans and text; a blank is null', async () => {
    const book = new FakeWorkbook();
    const s = book.seed('Resources', [['Resource ID', 'When', 'N', 'B', 'Blank', 'Text date']]);
    s.setFormat(1, 1, 'm/d/yyyy');
    s.setValue(1, 1, 46357);
    s.setValue(1, 0, 'r-1');
    s.setValue(1, 2, 46357);
    s.setValue(1, 3, true);
    s.setValue(1, 5, "'2026-12-01");
    const read = await createFakeExcel(book).run((ctx) => readWorkbook(ctx));
    expect(read.grids[0].rows[1]).toEqual([
      'r-1',
      new Date('2026-12-01T00:00:00Z'),
      46357,
      true,
      null,
      '2026-12-01',
    ]);
  });

  it('places a sheet whose data starts below A1 at its own rows and columns', async () => {
    const book = new FakeWorkbook();
    const s = book.addSheet('Owners');
    s.setValue(2, 1, 'Owner');
    const read = await createFakeExcel(book).run((ctx) => readWorkbook(ctx));
    expect(read.grids[0].rows).toEqual([[], [], [null, 'Owner']]);
  });

  it('falls back to reading in chunks when one response would pass 5 MB', async () => {
    const book = new FakeWorkbook();
    const rows: Cell[][] = [['Resource ID', 'Type', 'Note']];
    for (let i = 0; i < 30_000; i++) rows.push([`resource-${i}`, 'aws_s3_bucket', 'x'.repeat(150)]);
    book.seed('Resources', rows);
    const read = await createFakeExcel(book).run((ctx) => readWorkbook(ctx));
    expect(read.grids[0].rows).toHaveLength(30_001);
    expect(read.grids[0].rows[30_000][0]).toBe('resource-29999');
    expect(book.requests.some((r) => r.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(Math.max(...book.requests.filter((r) => !r.failed).map((r) => r.responseBytes))).toBeLessThan(
      PAYLOAD_LIMIT_BYTES,
    );
  });
});

describe('writing', () => {
  it('validates in a handful of syncs, with calculation suspended for every write', async () => {
    const book = rulebook();
    const run = await createFakeExcel(book).run((ctx) => validateWorkbook(ctx, NOW));
    expect(run.output.summary.checks).toBe(9);
    // Four for the run guard (read, write, read back, release), three to read, two to write.
    expect(book.syncs).toBeLessThanOrEqual(9);
    expect(book.suspendCalculationCalls).toBe(run.writes.syncs);
  });

  it('never touches user cells: the Rules sheet keeps every user column, other sheets stay as they were', async () => {
    const book = rulebook();
    const before = ['Rules', 'Resources', 'Approved Buckets', 'Big unrelated data'].map((n) =>
      sheetCells(book, n),
    );
    await createFakeExcel(book).run((ctx) => validateWorkbook(ctx, NOW));
    const [rules, ...others] = before;
    const after = sheetCells(book, 'Rules') ?? [];
    rules?.forEach((row, r) => expect(after[r].slice(0, row.length)).toEqual(row));
    expect(after[0].slice(8)).toEqual([
      'Reads As',
      'Status',
      'Passing',
      'Failing',
      'Waived',
      'Problems',
      'Last Run',
    ]);
    expect(['Resources', 'Approved Buckets', 'Big unrelated data'].map((n) => sheetCells(book, n))).toEqual(
      others,
    );
    expect(formulaCells(book)).toEqual([]);
  });

  it('writes formula-like text as text, dates as date cells, and formats the sheets', async () => {
    const book = rulebook();
    await createFakeExcel(book).run((ctx) => validateWorkbook(ctx, NOW));
    const results = book.sheet('Results')!;
    const header = sheetCells(book, 'Results')![0];
    const name = header.indexOf('Resource Name');
    const firstSeen = header.indexOf('First Seen');
    const row = [...results.cells.keys()].find((r) => results.cell(r, name)?.value === '=cmd|calc');
    expect(row).toBeDefined();
    expect(results.cell(row!, name)).toEqual({ value: '=cmd|calc', format: '@' });
    expect(sheetCells(book, 'Results')![row!][firstSeen]).toBeInstanceOf(Date);
    expect(results.frozenRows).toBe(1);
    expect(results.conditionalFormats.map((f) => f.rule?.text)).toEqual(['PASS', 'FAIL', 'WAIVED', 'ERROR']);
    expect(results.columnWidths.get(0)).toBeGreaterThan(0);
    expect(book.sheet('Rulesheet Lists')!.visibility).toBe('Hidden');
    const rules = book.sheet('Rules')!;
    expect(rules.validations.map((v) => v.rule.list?.source)).toEqual([
      "='Rulesheet Lists'!$A$2:$A$" +
        (1 + (sheetCells(book, 'Rulesheet Lists') ?? []).slice(1).filter((r) => r[0] !== null).length),
      expect.stringMatching(/^='Rulesheet Lists'!\$B\$2:\$B\$6$/),
    ]);
    expect(book.sheet('Summary')!.charts).toEqual([
      expect.objectContaining({ name: TREND_CHART_NAME, type: 'Line', title: 'Pass rate' }),
    ]);
  });

  it('a second run reads its own output back: one trend chart, First Seen kept, two history rows', async () => {
    const book = rulebook();
    const excel = createFakeExcel(book);
    await excel.run((ctx) => validateWorkbook(ctx, NOW));
    const firstResults = sheetCells(book, 'Results');
    const later = new Date('2026-11-29T12:00:00Z');
    const second = await excel.run((ctx) => validateWorkbook(ctx, later));
    expect(second.output.summary.newFailures).toBe(0);
    expect(book.sheet('Summary')!.charts).toHaveLength(1);
    const history = sheetCells(book, 'Run History') ?? [];
    expect(history.filter((r) => r[1] === 'All').map((r) => r[0])).toEqual([NOW, later]);
    const firstSeen = firstResults![0].indexOf('First Seen');
    expect(sheetCells(book, 'Results')!.map((r) => r[firstSeen])).toEqual(
      firstResults!.map((r) => r[firstSeen]),
    );
    expect(book.sheet('Rules')!.validations).toHaveLength(2);
  });

  it('halves the chunk when Excel refuses a request over 5 MB and still writes every cell', async () => {
    const rows: Patch = {
      kind: 'sheet',
      sheet: 'Results',
      generated: true,
      format: {},
      rows: Array.from({ length: 4000 }, (_, i) => [`row ${i}`, 'é'.repeat(1000), i]),
    };
    const book = new FakeWorkbook();
    const stats = await createFakeExcel(book).run((ctx) =>
      applyPatches(ctx, [rows], { sheetNames: [], budgetBytes: 12_000_000 }),
    );
    expect(stats.halvings).toBeGreaterThanOrEqual(1);
    expect(book.requests.filter((r) => r.failed === 'RequestPayloadSizeLimitExceeded').length).toBe(
      stats.halvings,
    );
    expect(
      Math.max(...book.requests.filter((r) => !r.failed).map((r) => r.requestBytes)),
    ).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    const cells = sheetCells(book, 'Results') ?? [];
    expect(cells).toHaveLength(4000);
    expect(cells[3999]).toEqual(['row 3999', 'é'.repeat(1000), 3999]);
  });

  it('keeps every request well under 5 MB with the default budget', async () => {
    const rows: Patch = {
      kind: 'sheet',
      sheet: 'Results',
      generated: true,
      format: {},
      rows: Array.from({ length: 6000 }, (_, i) => [`row ${i}`, 'x'.repeat(1000)]),
    };
    const book = new FakeWorkbook();
    const stats = await createFakeExcel(book).run((ctx) => applyPatches(ctx, [rows], { sheetNames: [] }));
    expect(stats.halvings).toBe(0);
    expect(stats.syncs).toBeGreaterThan(1);
    expect(book.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES / 2);
  });
});
