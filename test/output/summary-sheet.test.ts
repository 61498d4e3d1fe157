// The Summary sheet: the blocks a reader expects, user text kept as text, and a chart over the trend block.
import { summarySheet } from '../../core/output/summary-sheet';
import type { HistoryRow, RunSummary } from '../../core/output/types';
import type { WriteCell } from '../../core/output/patch';
import { HISTORY_HEADER } from '../../core/output/history';
import type { Cell } from '../../core/types';
import { day, resource, result, rule } from './helpers';

const NOW = day('2026-03-01');
const counts = { checks: 4, passing: 2, failing: 2, waived: 0, errors: 0, notApplicable: 0, passRate: 0.5 };
const evil = '=HYPERLINK("http://evil","x")';
const overdueRule = rule({ id: 'S3-001', severity: 'Critical' });
const overdue = {
  ...result(overdueRule, resource({ id: evil }), 'FAIL'),
  firstSeen: day('2026-01-01'),
  due: day('2026-01-08'),
  overdue: true,
};

const summary: RunSummary = {
  runAt: NOW,
  rules: 3,
  rulesCheckingNothing: 1,
  resources: 2,
  ...counts,
  bySeverity: [{ name: 'Critical', ...counts }],
  byBusinessUnit: [{ name: '@SUM(1)', ...counts }],
  byFixOwner: [
    { name: 'dana', ...counts, passing: 0, checks: 2, passRate: 0, overdue: 1 },
    { name: '=evil', ...counts, passing: 0, failing: 0, errors: 1, checks: 1, passRate: 0, overdue: 0 },
  ],
  byFramework: [],
  topFailingRules: [{ ruleId: 'S3-001', title: evil, severity: 'Critical', failing: 2 }],
  overdue: [overdue],
  newFailures: 1,
  fixed: 0,
};
const history: HistoryRow[] = [
  {
    runAt: NOW,
    businessUnit: 'All',
    rules: 3,
    resources: 2,
    checks: 4,
    passing: 2,
    failing: 2,
    waived: 0,
    errors: 0,
    passRate: 0.5,
    newFailures: 1,
    fixed: 0,
  },
];
const earlier: Cell[][] = [[...HISTORY_HEADER], [day('2026-02-01'), 'All', 3, 2, 4, 1, 3, 0, 0, 0.25, 3, 0]];

const patch = summarySheet(summary, earlier, history);
const rowAfter = (label: string, offset = 1): WriteCell[] =>
  patch.rows[patch.rows.findIndex((r) => r[0] === label) + offset];

test('title, run time and totals', () => {
  expect(patch.sheet).toBe('Summary');
  expect(patch.rows[0]).toEqual(['Rulesheet summary']);
  expect(patch.rows[1]).toEqual(['Run At', NOW]);
  expect(rowAfter('Totals', 1)).toEqual(['Rules', 3]);
  expect(rowAfter('Totals', 2)).toEqual(['Rules Checking Nothing', 1]);
  expect(patch.rows.find((r) => r[0] === 'Pass Rate')).toEqual(['Pass Rate', 0.5]);
  expect(patch.rows.find((r) => r[0] === 'Overdue')).toEqual(['Overdue', 1]);
});

test.each([
  [
    'By severity',
    ['Severity', 'Checks', 'Passing', 'Failing', 'Waived', 'Errors', 'Pass Rate'],
    ['Critical', 4, 2, 2, 0, 0, 0.5],
  ],
  [
    'By business unit',
    ['Business Unit', 'Checks', 'Passing', 'Failing', 'Waived', 'Errors', 'Pass Rate'],
    [{ text: '@SUM(1)' }, 4, 2, 2, 0, 0, 0.5],
  ],
  ['By fix owner', ['Fix Owner', 'Failing', 'Errors', 'Waived', 'Overdue'], ['dana', 2, 0, 0, 1]],
  ['By framework', ['Framework', 'Checks', 'Passing', 'Failing', 'Waived', 'Errors', 'Pass Rate'], ['None']],
  [
    'Top failing rules',
    ['Rule ID', 'Severity', 'Failing', 'Title'],
    ['S3-001', 'Critical', 2, { text: evil }],
  ],
  [
    'Overdue items',
    ['Rule ID', 'Severity', 'Due', 'First Seen', 'Fix Owner', 'Resource Type', 'Resource ID'],
    [
      'S3-001',
      'Critical',
      day('2026-01-08'),
      day('2026-01-01'),
      'Unassigned',
      'aws_s3_bucket',
      { text: evil },
    ],
  ],
])('block %s', (title, header, first) => {
  expect(rowAfter(title, 1)).toEqual(header);
  expect(rowAfter(title, 2)).toEqual(first);
});

test('the fix owner block has no pass rate: fix owners hold only what someone must act on', () => {
  const header = patch.rows.findIndex((r) => r[0] === 'By fix owner') + 1;
  expect(patch.rows.slice(header + 1, header + 3)).toEqual([
    ['dana', 2, 0, 0, 1],
    [{ text: '=evil' }, 0, 1, 0, 0],
  ]);
  expect(patch.format.numberFormats!.some((f) => f.fromRow > header && f.toRow <= header + 2)).toBe(false);
});

test('pass rates are formatted as percentages', () => {
  const severityRow = patch.rows.findIndex((r) => r[0] === 'Critical');
  expect(patch.format.numberFormats).toContainEqual({
    col: 6,
    fromRow: severityRow,
    toRow: severityRow,
    format: '0.0%',
  });
});

test('trend block of earlier and this run, with a chart over it', () => {
  const header = patch.rows.findIndex((r) => r[0] === 'Trend') + 1;
  expect(patch.rows.slice(header)).toEqual([
    ['Run At', 'Pass Rate', 'Failing'],
    [day('2026-02-01'), 0.25, 3],
    [NOW, 0.5, 2],
  ]);
  expect(patch.format.chart).toEqual({
    title: 'Pass rate',
    fromRow: header,
    toRow: header + 2,
    labelCol: 0,
    valueCols: [1],
    anchorRow: header,
    anchorCol: 8,
  });
});

test('no chart anchor covers a block', () => {
  const chartCol = patch.format.chart!.anchorCol;
  expect(patch.rows.every((r) => r.length <= chartCol)).toBe(true);
});
