// 200,000 non-passing results through both spreadsheet adapters on their fakes: no stack overflow; Excel writes every
// row, Sheets plans every row but lists the 50,000 most severe (SHEETS_LIMITS.maxListedRows, its time budget).
import { validateWorkbook } from '../../addin/excel/validate';
import { planPatch } from '../../apps-script/plan';
import { runValidation } from '../../apps-script/run';
import { EXCEL_LIMITS, SHEETS_LIMITS, validate } from '../../core';
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

test('the Sheets adapter judges 200,000 results, lists the 50,000 most severe and says so', () => {
  const LISTED = SHEETS_LIMITS.maxListedRows as number;
  const fake = createFakeAppsScript({ timeZone: 'Europe/Berlin' });
  // The second rule is Critical, so its rows come first in Results and fill the whole list.
  const grids = failingRulebook();
  grids[0].rows[2][6] = 'Critical';
  for (const grid of grids) fake.addSheet(grid.name, grid.rows);
  Object.assign(globalThis, fake.globals);
  const outcome = runValidation({ now: SCALE_NOW });
  if (!outcome.ok) throw new Error(outcome.message);
  expect(outcome.run.results.length).toBe(RESULTS);
  expect(outcome.run.summary.failing).toBe(RESULTS);
  expect(outcome.run.problems.filter((p) => p.code === 'results_capped')).toEqual([
    expect.objectContaining({
      severity: 'warning',
      params: { listed: LISTED, total: RESULTS, host: 'Google Sheets' },
    }),
  ]);
  // Through the fake's own API: reading back every row would convert 100,000 dates, minutes of the fake's time.
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('Results');
  expect(sheet?.getLastRow()).toBe(LISTED + 1);
  const [header] = sheet?.getRange(1, 1, 1, sheet.getLastColumn()).getValues() ?? [[]];
  const [last] = sheet?.getRange(LISTED + 1, 1, 1, header.length).getValues() ?? [[]];
  expect(last[header.indexOf('Rule ID')]).toBe('BIG-2');
  expect(last[header.indexOf('Severity')]).toBe('Critical');
  const summary = ss.getSheetByName('Summary');
  const rows = summary?.getRange(1, 1, summary.getLastRow(), 2).getValues() ?? [];
  expect(rows.find((r) => r[0] === 'Results Shown')?.[1]).toMatch(/^50,000 of 200,000, most severe first/);
  expect(rows.find((r) => r[0] === 'Failing')?.[1]).toBe(RESULTS);
});

test("Sheets' write plan takes a Results sheet of 200,000 rows without a stack overflow", () => {
  const run = validate(failingRulebook(), { now: SCALE_NOW, limits: EXCEL_LIMITS });
  const results = run.patches.find((p) => p.kind === 'sheet' && p.sheet === 'Results');
  if (!results) throw new Error('no Results patch');
  const plan = planPatch(results, 'Europe/Berlin');
  expect(plan.kind === 'sheet' && plan.values.length).toBe(RESULTS + 1);
});
