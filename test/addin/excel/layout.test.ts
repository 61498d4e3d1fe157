// The Excel adapter lays the engine's sheets out for reading: wrapped text, header filter, print setup, Summary headings.
import { validateWorkbook } from '../../../addin/excel/validate';
import { createFakeExcel, FakeWorkbook } from '../../../testkit/excel';
import { sheetCells } from '../../../testkit/excel/read-back';

const NOW = new Date('2026-11-28T12:00:00Z');

function rulebook(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.seed('Rules', [
    ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Severity'],
    [
      'S3-001',
      'Buckets keep versioning on',
      'aws_s3_bucket',
      'versioning.status',
      'equals',
      'Enabled',
      'High',
    ],
  ]);
  book.seed('Resources', [
    ['Resource ID', 'Type', 'Name', 'versioning.status'],
    ['b-1', 'aws_s3_bucket', 'one', 'Enabled'],
    ['b-2', 'aws_s3_bucket', 'two', 'Suspended'],
  ]);
  return book;
}

async function validated(runs = 1): Promise<FakeWorkbook> {
  const book = rulebook();
  for (let i = 0; i < runs; i++) await createFakeExcel(book).run((ctx) => validateWorkbook(ctx, NOW));
  return book;
}

const column = (book: FakeWorkbook, sheet: string, name: string) =>
  (sheetCells(book, sheet) as unknown[][])[0].indexOf(name);

test.each([
  ['Results', 18],
  ['Run History', 12],
])(
  '%s has a filter over its columns and prints landscape, one page wide, its header on every page',
  async (sheet, cols) => {
    const s = (await validated()).sheet(sheet)!;
    expect(s.autoFilter).toMatchObject({ r0: 0, c0: 0, c1: cols - 1 });
    expect(s.autoFilter!.r1).toBeGreaterThan(1000);
    expect(s.pageLayout).toEqual({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$1',
    });
  },
);

test('a second run leaves one filter, over the new rows', async () => {
  const s = (await validated(2)).sheet('Results')!;
  expect(s.autoFilter).toMatchObject({ r0: 0, c0: 0, c1: 17 });
});

test('Results wraps its long text, top-aligned, and not its short columns', async () => {
  const book = await validated();
  const wrapped = book
    .sheet('Results')!
    .rangeFormats.filter((f) => f.wrapText)
    .map((f) => f.box.c0);
  expect(wrapped).toContain(column(book, 'Results', 'Message'));
  expect(wrapped).toContain(column(book, 'Results', 'Field'));
  expect(wrapped).not.toContain(column(book, 'Results', 'Status'));
});

test('Summary freezes its title and Run At, and aligns the headings over numbers right', async () => {
  const book = await validated();
  const summary = book.sheet('Summary')!;
  expect(summary.frozenRows).toBe(2);
  const rows = sheetCells(book, 'Summary') as unknown[][];
  const heading = rows.findIndex((r) => r[0] === 'Severity');
  const right = summary.rangeFormats.filter((f) => f.horizontalAlignment === 'Right');
  expect(right).toContainEqual(expect.objectContaining({ box: { r0: heading, c0: 1, r1: heading, c1: 6 } }));
  expect(summary.pageLayout.orientation).toBe('Landscape');
  expect(summary.autoFilter).toBeUndefined();
});

test("the user's Rules sheet gets no filter, no page setup, and its own columns keep their widths", async () => {
  const rules = (await validated()).sheet('Rules')!;
  expect(rules.autoFilter).toBeUndefined();
  expect(rules.pageLayout).toEqual({});
  for (let c = 0; c < 7; c++) expect(rules.columnWidths.has(c)).toBe(false);
});
