// The Sheets adapter lays the engine's sheets out for reading: wrapped text, one header filter, Summary headings.
import { runValidation } from '../../apps-script/run';
import { createFakeAppsScript, type FakeAppsScript } from '../../testkit/sheets';
import { loadScenario } from '../helpers/conformance';
import { installFake } from './run-on-fake';

const NOW = new Date('2026-11-28T12:00:00Z');

function validated(runs = 1): FakeAppsScript {
  const fake = createFakeAppsScript({ timeZone: 'Europe/London' });
  for (const grid of loadScenario('waivers').grids) fake.addSheet(grid.name, grid.rows);
  installFake(fake);
  for (let i = 0; i < runs; i++) {
    const outcome = runValidation({ now: NOW });
    if (!outcome.ok) throw new Error(outcome.message);
  }
  return fake;
}

const sheet = (fake: FakeAppsScript, name: string) => {
  const s = fake.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

test.each([
  ['Results', 18],
  ['Run History', 12],
])('%s has one filter over its header and rows, again after a second run', (name, cols) => {
  for (const runs of [1, 2]) {
    const s = sheet(validated(runs), name);
    const range = s.getFilter()?.getRange();
    expect(range).toBeDefined();
    expect([range!.getRow(), range!.getColumn(), range!.getNumColumns()]).toEqual([1, 1, cols]);
    expect(range!.getNumRows()).toBe(s.getLastRow());
  }
});

test('Results wraps its long text, top-aligned, and not its short columns', () => {
  const s = sheet(validated(), 'Results');
  const header = s.getRange(1, 1, 1, 18).getValues()[0];
  const wrapped = s._formats
    .filter((f) => f.op === 'wrap' && f.value === true)
    .map((f) => header[f.range.col - 1]);
  expect(wrapped).toEqual(expect.arrayContaining(['Title', 'Field', 'Message', 'Remediation']));
  expect(wrapped).not.toContain('Status');
  expect(s._formats.some((f) => f.op === 'verticalAlignment' && f.value === 'top')).toBe(true);
});

test('Summary freezes its title and Run At, aligns the headings over numbers right, and has no filter', () => {
  const s = sheet(validated(), 'Summary');
  expect(s.getFrozenRows()).toBe(2);
  const right = s._formats.filter((f) => f.op === 'horizontalAlignment' && f.value === 'right');
  expect(right.length).toBeGreaterThan(3);
  expect(right.every((f) => f.range.col > 1 || f.range.numCols <= 3)).toBe(true);
  expect(s.getFilter()).toBeNull();
});

test("the user's Rules sheet gets no filter and its own columns keep their widths", () => {
  const s = sheet(validated(), 'Rules');
  expect(s.getFilter()).toBeNull();
  expect(s.getColumnWidth(1)).toBe(100);
  expect(s.getColumnWidth(2)).toBe(100);
});
