// 200,000 non-passing results through both spreadsheet adapters on their fakes: no stack overflow, every row written.
import { validateWorkbook } from '../../addin/excel/validate';
import { runValidation } from '../../apps-script/run';
import { createFakeExcel, FakeWorkbook } from '../../testkit/excel';
import { createFakeAppsScript } from '../../testkit/sheets';
import { failingRulebook, SCALE_NOW } from './rulebook';

const RESULTS = 200_000;

jest.setTimeout(600_000);

test('the Excel adapter writes 200,000 Results rows', async () => {
  const book = new FakeWorkbook();
  for (const grid of failingRulebook()) book.seed(grid.name, grid.rows);
  const run = await createFakeExcel(book).run((ctx) => validateWorkbook(ctx, SCALE_NOW));
  expect(run.output.results.length).toBe(RESULTS);
  // The header is row 0, so the last used row's index is the number of data rows.
  expect(book.sheet('Results')?.usedBox(true)?.r1).toBe(RESULTS);
  expect(book.requests.every((r) => r.failed || r.requestBytes <= 5 * 1024 * 1024)).toBe(true);
});

test('the Sheets adapter writes 200,000 Results rows', () => {
  const fake = createFakeAppsScript({ timeZone: 'Europe/Berlin' });
  for (const grid of failingRulebook()) fake.addSheet(grid.name, grid.rows);
  Object.assign(globalThis, fake.globals);
  const outcome = runValidation({ now: SCALE_NOW });
  if (!outcome.ok) throw new Error(outcome.message);
  expect(outcome.run.results.length).toBe(RESULTS);
  // Through the fake's own API: reading back every row would convert 400,000 dates, minutes of the fake's time.
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Results');
  expect(sheet?.getLastRow()).toBe(RESULTS + 1);
  const [header] = sheet?.getRange(1, 1, 1, sheet.getLastColumn()).getValues() ?? [[]];
  const [last] = sheet?.getRange(RESULTS + 1, 1, 1, header.length).getValues() ?? [[]];
  expect(last[header.indexOf('Rule ID')]).toBe('BIG-2');
  expect(last[header.indexOf('Status')]).toBe('FAIL');
});
