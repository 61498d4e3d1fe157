// The Exceptions sheet: waivers valid, unapproved, undated, badly dated, or naming no rule.
import { formatProblem } from '../../core/problems';
import { readRulebook } from '../../core/rulebook/read';
import type { Grid } from '../../core/types';
import { sheet } from '../helpers/grid';

const RULES = sheet(
  'Rules',
  `
  Rule ID | Title   | Resource Type
  S3-001  | Blocked | *
  S3-002  | Logged  | *
  EC2-001 | Tagged  | *
`,
);

function read(...grids: Grid[]) {
  const book = readRulebook([RULES, ...grids]);
  return { book, problems: book.problems.map(formatProblem) };
}

const HEADER = ['Rule ID', 'Resource ID', 'Reason', 'Approved By', 'Expires', 'Ticket'];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('reading waivers', () => {
  test.each([
    // Rule ID | Resource ID | Approved By | Expires (as the cell holds it) → expires, valid
    ['S3-001', 'logs', 'Dana', day('2026-12-31'), day('2026-12-31'), true],
    ['S3-001', 'logs', 'Dana', '2026-12-31', day('2026-12-31'), true],
    ['S3-001', 'logs', 'Dana', 46387, day('2026-12-31'), true],
    // A date-time is reduced to its calendar date in the rulebook's time zone (UTC here).
    ['s3-001', 'logs-*', 'Dana', ' 2026-12-31T12:00:00Z ', day('2026-12-31'), true],
    ['S3-001', 'logs', 'Dana', '2026-12-31T23:00:00-05:00', day('2027-01-01'), true],
    ['S3-001', 'logs', 'Dana', new Date('2026-12-31T12:00:00Z'), day('2026-12-31'), true],
    ['*', '*', 'Dana', '2020-01-01', day('2020-01-01'), true],
  ])('%s | %s | %s | %j → expires %j', (ruleId, resourceId, approvedBy, expires, expected, valid) => {
    const { book, problems } = read(
      sheet('Exceptions', [HEADER, [ruleId, resourceId, 'why', approvedBy, expires, 'SEC-1']]),
    );
    expect(problems).toEqual([]);
    expect(book.waivers).toEqual([
      {
        row: 1,
        sheet: 'Exceptions',
        ruleId,
        resourceId: resourceId.trim(),
        reason: 'why',
        approvedBy,
        expires: expected,
        ticket: 'SEC-1',
        valid,
      },
    ]);
  });

  test.each([
    // a row of Exceptions → problem at its cell, and whether the waiver may still be applied
    [
      ['S3-001', 'logs', 'why', null, '2026-12-31'],
      'Exceptions!D2: The waiver has no approver, so it is not applied. Fill Approved By.',
      false,
    ],
    [
      ['S3-001', 'logs', 'why', 'Dana', null],
      'Exceptions!E2: The waiver has no expiry date, so it never expires.',
      true,
    ],
    [
      ['S3-001', 'logs', 'why', 'Dana', '31/12/2026'],
      "Exceptions!E2: '31/12/2026' is not a date. Write dates as YYYY-MM-DD or use a date cell.",
      false,
    ],
    [
      ['S3-001', 'logs', 'why', 'Dana', 'soon'],
      "Exceptions!E2: 'soon' is not a date. Write dates as YYYY-MM-DD or use a date cell.",
      false,
    ],
    [
      ['S3-001', 'logs', 'why', 'Dana', '2026-02-30'],
      "Exceptions!E2: '2026-02-30' is not a date. Write dates as YYYY-MM-DD or use a date cell.",
      false,
    ],
    [
      ['S3-001', 'logs', 'why', 'Dana', true],
      "Exceptions!E2: 'TRUE' is not a date. Write dates as YYYY-MM-DD or use a date cell.",
      false,
    ],
    [
      ['S3-01', 'logs', 'why', 'Dana', '2026-12-31'],
      "Exceptions!A2: The waiver names rule 'S3-01', which is not in Rules. Did you mean 'S3-001'?",
      true,
    ],
    [
      ['IAM-9', 'logs', 'why', 'Dana', '2026-12-31'],
      "Exceptions!A2: The waiver names rule 'IAM-9', which is not in Rules.",
      true,
    ],
    [
      ['IAM-*', 'logs', 'why', 'Dana', '2026-12-31'],
      "Exceptions!A2: The waiver names rule 'IAM-*', which is not in Rules.",
      true,
    ],
    [
      [null, 'logs', 'why', 'Dana', '2026-12-31'],
      'Exceptions!A2: Rule ID is empty; every row needs one. Write * for every rule.',
      false,
    ],
    [
      ['S3-001', ' ', 'why', 'Dana', '2026-12-31'],
      'Exceptions!B2: Resource ID is empty; every row needs one. Write * for every resource.',
      false,
    ],
  ])('%j → %s', (row, expected, valid) => {
    const { book, problems } = read(sheet('Exceptions', [HEADER, row]));
    expect(problems).toEqual([expected]);
    expect(book.waivers.map((w) => w.valid)).toEqual([valid]);
  });

  test('only a lone * stands for every rule: S3-* names no rule', () => {
    expect(read(sheet('Waivers', [HEADER, ['S3-*', 'logs', 'why', 'Dana', '2026-12-31']])).problems).toEqual([
      "Waivers!A2: The waiver names rule 'S3-*', which is not in Rules.",
    ]);
  });

  test('aliases, free order, blank rows skipped; several problems on one row', () => {
    const { book, problems } = read(
      sheet(
        'waivers',
        `
        Ticket | Expiry     | Approver | Resource | Rule     | Justification
        |
        SEC-9  | 2027-01-01 |          | web      | EC2-001  | legacy
        SEC-10 |            |          | db       | EC2-00l  | legacy
      `,
      ),
    );
    expect(problems).toEqual([
      'waivers!C3: The waiver has no approver, so it is not applied. Fill Approved By.',
      'waivers!C4: The waiver has no approver, so it is not applied. Fill Approved By.',
      'waivers!B4: The waiver has no expiry date, so it never expires.',
      "waivers!E4: The waiver names rule 'EC2-00l', which is not in Rules. Did you mean 'EC2-001'?",
    ]);
    expect(book.waivers.map((w) => [w.row, w.ruleId, w.resourceId, w.ticket, w.reason, w.valid])).toEqual([
      [2, 'EC2-001', 'web', 'SEC-9', 'legacy', false],
      [3, 'EC2-00l', 'db', 'SEC-10', 'legacy', false],
    ]);
  });

  test('a sheet without Approved By is not read: every waiver would be unapproved', () => {
    const { book, problems } = read(
      sheet('Exceptions', 'Rule ID | Resource ID | Expires\nS3-001 | logs | 2026-12-31'),
    );
    expect(problems).toEqual([
      "Exceptions!A1: The 'Exceptions' sheet has no 'Approved By' column. Add a column headed 'Approved By'.",
    ]);
    expect(book.waivers).toEqual([]);
  });

  test('without an Expires column every waiver is open-ended, with a warning each', () => {
    const { book, problems } = read(
      sheet('Exceptions', 'Rule ID | Resource ID | Approved By\nS3-001 | logs | Dana'),
    );
    // No Expires cell to point at, so the problem points at the row.
    expect(problems).toEqual(['Exceptions!A2: The waiver has no expiry date, so it never expires.']);
    expect(book.waivers[0]).toMatchObject({ valid: true, expires: undefined });
  });
});

describe('a waiver that can waive nothing is a warning on its row', () => {
  const TYPED_RULES = sheet(
    'Rules',
    `
    Rule ID | Title   | Resource Type
    S3-001  | Blocked | aws_s3_bucket
    EC2-001 | Tagged  | aws_ec2_*
    ALL-001 | Named   | *
  `,
  );
  const RESOURCES = sheet(
    'Resources',
    `
    Resource ID  | Type
    logs-prod    | aws_s3_bucket
    logs-staging | aws_s3_bucket
    web-1        | aws_ec2_instance
  `,
  );
  const problemsOf = (ruleId: string, resourceId: string) =>
    readRulebook([
      TYPED_RULES,
      RESOURCES,
      sheet('Exceptions', [HEADER, [ruleId, resourceId, 'why', 'Dana', '2026-12-31']]),
    ]).problems.map(formatProblem);

  test.each([
    // Rule ID | Resource ID → problems
    ['S3-001', 'logs-prod', []],
    ['s3-001', 'LOGS-PROD', []],
    ['S3-001', 'logs-*', []],
    ['EC2-001', 'web-?', []],
    ['*', 'web-1', []],
    ['ALL-001', 'logs-staging', []],
    ['S3-001', '*', []],
    [
      'S3-001',
      'logs-prd',
      [
        "Exceptions!B2: The waiver names resource 'logs-prd', which matches no resource rule 'S3-001' checks, so it waives nothing. Did you mean 'logs-prod'?",
      ],
    ],
    // web-1 exists, but S3-001 never checks an EC2 instance.
    [
      'S3-001',
      'web-1',
      [
        "Exceptions!B2: The waiver names resource 'web-1', which matches no resource rule 'S3-001' checks, so it waives nothing.",
      ],
    ],
    [
      'EC2-001',
      'db-*',
      [
        "Exceptions!B2: The waiver names resource 'db-*', which matches no resource rule 'EC2-001' checks, so it waives nothing.",
      ],
    ],
    [
      '*',
      'web-2',
      [
        "Exceptions!B2: The waiver names resource 'web-2', which matches no resource, so it waives nothing. Did you mean 'web-1'?",
      ],
    ],
    // A rule that is not there is said once, on the Rule ID.
    [
      'S3-01',
      'nothing',
      ["Exceptions!A2: The waiver names rule 'S3-01', which is not in Rules. Did you mean 'S3-001'?"],
    ],
  ])('%s | %s', (ruleId, resourceId, expected) => {
    expect(problemsOf(ruleId, resourceId)).toEqual(expected);
  });

  test('the warning leaves the waiver valid: it is data to fix, not a reason to drop it', () => {
    const book = readRulebook([
      TYPED_RULES,
      RESOURCES,
      sheet('Exceptions', [HEADER, ['S3-001', 'gone', 'why', 'Dana', '2026-12-31']]),
    ]);
    expect(book.waivers.map((w) => w.valid)).toEqual([true]);
  });
});
