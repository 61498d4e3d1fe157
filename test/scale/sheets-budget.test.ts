// Over Google Sheets' 10 million cells, Validate refuses before its first write: every sheet stays as it was.
import { runValidation } from '../../apps-script/run';
import type { Cell } from '../../core';
import { createFakeAppsScript } from '../../testkit/sheets';
import { failingRulebook, SCALE_NOW } from './rulebook';

jest.setTimeout(600_000);

/** Calls that change a spreadsheet, by the fake's call names. */
const WRITES = /^(set|clear|insert|delete|remove|protect|hide|show|add|append|autoResize|merge|new)/;

test('a spreadsheet whose results would pass 10 M cells is refused, nothing written, and told what to do', () => {
  const fake = createFakeAppsScript({ timeZone: 'Europe/Berlin' });
  // The user's own archive, 100 wide and 93,000 rows: 9.3 M cells, which fit; 80,000 Results rows do not.
  const archive: Cell[][] = [Array.from({ length: 100 }, (_, i) => `Column ${i + 1}`)];
  for (let i = 1; i < 93_000; i++) archive.push([i]);
  const grids = [...failingRulebook(4, 20_000), { name: 'Archive', rows: archive }];
  for (const grid of grids) fake.addSheet(grid.name, grid.rows);
  Object.assign(globalThis, fake.globals);
  const before = grids.map((g) => g.name).map((name) => [name, fake.readSheet(name)]);
  const names = fake.spreadsheet._sheets.map((s) => s.name);
  fake.log.reset();

  const outcome = runValidation({ now: SCALE_NOW });

  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.reason).toBe('cells');
  expect(outcome.message).toMatch(/Nothing was changed/);
  expect(outcome.message).toMatch(/10,000,000/);
  expect(outcome.message).toMatch(/passing rows|split|command line/);
  const writes = [...fake.log.counts.keys()].filter((name) => WRITES.test(name.split('.').pop() ?? ''));
  expect(writes).toEqual([]);
  expect(fake.spreadsheet._sheets.map((s) => s.name)).toEqual(names);
  expect(grids.map((g) => g.name).map((name) => [name, fake.readSheet(name)])).toEqual(before);
});
