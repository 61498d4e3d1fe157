// "My items" for a signed-in e-mail: mapped through the Owners sheet's Email to the Fix Owner name, in both hosts.
import * as path from 'path';
import { excelActions } from '../../addin/excel/actions';
import { readCsvFolder } from '../../cli/io/csv';
import { createFakeExcel, FakeWorkbook } from '../../testkit/excel';
import { createFakeAppsScript } from '../../testkit/sheets';
import { itemsFor } from '../../ui/MyItemsPanel';
import type { RunView } from '../../ui/host-actions';
import { loadCode } from '../apps-script/load-code';

jest.setTimeout(120_000);

const ACME = readCsvFolder(path.join(__dirname, '..', '..', 'examples', 'acme')).grids;

async function excelView(): Promise<RunView> {
  const book = new FakeWorkbook();
  for (const g of ACME) book.seed(g.name, g.rows);
  (globalThis as unknown as { Excel: unknown }).Excel = createFakeExcel(book);
  return excelActions().validate(() => undefined);
}

function sheetsView(): RunView {
  const fake = createFakeAppsScript({ timeZone: 'Europe/London' });
  for (const g of ACME) fake.addSheet(g.name, g.rows);
  return loadCode(fake).call('sidebarValidate') as RunView;
}

const platformTeam = (view: RunView) =>
  view.items.filter((i) => i.fixOwner === 'Platform Team' && i.status !== 'WAIVED');

describe.each([
  ['Excel', excelView],
  ['Google Sheets', async () => sheetsView()],
])('My items in %s', (_host, viewOf) => {
  let view: RunView;
  beforeAll(async () => {
    view = await viewOf();
  });

  test('the example has failures for Platform Team, and its Owners row gives platform@acme.example', () => {
    expect(platformTeam(view).length).toBeGreaterThan(0);
    expect(view.owners).toContainEqual({ name: 'Platform Team', email: 'platform@acme.example' });
  });

  test.each([
    ['platform@acme.example'],
    ['PLATFORM@acme.example '],
    ['Platform Team'],
    ['  platform   team'],
  ])('%j finds every one of Platform Team’s items', (identity) => {
    expect(itemsFor(view, identity)).toEqual(platformTeam(view));
  });

  test.each([['someone@acme.example'], [''], ['acme.example']])('%j finds none', (identity) => {
    expect(itemsFor(view, identity)).toEqual([]);
  });
});

test('a Fix Owner written as an e-mail is found by the Owners name too', () => {
  const view = {
    owners: [{ name: 'Dana Lee', email: 'dana@acme.example' }],
    items: [
      { status: 'FAIL', fixOwner: 'dana@acme.example' },
      { status: 'FAIL', fixOwner: 'Dana Lee' },
      { status: 'WAIVED', fixOwner: 'Dana Lee' },
      { status: 'FAIL', fixOwner: 'Sam Park' },
    ],
  } as unknown as RunView;
  expect(itemsFor(view, 'dana lee').map((i) => i.fixOwner)).toEqual(['dana@acme.example', 'Dana Lee']);
});
