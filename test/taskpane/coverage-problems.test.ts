// Rules that check nothing reach both panels' Problems list with their cell and a "did you mean", in Excel and in Sheets.
import * as path from 'path';
import { excelActions } from '../../addin/excel/actions';
import { readCsvFolder } from '../../cli/io/csv';
import { createFakeExcel, FakeWorkbook } from '../../testkit/excel';
import { createFakeAppsScript } from '../../testkit/sheets';
import type { RunView } from '../../ui/host-actions';
import { loadCode } from '../apps-script/load-code';

jest.setTimeout(120_000);

const SCENARIO = readCsvFolder(path.join(__dirname, '..', 'conformance', 'coverage-problems', 'input')).grids;

async function excelView(): Promise<RunView> {
  const book = new FakeWorkbook();
  for (const g of SCENARIO) book.seed(g.name, g.rows);
  (globalThis as unknown as { Excel: unknown }).Excel = createFakeExcel(book);
  return excelActions().validate(() => undefined);
}

function sheetsView(): RunView {
  const fake = createFakeAppsScript({ timeZone: 'Europe/London' });
  for (const g of SCENARIO) fake.addSheet(g.name, g.rows);
  return loadCode(fake).call('sidebarValidate') as RunView;
}

describe.each([
  ['the Excel task pane', excelView],
  ['the Sheets sidebar', async () => sheetsView()],
])('%s', (_host, viewOf) => {
  let view: RunView;
  beforeAll(async () => {
    view = await viewOf();
  });

  test.each([
    ['Rules', 'C5', /No resource has type 'aws_s3_buckt'/, "Did you mean 'aws_s3_bucket'?"],
    ['Rules', 'G2', /no column 'Enviroment'|a column 'Enviroment'/, "Did you mean 'Environment'?"],
    ['Rules', 'D3', /a column 'loging.enabled'/, "Did you mean 'logging.enabled'?"],
    ['Rules', 'D4', /cannot start with \[\*\]/, ''],
    ['Rules', 'G6', /Applies When left out all 2/, ''],
    ['Exceptions', 'B3', /matches no resource rule 'C-6' checks/, "Did you mean 'b-1'?"],
  ])('lists %s!%s, which the person can click to reach the cell', (sheet, cell, message, suggestion) => {
    const found = view.problems.find((p) => p.sheet === sheet && p.cell === cell);
    expect(found?.message).toMatch(message);
    if (suggestion) expect(found?.suggestion).toBe(suggestion);
  });
});
