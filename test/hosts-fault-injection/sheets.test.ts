// Every write step of the Sheets adapter fails in turn; after each, no user cell, earlier Run History row or Results set is lost.
import { runValidation } from '../../apps-script/run';
import { overLimit, MAX_CELL_CHARS } from '../../apps-script/preflight';
import type { WritePlan } from '../../apps-script/plan';
import type { FakeAppsScript } from '../../testkit/sheets';
import {
  CHUNK_CELLS,
  DAY_TWO,
  RULES,
  snapshot,
  USER_SHEETS,
  validatedOnDayOne,
  type Snapshot,
} from './sheets-workbook';

/** Calls that change the spreadsheet: each is one write step a failure or the time limit can stop. */
const WRITE =
  /^(Range\.(set|clear)|Sheet\.(set|insert|delete|clear|hide|protect|remove)|Spreadsheet\.(insert|delete|set)|Protection\.set)/;

function countWrites(fake: FakeAppsScript): number {
  let n = 0;
  for (const [name, c] of fake.log.counts) if (WRITE.test(name)) n += c;
  return n;
}

/** Before the run, and after a run that nothing stopped. */
const before = (() => {
  const fake = validatedOnDayOne();
  return snapshot(fake);
})();
const after = (() => {
  const fake = validatedOnDayOne();
  const outcome = runValidation({ now: DAY_TWO, chunkCells: CHUNK_CELLS });
  if (!outcome.ok) throw new Error(outcome.message);
  return { sheets: snapshot(fake), steps: countWrites(fake), setValues: fake.log.count('Range.setValues') };
})();

const STEPS = Array.from({ length: after.steps }, (_, i) => i + 1);

function expectNothingLost(now: Snapshot): void {
  // Every user sheet as it was; on Rules, the user's own columns (the engine's generated ones follow them).
  for (const name of USER_SHEETS) {
    const rows = now.get(name) ?? [];
    const was = before.get(name) ?? [];
    if (name === 'Rules')
      expect(rows.map((r) => r.slice(0, RULES[0].length))).toEqual(
        was.map((r) => r.slice(0, RULES[0].length)),
      );
    else expect(rows).toEqual(was);
  }
  // Every earlier Run History row, and at most this run's rows after them.
  const history = now.get('Run History') ?? [];
  const earlier = before.get('Run History') ?? [];
  expect(history.slice(0, earlier.length)).toEqual(earlier);
  expect([earlier.length, (after.sheets.get('Run History') ?? []).length]).toContain(history.length);
  // Results and Summary: the complete old set or the complete new one, never a mix.
  for (const name of ['Results', 'Summary'])
    expect([before.get(name), after.sheets.get(name)]).toContainEqual(now.get(name));
  // No staging or retired sheet is left behind, and no sheet is added or lost.
  expect([...now.keys()].sort()).toEqual([...before.keys()].sort());
}

describe('the Sheets adapter when a write step fails', () => {
  it('the scenario writes Results in several chunks and changes them on day two', () => {
    expect(after.steps).toBeGreaterThan(20);
    expect(after.setValues).toBeGreaterThan(6);
    expect(after.sheets.get('Results')).not.toEqual(before.get('Results'));
    expect((after.sheets.get('Run History') ?? []).length).toBeGreaterThan(
      (before.get('Run History') ?? []).length,
    );
  });

  it.each(STEPS)('write step %i throws: nothing is lost, and the run says so', (step) => {
    const fake = validatedOnDayOne();
    let n = 0;
    fake.log.failure = (name) =>
      WRITE.test(name) && ++n === step ? new Error(`Service Spreadsheets failed (step ${step})`) : undefined;
    const outcome = runValidation({ now: DAY_TWO, chunkCells: CHUNK_CELLS });
    fake.log.failure = undefined;
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toBe('write');
    expect(!outcome.ok && outcome.message).toMatch(/nothing was half written/);
    expectNothingLost(snapshot(fake));
  });

  it.each(STEPS)('the time budget runs out before write step %i: nothing is lost', (step) => {
    const fake = validatedOnDayOne();
    // The clock jumps past the last moment a step may start once step - 1 write steps are done.
    const clock = () => (countWrites(fake) >= step - 1 ? 10 * 60_000 : 0);
    const outcome = runValidation({ now: DAY_TWO, clock, deadlineMs: Infinity, chunkCells: CHUNK_CELLS });
    expectNothingLost(snapshot(fake));
    if (!outcome.ok) expect(outcome.message).toMatch(/6-minute limit/);
  });

  it('a run that was killed between the renames of a swap is put back by the next run', () => {
    const fake = validatedOnDayOne();
    const results = fake.spreadsheet.getSheetByName('Results');
    results?.setName('Results (old)');
    fake.spreadsheet.insertSheet('Summary (writing)').getRange(1, 1).setValue('half');
    const outcome = runValidation({ now: DAY_TWO, chunkCells: CHUNK_CELLS });
    expect(outcome.ok).toBe(true);
    expect(snapshot(fake).get('Results')).toEqual(after.sheets.get('Results'));
    expect(fake.spreadsheet.getSheetByName('Results (old)')).toBeNull();
    expect(fake.spreadsheet.getSheetByName('Summary (writing)')).toBeNull();
  });
});

describe('over-limit output is refused before anything is written', () => {
  it('the 10,000,000-cell limit, counting the new Results beside the old', () => {
    const fake = validatedOnDayOne();
    const used = fake.spreadsheet._sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
    // A user sheet that leaves too little room to write the new Results beside the old ones.
    fake.spreadsheet._insertSheet('Big', Math.floor((10_000_000 - used - 1000 * 26) / 26), 26);
    const was = snapshot(fake);
    const outcome = runValidation({ now: DAY_TWO, chunkCells: CHUNK_CELLS });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toBe('limit');
    expect(!outcome.ok && outcome.message).toMatch(/over Google's limit of 10,000,000\. Nothing was changed/);
    expect(snapshot(fake)).toEqual(was);
    expect(countWrites(fake)).toBe(0);
  });

  it.each([
    [
      MAX_CELL_CHARS + 1,
      "Rulesheet stopped before writing: Resources!C5 would hold 50,001 characters, over Google's limit of 50,000 a cell. Nothing was changed. Shorten that text.",
    ],
    [MAX_CELL_CHARS, undefined],
  ])('text of %i characters in a cell → %s', (length, message) => {
    const fake = validatedOnDayOne();
    // Written text carries the apostrophe that keeps it text; Sheets does not store it.
    const plans: WritePlan[] = [
      {
        kind: 'cells',
        sheet: 'Resources',
        blocks: [{ row: 4, col: 2, values: [[`'${'x'.repeat(length)}`]] }],
        height: 5,
        width: 3,
        create: false,
      },
    ];
    expect(overLimit(fake.spreadsheet as never, plans)).toBe(message);
  });
});
