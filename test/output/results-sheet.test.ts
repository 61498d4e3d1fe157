// The Results sheet: which results are written, their order, their columns, and text that must never become a formula.
import { CellFitter } from '../../core/output/limits';
import { RESULTS_HEADER, resultsSheet, waiverText } from '../../core/output/results-sheet';
import type { Waiver } from '../../core/rulebook/model';
import { day, resource, result, rule, SETTINGS } from './helpers';

const critical = rule({
  id: 'S3-001',
  severity: 'Critical',
  title: 'S3 buckets block public access',
  remediation: 'Turn on Block Public Access',
});
const high = rule({ id: 'IAM-002', severity: 'High' });
const highToo = rule({ id: 'EC2-009', severity: 'High' });
const broken = rule({ id: 'BAD-1', severity: 'Critical', broken: true });
const a = resource({ id: 'a-bucket', name: 'Logs', businessUnit: 'Finance', owner: 'dana' });
const b = resource({ id: 'b-bucket' });

test('the columns are exactly the Results columns', () => {
  expect(resultsSheet([], SETTINGS).rows).toEqual([
    [
      'Rule ID',
      'Title',
      'Severity',
      'Status',
      'Resource ID',
      'Resource Type',
      'Resource Name',
      'Business Unit',
      'Fix Owner',
      'Field',
      'Expected',
      'Actual',
      'Message',
      'Remediation',
      'First Seen',
      'Due',
      'Overdue',
      'Waiver',
    ],
  ]);
});

const mixed = () => [
  result(high, b, 'WAIVED'),
  result(high, a, 'PASS'),
  result(critical, b, 'PASS'),
  result(highToo, b, 'FAIL'),
  result(high, b, 'NOT_APPLICABLE'),
  result(critical, b, 'FAIL'),
  result(high, a, 'ERROR'),
  result(critical, a, 'FAIL'),
  result(broken, undefined, 'ERROR'),
  result(high, a, 'FAIL'),
];
const order = (includePassing: boolean) =>
  resultsSheet(mixed(), { ...SETTINGS, includePassing })
    .rows.slice(1)
    .map((r) => `${r[0]} ${r[3]} ${r[4] ?? '-'}`);

test('non-passing only, worst first: severity, then FAIL, ERROR, WAIVED, then rule and resource', () => {
  expect(order(false)).toEqual([
    'S3-001 FAIL a-bucket',
    'S3-001 FAIL b-bucket',
    'BAD-1 ERROR -',
    'EC2-009 FAIL b-bucket',
    'IAM-002 FAIL a-bucket',
    'IAM-002 ERROR a-bucket',
    'IAM-002 WAIVED b-bucket',
  ]);
});

test('passing results are written last in their severity when Settings asks, never NOT_APPLICABLE', () => {
  expect(order(true)).toEqual([
    'S3-001 FAIL a-bucket',
    'S3-001 FAIL b-bucket',
    'BAD-1 ERROR -',
    'S3-001 PASS b-bucket',
    'EC2-009 FAIL b-bucket',
    'IAM-002 FAIL a-bucket',
    'IAM-002 ERROR a-bucket',
    'IAM-002 WAIVED b-bucket',
    'IAM-002 PASS a-bucket',
  ]);
});

test('a row holds the result explained, with dates and a boolean Overdue', () => {
  const r = {
    ...result(critical, a, 'FAIL'),
    firstSeen: day('2026-01-01'),
    due: day('2026-01-08'),
    overdue: true,
  };
  expect(resultsSheet([r], SETTINGS).rows[1]).toEqual([
    'S3-001',
    'S3 buckets block public access',
    'Critical',
    'FAIL',
    'a-bucket',
    'aws_s3_bucket',
    'Logs',
    'Finance',
    'dana',
    'versioning.status',
    'Enabled',
    'Suspended',
    'versioning.status is "Suspended"; expected "Enabled"',
    'Turn on Block Public Access',
    day('2026-01-01'),
    day('2026-01-08'),
    true,
    null,
  ]);
});

test("a broken rule's ERROR has no resource cells and Overdue FALSE", () => {
  const row = resultsSheet([result(broken, undefined, 'ERROR', { message: 'Unknown operator' })], SETTINGS)
    .rows[1];
  expect(row.slice(4, 8)).toEqual([null, null, null, null]);
  expect(row[16]).toBe(false);
});

describe('formula-like text is written as text', () => {
  const evil = resource({
    id: '@SUM(1)',
    name: '=HYPERLINK("http://evil","x")',
    businessUnit: '+1',
    owner: '-2',
  });
  const row = resultsSheet([result(critical, evil, 'FAIL', { actual: '=cmd|" /C calc"!A0' })], SETTINGS)
    .rows[1];
  test.each([
    ['Resource ID', { text: '@SUM(1)' }],
    ['Resource Name', { text: '=HYPERLINK("http://evil","x")' }],
    ['Business Unit', { text: '+1' }],
    ['Fix Owner', { text: '-2' }],
    ['Actual', { text: '=cmd|" /C calc"!A0' }],
    ['Resource Type', 'aws_s3_bucket'],
  ] as const)('%s', (column, cell) => {
    expect(row[RESULTS_HEADER.indexOf(column)]).toEqual(cell);
  });
});

describe('waiver text', () => {
  const waiver = (fields: Partial<Waiver>): Waiver => ({
    row: 1,
    sheet: 'Exceptions',
    ruleId: 'S3-001',
    resourceId: '*',
    reason: 'Public website',
    approvedBy: 'Dana',
    ticket: 'SEC-12',
    valid: true,
    ...fields,
  });
  test.each([
    ['SEC-12 (approved by Dana, until 2026-12-31)', waiver({ expires: day('2026-12-31') })],
    ['Public website (approved by Dana, no expiry)', waiver({ ticket: '' })],
    [
      'waiver (approved by Dana, until 2026-06-30)',
      waiver({ ticket: '', reason: '', expires: day('2026-06-30') }),
    ],
  ])('%s', (text, w) => {
    expect(waiverText(w)).toBe(text);
  });

  test('is in the Waiver column, as text when formula-like', () => {
    const rows = resultsSheet(
      [result(high, a, 'WAIVED', { waiver: waiver({ ticket: '=EVIL()' }) })],
      SETTINGS,
    ).rows;
    expect(rows[1][17]).toEqual({ text: '=EVIL() (approved by Dana, no expiry)' });
  });
});

test('formats: frozen header, status colours on Status, dates on First Seen and Due', () => {
  const patch = resultsSheet(mixed(), SETTINGS);
  expect(patch.sheet).toBe('Results');
  expect(patch.generated).toBe(true);
  expect(patch.format.frozenRows).toBe(1);
  expect(patch.format.headerRow).toBe(true);
  expect(patch.format.columnWidths).toHaveLength(RESULTS_HEADER.length);
  const [colors] = patch.format.statusColors!;
  expect(colors).toMatchObject({ col: 3, fromRow: 1, toRow: 7 });
  expect(colors.colors.map((c) => c.startsWith)).toEqual(['PASS', 'FAIL', 'WAIVED', 'ERROR']);
  expect(patch.format.numberFormats).toEqual([
    { col: 14, fromRow: 1, toRow: 7, format: 'yyyy-mm-dd' },
    { col: 15, fromRow: 1, toRow: 7, format: 'yyyy-mm-dd' },
  ]);
});

test('an empty Results sheet has no format ranges', () => {
  const patch = resultsSheet([result(high, a, 'PASS')], SETTINGS);
  expect(patch.rows).toHaveLength(1);
  expect(patch.format.statusColors).toEqual([]);
  expect(patch.format.numberFormats).toEqual([]);
});

describe('fitted to a host as rows are made', () => {
  const longTitle = rule({ id: 'LONG-1', title: 'T'.repeat(60) });
  const fitted = () => {
    const fit = new CellFitter(55, 3);
    const rows = resultsSheet(
      [
        result(longTitle, a, 'FAIL', { message: 'm'.repeat(70) }),
        result(longTitle, b, 'FAIL', { actual: '=1+1' }),
        result(longTitle, resource({ id: 'c-bucket' }), 'FAIL'),
      ],
      SETTINGS,
      { fit },
    ).rows;
    return { fit, rows };
  };

  test('long text is cut to end with …, on every row it is in; formula-like text is wrapped', () => {
    const { rows } = fitted();
    expect(rows[1][1]).toBe(`${'T'.repeat(54)}…`);
    expect(rows[2][1]).toBe(`${'T'.repeat(54)}…`);
    expect(rows[1][12]).toBe(`${'m'.repeat(54)}…`);
    expect(rows[2][11]).toEqual({ text: '=1+1' });
    expect(rows[1][4]).toBe('a-bucket');
  });

  test('every cut in the rows the host keeps is noted, the first pointed at', () => {
    const { fit } = fitted();
    // Rows 1 and 2 are kept (maxRows 3 with the header): the title twice and the message once.
    expect({ count: fit.count, longest: fit.longest, at: fit.at }).toEqual({
      count: 3,
      longest: 70,
      at: { row: 1, col: 1 },
    });
  });
});
