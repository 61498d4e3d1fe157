// Run History is append-only: earlier rows are written back as they were, this run's rows follow.
import { HISTORY_HEADER } from '../../core/output/history';
import { historySheet, historyTrend } from '../../core/output/history-sheet';
import type { HistoryRow } from '../../core/output/types';
import type { Cell } from '../../core/types';
import { day } from './helpers';

function row(runAt: Date, businessUnit: string, passRate = 0.5, failing = 3): HistoryRow {
  return {
    runAt,
    businessUnit,
    rules: 2,
    resources: 4,
    checks: 6,
    passing: 3,
    failing,
    waived: 0,
    errors: 0,
    passRate,
    newFailures: 1,
    fixed: 0,
  };
}

const NOW = day('2026-03-01');
const thisRun = [row(NOW, 'All'), row(NOW, 'Finance')];

test('the columns are exactly the Run History columns', () => {
  expect(HISTORY_HEADER).toEqual([
    'Run At',
    'Business Unit',
    'Rules',
    'Resources',
    'Checks',
    'Passing',
    'Failing',
    'Waived',
    'Errors',
    'Pass Rate',
    'New Failures',
    'Fixed',
  ]);
});

test('first run: header, then All, then each business unit', () => {
  const patch = historySheet([], thisRun);
  expect(patch.sheet).toBe('Run History');
  expect(patch.rows).toEqual([
    [...HISTORY_HEADER],
    [NOW, 'All', 2, 4, 6, 3, 3, 0, 0, 0.5, 1, 0],
    [NOW, 'Finance', 2, 4, 6, 3, 3, 0, 0, 0.5, 1, 0],
  ]);
  expect(patch.format.frozenRows).toBe(1);
  expect(patch.format.numberFormats).toEqual([
    { col: 0, fromRow: 1, toRow: 2, format: 'yyyy-mm-dd hh:mm' },
    { col: 9, fromRow: 1, toRow: 2, format: '0.0%' },
  ]);
});

test('later runs keep every earlier row unchanged and append', () => {
  const earlier: Cell[][] = [
    [...HISTORY_HEADER, 'Notes'],
    [day('2026-02-01'), 'All', 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 'a note the user added'],
    [day('2026-02-01'), 'Old Unit', 1, 1, 1, 1, 0, 0, 0, 1, 0, 0],
    [null, null],
  ];
  const patch = historySheet(earlier, thisRun);
  expect(patch.rows.slice(0, 3)).toEqual(earlier.slice(0, 3));
  expect(patch.rows.slice(3).map((r) => r[1])).toEqual(['All', 'Finance']);
});

test('earlier text that would read as a formula stays text', () => {
  const patch = historySheet([[...HISTORY_HEADER], [day('2026-02-01'), '=1+1']], []);
  expect(patch.rows[1][1]).toEqual({ text: '=1+1' });
});

test('a business unit named like a formula is written as text', () => {
  const patch = historySheet([], [row(NOW, '@SUM(1)')]);
  expect(patch.rows[1][1]).toEqual({ text: '@SUM(1)' });
});

// A history read from CSV (the example's) holds every cell as text: written back as text, the earlier rows would
// show a raw ISO time and 0.7514677 among this run's typed, formatted rows.
test.each<[string, Cell, Cell]>([
  ['an ISO time in Run At', '2026-02-01T07:30:00.000Z', new Date('2026-02-01T07:30:00.000Z')],
  ['a date and time in Run At', '2026-02-01 07:30', new Date('2026-02-01T07:30:00.000Z')],
  ['a fraction in Pass Rate', '0.7514677103718199', 0.7514677103718199],
  ['a percentage in Pass Rate', '75.1%', 0.751],
  ['a count in Failing', '254', 254],
  ['a note in Failing', 'about 250', 'about 250'],
  ['a note in Run At', 'before the migration', 'before the migration'],
])('earlier rows are typed again by column: %s', (what, text, typed) => {
  const col = what.endsWith('Run At') ? 0 : what.endsWith('Pass Rate') ? 9 : 6;
  const earlier: Cell[] = [
    '2026-02-01T07:30:00.000Z',
    'All',
    '48',
    '257',
    '1026',
    '768',
    '254',
    '4',
    '0',
    '0.75',
    '0',
    '0',
  ];
  earlier[col] = text;
  const patch = historySheet([[...HISTORY_HEADER], earlier], thisRun);
  if (typeof typed === 'number') expect(patch.rows[1][col]).toBeCloseTo(typed, 12);
  else expect(patch.rows[1][col]).toEqual(typed);
  expect(patch.rows[1][1]).toBe('All');
});

test('the header row and a column the user added stay text', () => {
  const earlier: Cell[][] = [
    [...HISTORY_HEADER, 'Notes'],
    ['2026-02-01T07:30:00.000Z', 'All', '1', '1', '1', '1', '0', '0', '0', '1', '0', '0', '42'],
  ];
  const patch = historySheet(earlier, []);
  expect(patch.rows[0]).toEqual(earlier[0]);
  expect(patch.rows[1][12]).toBe('42');
  expect(patch.rows[1][2]).toBe(1);
});

describe('trend', () => {
  test('All rows of earlier runs, read by header name, then this run', () => {
    const earlier: Cell[][] = [
      ['Business Unit', 'Run At', 'Failing', 'Pass Rate'],
      ['All', day('2026-01-01'), 5, 0.25],
      ['Finance', day('2026-01-01'), 5, 0.1],
      ['all', '2026-02-01', '4', '50%'],
      ['All', 'not a date', 4, 0.5],
    ];
    expect(historyTrend(earlier, thisRun)).toEqual([
      { runAt: day('2026-01-01'), passRate: 0.25, failing: 5 },
      { runAt: day('2026-02-01'), passRate: 0.5, failing: 4 },
      { runAt: NOW, passRate: 0.5, failing: 3 },
    ]);
  });

  test('keeps the last 30 runs', () => {
    const earlier: Cell[][] = [[...HISTORY_HEADER]];
    for (let i = 0; i < 40; i++)
      earlier.push([new Date(Date.UTC(2025, 0, 1 + i)), 'All', 0, 0, 0, 0, i, 0, 0, i / 100, 0, 0]);
    const trend = historyTrend(earlier, thisRun);
    expect(trend).toHaveLength(30);
    expect(trend[0].failing).toBe(11);
    expect(trend[29].runAt).toEqual(NOW);
  });
});
