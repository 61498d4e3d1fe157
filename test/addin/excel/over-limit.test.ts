// Output over Excel's limits is refused before anything is written: the workbook is left exactly as it was.
import { validateWorkbook } from '../../../addin/excel/validate';
import { createFakeExcel, FakeWorkbook } from '../../../testkit/excel';
import { sheetCells } from '../../../testkit/excel/read-back';

const NOW = new Date('2026-11-28T12:00:00Z');

function rulebook(name: string): FakeWorkbook {
  const book = new FakeWorkbook();
  book.seed('Rules', [
    ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
    ['R-1', 'Names are short', 'bucket', 'Name', 'equals', 'ok'],
  ]);
  book.seed('Resources', [
    ['Resource ID', 'Type', 'Name'],
    ['b1', 'bucket', name],
  ]);
  return book;
}

const everything = (book: FakeWorkbook) =>
  book.sheets.map((s) => ({ name: s.name, cells: sheetCells(book, s.name) }));

test('a Results cell over 32,767 characters: refused, saying which values, nothing written', async () => {
  const book = rulebook('x'.repeat(40_000));
  const before = everything(book);
  const excel = createFakeExcel(book);
  await expect(excel.run((context) => validateWorkbook(context, NOW))).rejects.toThrow(
    /stopped before writing: the results do not fit Excel's limits\. Nothing was changed\. Results: 2 values in Results are longer than Excel allows/,
  );
  expect(everything(book)).toEqual(before);
});

test('the same rulebook within the limits is written', async () => {
  const book = rulebook('x'.repeat(100));
  const excel = createFakeExcel(book);
  await excel.run((context) => validateWorkbook(context, NOW));
  expect(sheetCells(book, 'Results')?.length).toBe(2);
});
