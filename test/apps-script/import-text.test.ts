// Imported resources written through the Sheets applier on the fake: text Sheets would retype stays text,
// numbers stay numbers, and the user's own text survives the rewrite (Sheets has no Import menu yet; this is
// the applier such an import would use).
import { planTextImport } from '../../importers/from-text';
import { runWrite } from '../../apps-script/write';
import { createFakeAppsScript } from '../../testkit/sheets';
import { installFake } from './run-on-fake';

const RETYPABLE: [string, string][] = [
  ['account', '012345678901'],
  ['version', '1.10'],
  ['share', '50%'],
  ['flag', 'TRUE'],
  ['day', '2026-03-01'],
  ['signed', '+7'],
  ['formula', '=1+1'],
  ['quoted', "'kept"],
];

function imported(name: string, text: string) {
  const fake = createFakeAppsScript({ timeZone: 'UTC' });
  fake.addSheet('Resources', [
    ['Resource ID', 'Type', 'account'],
    ['mine', 'account', '00042'],
  ]);
  installFake(fake);
  runWrite(fake.spreadsheet as never, (grids) => planTextImport('auto', name, text, grids));
  const rows = fake.readSheet('Resources')!;
  const header = rows[0] as string[];
  return (id: string, col: string) => rows.find((r) => r[0] === id)![header.indexOf(col)];
}

describe('imported resources on Sheets', () => {
  const json = JSON.stringify([{ id: 'r1', type: 'account', ...Object.fromEntries(RETYPABLE), replicas: 3 }]);

  test.each(RETYPABLE)('text %s %j is written as that text', (col, text) => {
    expect(imported('accounts.json', json)('r1', col)).toBe(text);
  });

  test("numbers stay numbers, and the user's text stays text", () => {
    const value = imported('accounts.json', json);
    expect(value('r1', 'replicas')).toBe(3);
    expect(value('mine', 'account')).toBe('00042');
  });
});
