// The Rules sheet: rules as rows, every reading problem at its own cell, generated columns set aside.
import { formatProblem } from '../../core/problems';
import { readRulebook } from '../../core/rulebook/read';
import type { Grid } from '../../core/types';
import { sheet } from '../helpers/grid';

const RESOURCES = sheet(
  'Resources',
  `
  Resource ID | Type
  logs        | aws_s3_bucket
  web         | aws_instance
`,
);

function read(...grids: Grid[]) {
  const book = readRulebook(grids);
  return { book, problems: book.problems.map(formatProblem) };
}

describe('reading rules', () => {
  test('a well-formed row becomes a rule with defaults for blank optional cells', () => {
    const { book, problems } = read(
      sheet(
        'Rules',
        `
        Rule ID | Title                 | Resource Type                | Field             | Operator | Expected | Business Unit
        S3-001  | Buckets are versioned | aws_s3_bucket, , aws_s3_*    | versioning.status | equals   | Enabled  | Finance, HR ,
      `,
      ),
      RESOURCES,
    );
    expect(problems).toEqual([]);
    expect(book.rules).toEqual([
      {
        row: 1,
        id: 'S3-001',
        title: 'Buckets are versioned',
        resourceTypes: ['aws_s3_bucket', 'aws_s3_*'],
        severity: 'Medium',
        owner: '',
        framework: '',
        remediation: '',
        enabled: true,
        businessUnits: ['Finance', 'HR'],
        field: 'versioning.status',
        operator: 'equals',
        expected: 'Enabled',
        match: 'all',
        condition: '',
        appliesWhen: '',
        problems: [],
        broken: false,
      },
    ]);
  });

  test('aliases in any order, unknown columns kept and ignored', () => {
    const { book, problems } = read(
      sheet(
        'rule-book',
        `
        Notes    | Sev  | Type          | Check                       | When             | ID    | Name          | Active | Controls   | Fix
        see wiki | HIGH | aws_instance  | monitoring.state = "enabled" | tags.env = "prod" | EC2-1 | Monitoring on | no     | CIS 2.1    | Turn it on
      `,
      ),
      RESOURCES,
    );
    expect(problems).toEqual([]);
    expect(book.rulesSheet?.name).toBe('rule-book');
    expect(book.rules[0]).toMatchObject({
      id: 'EC2-1',
      title: 'Monitoring on',
      resourceTypes: ['aws_instance'],
      severity: 'High',
      enabled: false,
      condition: 'monitoring.state = "enabled"',
      appliesWhen: 'tags.env = "prod"',
      framework: 'CIS 2.1',
      remediation: 'Turn it on',
    });
  });

  test('Expected keeps its raw cell; Severity, Enabled and Match read any case', () => {
    const when = new Date(Date.UTC(2026, 0, 1));
    const { book, problems } = read(
      sheet('Rules', [
        ['Rule ID', 'Title', 'Resource Type', 'Expected', 'Severity', 'Enabled', 'Match'],
        ['A', 'a', 'aws_instance', 90, 'critical', 'Yes', 'ANY'],
        ['B', 'b', 'aws_instance', true, 'info', false, ' none '],
        ['C', 'c', 'aws_instance', when, 'low', 'TRUE', null],
        ['D', 'd', 'aws_instance', null, null, null, 'All'],
      ]),
      RESOURCES,
    );
    expect(problems).toEqual([]);
    expect(book.rules.map((r) => [r.id, r.expected, r.severity, r.enabled, r.match])).toEqual([
      ['A', 90, 'Critical', true, 'any'],
      ['B', true, 'Info', false, 'none'],
      ['C', when, 'Low', true, 'all'],
      ['D', null, 'Medium', true, 'all'],
    ]);
  });

  test.each([
    // row cells (Rule ID | Title | Resource Type | Severity | Enabled | Match) → problem at its cell
    ['        | No ID   | aws_instance |      |       |', 'Rules!A2: Rule ID is empty; every row needs one.'],
    ['R-1     |         | aws_instance |      |       |', 'Rules!B2: Title is empty; every row needs one.'],
    [
      'R-1     | No type | ,            |      |       |',
      'Rules!C2: Resource Type is empty; every row needs one.',
    ],
    [
      'R-1     | Typo    | aws_instance | Hgh  |       |',
      "Rules!D2: Unknown severity 'Hgh'; use Critical, High, Medium, Low or Info. Did you mean 'High'?",
    ],
    [
      'R-1     | Typo    | aws_instance | Sever |      |',
      "Rules!D2: Unknown severity 'Sever'; use Critical, High, Medium, Low or Info.",
    ],
    [
      'R-1     | Flag    | aws_instance |      | maybe |',
      "Rules!E2: Enabled must be TRUE or FALSE, not 'maybe'.",
    ],
    [
      'R-1     | Match   | aws_instance |      |       | every',
      "Rules!F2: Unknown match 'every'; use all, any or none.",
    ],
    [
      'R-1     | Match   | aws_instance |      |       | anyy',
      "Rules!F2: Unknown match 'anyy'; use all, any or none. Did you mean 'any'?",
    ],
  ])('%s → %s', (row, expected) => {
    const { book, problems } = read(
      sheet('Rules', `Rule ID | Title | Resource Type | Severity | Enabled | Match\n${row}`),
      RESOURCES,
    );
    expect(problems).toEqual([expected]);
    expect(book.rules).toHaveLength(1);
    expect(book.rules[0].broken).toBe(true);
    expect(book.rules[0].problems.map(formatProblem)).toEqual([expected]);
  });

  test('a row with several problems reports each, left to right', () => {
    const { problems } = read(sheet('Rules', 'Rule ID | Title | Resource Type | Severity\n | | | urgent'));
    expect(problems).toEqual([
      'Rules!A2: Rule ID is empty; every row needs one.',
      'Rules!B2: Title is empty; every row needs one.',
      'Rules!C2: Resource Type is empty; every row needs one.',
      "Rules!D2: Unknown severity 'urgent'; use Critical, High, Medium, Low or Info.",
    ]);
  });

  test('the problem names the column as its header reads', () => {
    const { problems } = read(sheet('Rules', 'ID | Name | Type\nX-1 | | aws_instance'), RESOURCES);
    expect(problems).toEqual(['Rules!B2: Name is empty; every row needs one.']);
  });

  test('a duplicate Rule ID (any case) breaks the later row only', () => {
    const { book, problems } = read(
      sheet(
        'Rules',
        `
        Notes | Rule ID | Title  | Resource Type
              | S3-001  | First  | aws_s3_bucket
              | S3-002  | Other  | aws_s3_bucket
              | s3-001  | Second | aws_s3_bucket
      `,
      ),
      RESOURCES,
    );
    expect(problems).toEqual([
      "Rules!B4: Rule ID 's3-001' is used again; it was first used at B2. Give each rule its own ID.",
    ]);
    expect(book.rules.map((r) => [r.id, r.broken])).toEqual([
      ['S3-001', false],
      ['S3-002', false],
      ['s3-001', true],
    ]);
  });

  test('fully blank rows are skipped, ragged rows read as blanks beyond their end', () => {
    const { book, problems } = read(
      sheet('Rules', [
        ['Rule ID', 'Title', 'Resource Type', 'Severity', 'Owner'],
        [],
        [null, '  ', null],
        ['R-1', 'Short row', 'aws_instance'],
        ['R-2', 'Long row', 'aws_instance', 'Low', 'Ana', 'extra', 'cells'],
      ]),
      RESOURCES,
    );
    expect(problems).toEqual([]);
    expect(book.rules.map((r) => [r.row, r.id, r.severity, r.owner])).toEqual([
      [3, 'R-1', 'Medium', ''],
      [4, 'R-2', 'Low', 'Ana'],
    ]);
  });

  test('non-string headers and cells are read as their text', () => {
    const { book } = read(
      sheet('Rules', [
        ['Rule ID', 'Title', 'Resource Type', 2026, null, true],
        [101, 'Numeric id', 'aws_instance', 'x', 'y', 'z'],
      ]),
      RESOURCES,
    );
    expect(book.rules[0].id).toBe('101');
    expect(book.rulesSheet?.userWidth).toBe(6);
  });
});

describe('missing sheet and columns', () => {
  test('no Rules sheet at all', () => {
    expect(read(RESOURCES).problems).toEqual([
      "Rules: The workbook has no 'Rules' sheet. Add a sheet named 'Rules'.",
    ]);
  });

  test('a Rules sheet with a typo in its name gets a suggestion', () => {
    expect(read(sheet('Rulez', 'Rule ID | Title | Type'), RESOURCES).problems).toEqual([
      "Rules: The workbook has no 'Rules' sheet. Did you mean 'Rulez'?",
    ]);
  });

  test('Rule, Rulebook and any spelling of Rules are found', () => {
    for (const name of ['Rule', 'RULEBOOK', 'rules', ' Rules ']) {
      expect(readRulebook([sheet(name, 'Rule ID | Title | Type\nA | a | x')]).rules).toHaveLength(1);
    }
  });

  test('missing required columns: the sheet reads no rules; a look-alike header is suggested at its cell', () => {
    const { book, problems } = read(
      sheet(
        'Rules',
        `
        Rule ID | Titel         | Severity | Notes
        S3-001  | Buckets       | High     |
      `,
      ),
    );
    expect(problems).toEqual([
      "Rules!B1: The 'Rules' sheet has no 'Title' column. Did you mean 'Titel'?",
      "Rules!A1: The 'Rules' sheet has no 'Resource Type' column. Add a column headed 'Resource Type'.",
    ]);
    expect(book.rules).toEqual([]);
    expect(book.rulesSheet?.columns).toEqual({ ruleId: 0, severity: 2 });
  });

  test('an empty grid misses every required column', () => {
    expect(read(sheet('Rules', [])).problems).toEqual([
      "Rules!A1: The 'Rules' sheet has no 'Rule ID' column. Add a column headed 'Rule ID'.",
      "Rules!A1: The 'Rules' sheet has no 'Title' column. Add a column headed 'Title'.",
      "Rules!A1: The 'Rules' sheet has no 'Resource Type' column. Add a column headed 'Resource Type'.",
    ]);
  });

  test('headers but no rules', () => {
    expect(read(sheet('Rules', 'Rule ID | Title | Resource Type\n|')).problems).toEqual([
      'Rules: The Rules sheet has no rules yet.',
    ]);
  });
});

describe('generated columns', () => {
  test('are recorded, never read as user columns, and userWidth stops before them', () => {
    const { book, problems } = read(
      sheet(
        'Rules',
        `
        Rule ID | Title | Resource Type | Severity | Reads As        | Status     | Passing | Failing | Waived | Problems | Last Run
        R-1     | One   | aws_instance  | High     | Every instance… | ✔ 1 passing | 1       | 0       | 0      |          | 2026-01-01
      `,
      ),
      RESOURCES,
    );
    expect(problems).toEqual([]);
    expect(book.rulesSheet?.generated).toEqual({
      'Reads As': 4,
      Status: 5,
      Passing: 6,
      Failing: 7,
      Waived: 8,
      Problems: 9,
      'Last Run': 10,
    });
    expect(book.rulesSheet?.userWidth).toBe(4);
    expect(book.rules[0].severity).toBe('High');
  });

  test('a user column placed after the generated ones widens userWidth; blank headers do not', () => {
    const { book } = read(
      sheet('Rules', [['Rule ID', 'Title', 'Resource Type', 'status', null, 'Owner', null, 'reads_as', '']]),
    );
    expect(book.rulesSheet?.generated).toEqual({ Status: 3, 'Reads As': 7 });
    expect(book.rulesSheet?.userWidth).toBe(6);
    expect(book.rulesSheet?.columns.owner).toBe(5);
  });

  test('a row holding only generated cells (its rule was cleared) is blank', () => {
    const { book, problems } = read(
      sheet('Rules', [
        ['Rule ID', 'Title', 'Resource Type', 'Status', 'Problems'],
        ['R-1', 'One', 'aws_instance', '✔ 1 passing', null],
        [null, null, null, '✖ 3 failing', 'old problem'],
      ]),
      RESOURCES,
    );
    expect(problems).toEqual([]);
    expect(book.rules.map((r) => r.id)).toEqual(['R-1']);
  });

  test('an empty header row has userWidth 0', () => {
    expect(read(sheet('Rules', [[]])).book.rulesSheet?.userWidth).toBe(0);
  });
});

describe('unknown resource types', () => {
  const rules = sheet(
    'Rules',
    `
    Rule ID | Title    | Resource Type               | Enabled
    A       | bucket   | aws_s3_bukcet               |
    B       | glob     | aws_s3_*                    |
    C       | either   | aws_rds_instance, AWS_INSTANCE |
    D       | off      | aws_lambda                  | FALSE
    E       | none     | gcp_bucket, gcp_*           |
    F       | broken   | aws_iam_user                | perhaps
  `,
  );

  test('warn at the Resource Type cell of each enabled rule that matches nothing', () => {
    const { book, problems } = read(rules, RESOURCES);
    expect(problems).toEqual([
      "Rules!C2: No resource has type 'aws_s3_bukcet', so the rule checks nothing. Did you mean 'aws_s3_bucket'?",
      "Rules!C6: No resource has type 'gcp_bucket', so the rule checks nothing.",
      "Rules!C6: No resource has type 'gcp_*', so the rule checks nothing.",
      "Rules!D7: Enabled must be TRUE or FALSE, not 'perhaps'.",
      "Rules!C7: No resource has type 'aws_iam_user', so the rule checks nothing.",
    ]);
    expect(book.rules[0].problems.map((p) => p.code)).toEqual(['unknown_resource_type']);
    expect(book.rules[0].broken).toBe(false);
  });

  test('are not reported when there are no resources at all', () => {
    expect(read(rules).problems).toEqual(["Rules!D7: Enabled must be TRUE or FALSE, not 'perhaps'."]);
  });
});
