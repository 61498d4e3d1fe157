// The task pane's Import on the Excel fake: imported text stays text however Excel would retype it, numbers stay
// numbers, and text already in the user's rows survives the rewrite.
import { excelActions } from '../../../addin/excel/actions';
import { createFakeExcel, FakeWorkbook } from '../../../testkit/excel';
import { sheetCells } from '../../../testkit/excel/read-back';

/** Text Excel retypes when it lands in a General cell, each as an attribute of one resource. */
const RETYPABLE: [string, string][] = [
  ['account', '012345678901'],
  ['version', '1.10'],
  ['share', '50%'],
  ['flag', 'TRUE'],
  ['day', '2026-03-01'],
  ['exponent', '1e5'],
  ['signed', '+7'],
  ['formula', '=1+1'],
  ['quoted', "'kept"],
];

const JSON_FILE = JSON.stringify([
  { id: 'r1', type: 'account', ...Object.fromEntries(RETYPABLE), replicas: 3, ratio: 0.5, enabled: true },
]);

function withExcel(book: FakeWorkbook) {
  (globalThis as unknown as { Excel: unknown }).Excel = createFakeExcel(book);
}

async function imported(kind: 'json' | 'csv', name: string, text: string) {
  const book = new FakeWorkbook();
  // A row the user typed earlier: "00042" entered as text (an apostrophe in a General cell).
  book.seed('Resources', [
    ['Resource ID', 'Type', 'account'],
    ['mine', 'account', '00042'],
  ]);
  withExcel(book);
  await excelActions().importResources!(kind, name, text);
  const rows = sheetCells(book, 'Resources')!;
  const header = rows[0] as string[];
  const row = (id: string) => rows.find((r) => r[0] === id)!;
  return { value: (id: string, col: string) => row(id)[header.indexOf(col)] };
}

describe("Excel task pane's import", () => {
  test.each(RETYPABLE)('JSON text %s %j is written as that text', async (col, text) => {
    const { value } = await imported('json', 'accounts.json', JSON_FILE);
    expect(value('r1', col)).toBe(text);
  });

  test.each(RETYPABLE)('CSV text %s %j is written as that text', async (col, text) => {
    const csv = `Resource ID,Type,${col}\nr1,account,"${text.replace(/"/g, '""')}"\n`;
    const { value } = await imported('csv', 'accounts.csv', csv);
    expect(value('r1', col)).toBe(text);
  });

  test('numbers and booleans the importer produced stay numbers and booleans', async () => {
    const { value } = await imported('json', 'accounts.json', JSON_FILE);
    expect([value('r1', 'replicas'), value('r1', 'ratio'), value('r1', 'enabled')]).toEqual([3, 0.5, true]);
  });

  test("the user's own text in rows the import passes through stays text", async () => {
    const { value } = await imported('json', 'accounts.json', JSON_FILE);
    expect(value('mine', 'account')).toBe('00042');
  });
});
