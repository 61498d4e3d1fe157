// The Sheets adapter reads the last Results for tracking only: its header, and the columns tracking uses below it.
import { readRulebook } from '../../core';
import type { Cell } from '../../core';
import { readGrids } from '../../apps-script/read';
import { runValidation } from '../../apps-script/run';
import { createFakeAppsScript, type FakeAppsScript } from '../../testkit/sheets';
import { FakeRange } from '../../testkit/sheets/range';
import { loadScenario } from '../helpers/conformance';
import { installFake } from './run-on-fake';

const TZ = 'Europe/Berlin';

/** Cells the adapter asks getValues for while `f` runs. */
function cellsRead(f: () => void): number {
  const getValues = FakeRange.prototype.getValues;
  let cells = 0;
  FakeRange.prototype.getValues = function (this: FakeRange) {
    const values = getValues.call(this);
    cells += values.length * (values[0]?.length ?? 0);
    return values;
  };
  try {
    f();
  } finally {
    FakeRange.prototype.getValues = getValues;
  }
  return cells;
}

function fakeWith(sheets: Record<string, Cell[][]>): FakeAppsScript {
  const fake = createFakeAppsScript({ timeZone: TZ });
  for (const [name, rows] of Object.entries(sheets)) fake.addSheet(name, rows);
  installFake(fake);
  return fake;
}

const RULES: Cell[][] = [
  ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Severity'],
  ['S3-001', 'Versioning', 'aws_s3_bucket', 'versioning', 'equals', 'Enabled', 'High'],
];

/** A Results sheet as people leave it: extra columns, a header spelled by its aliases, columns moved about. */
function results(rows: number): Cell[][] {
  const out: Cell[][] = [['Message', 'Since', 'Notes', 'Type', 'Result', 'Resource', 'Rule', 'Owner']];
  for (let i = 0; i < rows; i++)
    out.push([
      `message ${i}`,
      new Date(Date.UTC(2026, 0, 1 + (i % 20))),
      `note ${i}`,
      'aws_s3_bucket',
      i % 3 ? 'FAIL' : 'PASS',
      `b${i}`,
      'S3-001',
      'ops',
    ]);
  return out;
}

describe('readGrids with the last Results for tracking', () => {
  it('gives core the same previous results as reading every cell, from far fewer cells', () => {
    const fake = fakeWith({ Rules: RULES, Results: results(400) });
    let whole: ReturnType<typeof readGrids> = [];
    let tracked: ReturnType<typeof readGrids> = [];
    const all = cellsRead(() => (whole = readGrids(fake.spreadsheet as never, TZ)));
    const some = cellsRead(
      () => (tracked = readGrids(fake.spreadsheet as never, TZ, { resultsForTracking: true })),
    );
    expect(readRulebook(tracked).previousResults).toEqual(readRulebook(whole).previousResults);
    expect(readRulebook(whole).previousResults).toHaveLength(400);
    // Rules whole either way; of Results the header, then 5 of its 8 columns (two runs of adjacent ones).
    const rulesCells = RULES.length * RULES[0].length;
    expect(all).toBe(rulesCells + 401 * 8);
    expect(some).toBe(rulesCells + 8 + 400 * 5);
    const resultsGrid = tracked.find((g) => g.name === 'Results')!;
    expect(resultsGrid.rows[0]).toEqual(results(0)[0]);
    expect(resultsGrid.rows[5]).toEqual([
      null,
      new Date(Date.UTC(2026, 0, 5)),
      null,
      'aws_s3_bucket',
      'FAIL',
      'b4',
      'S3-001',
      null,
    ]);
  });

  it.each<[string, Cell[][]]>([
    [
      'a header without Rule ID: the header alone, and the same problem',
      [
        ['Resource', 'Status'],
        ['b1', 'FAIL'],
      ],
    ],
    ['a header row alone', [['Rule ID', 'Resource ID']]],
  ])('%s', (_what, sheet) => {
    const fake = fakeWith({ Rules: RULES, Results: sheet });
    const whole = readRulebook(readGrids(fake.spreadsheet as never, TZ));
    const tracked = readRulebook(readGrids(fake.spreadsheet as never, TZ, { resultsForTracking: true }));
    expect(tracked.previousResults).toEqual(whole.previousResults);
    expect(tracked.problems).toEqual(whole.problems);
  });

  it('reads a Results whole when a rule lists a column of it, so the rule sees that column', () => {
    const rules = [
      ...RULES,
      ['LIST-001', 'Messages', 'aws_s3_bucket', 'name', 'is one of', "'Results'!Message", 'Low'],
    ];
    const fake = fakeWith({ Rules: rules, Results: results(50) });
    const tracked = readGrids(fake.spreadsheet as never, TZ, { resultsForTracking: true });
    const whole = readGrids(fake.spreadsheet as never, TZ);
    expect(tracked).toEqual(whole);
    expect(tracked.find((g) => g.name === 'Results')!.rows[1][0]).toBe('message 0');
  });

  it('carries First Seen over on a re-run, reading only the tracking columns of the last Results', () => {
    const fake = fakeWith(
      Object.fromEntries(loadScenario('two-runs-first').grids.map((g) => [g.name, g.rows])),
    );
    const first = runValidation({ now: new Date('2026-03-01T09:00:00Z') });
    expect(first.ok).toBe(true);
    const results = fake.spreadsheet.getSheetByName('Results')!;
    const width = results.getLastColumn();
    const height = results.getLastRow();
    let second: ReturnType<typeof runValidation> | undefined;
    const read = cellsRead(() => (second = runValidation({ now: new Date('2026-03-02T09:00:00Z') })));
    expect(second?.ok).toBe(true);
    // The re-run read less than the whole of the last Results on top of the other sheets.
    expect(width).toBeGreaterThan(5);
    expect(read).toBeLessThan(
      cellsRead(() => readGrids(fake.spreadsheet as never, TZ)) - (height - 1) * (width - 5) + 1,
    );
    const open = second!.ok ? second!.run.results.toArray().filter((r) => r.status === 'FAIL') : [];
    expect(open.length).toBeGreaterThan(0);
    for (const r of open) expect(r.firstSeen?.toISOString().slice(0, 10)).not.toBe('2026-03-02');
  });
});
