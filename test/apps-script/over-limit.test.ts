// Output core had to fit to Google Sheets' limits is refused before any write, as in Excel: nothing is written cut.
import { runValidation } from '../../apps-script/run';
import { createFakeAppsScript } from '../../testkit/sheets';

const NOW = new Date('2026-11-28T12:00:00Z');

function run(name: string) {
  const fake = createFakeAppsScript({ timeZone: 'Europe/London' });
  fake.addSheet('Rules', [
    ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
    ['R-1', 'Names are short', 'bucket', 'Name', 'equals', 'ok'],
  ]);
  fake.addSheet('Resources', [
    ['Resource ID', 'Type', 'Name'],
    ['b1', 'bucket', name],
  ]);
  Object.assign(globalThis, fake.globals);
  const before = fake.spreadsheet._sheets.map((s) => [s.name, fake.readSheet(s.name)]);
  const outcome = runValidation({ now: NOW });
  const after = fake.spreadsheet._sheets.map((s) => [s.name, fake.readSheet(s.name)]);
  return { outcome, before, after };
}

test('a Results cell over 50,000 characters: refused, saying which values, nothing written', () => {
  const { outcome, before, after } = run('x'.repeat(60_000));
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.reason).toBe('cells');
  expect(outcome.message).toMatch(
    /stopped before writing: the results do not fit Google Sheets' limits\. Nothing was changed\. Results/,
  );
  expect(after).toEqual(before);
});

test('the same rulebook within the limits is written', () => {
  const { outcome, after } = run('x'.repeat(100));
  expect(outcome.ok).toBe(true);
  expect(after.map(([name]) => name)).toContain('Results');
});
