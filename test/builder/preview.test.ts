// core/builder preview and row: the candidate tried alone gives what a real run gives, and its row lands under the right headers.
import * as path from 'path';
import { validate, type Cell, type Grid } from '../../core';
import { builderData, planRuleRow, previewRule, type RuleCandidate } from '../../core/builder';
import { readCsvFolder } from '../../cli/io/csv';
import { sheet } from '../helpers/grid';

const NOW = new Date('2026-03-01T00:00:00Z');
const acme = (): Grid[] => readCsvFolder(path.join(__dirname, '..', '..', 'examples', 'acme')).grids;

const candidate = (over: Partial<RuleCandidate>): RuleCandidate => ({
  ruleId: 'K8S-900',
  title: 'Images are pinned',
  resourceType: 'k8s:Deployment',
  field: 'podSpec.containers[*].image',
  operator: 'does not end with',
  expected: ':latest',
  ...over,
});

/** The workbook with the candidate's planned row written in, as a host would. */
function withRow(grids: Grid[], c: RuleCandidate): Grid[] {
  const plan = planRuleRow(grids, c);
  expect(plan.problems).toEqual([]);
  const row: Cell[] = plan.cells.map((x) =>
    x !== null && typeof x === 'object' && !(x instanceof Date) ? x.text : x,
  );
  return grids.map((g) => (g.name === plan.sheet ? { ...g, rows: [...g.rows.slice(0, plan.row), row] } : g));
}

function countsOf(grids: Grid[], ruleId: string) {
  const results = validate(grids, { now: NOW })
    .results.toArray()
    .filter((r) => r.rule.id === ruleId);
  const n = (s: string) => results.filter((r) => r.status === s).length;
  return {
    passing: n('PASS'),
    failing: n('FAIL'),
    waived: n('WAIVED'),
    errors: n('ERROR'),
    notApplicable: n('NOT_APPLICABLE'),
  };
}

describe('live preview on the acme rulebook', () => {
  const cases: [string, Partial<RuleCandidate>][] = [
    ['a [*] path inside a JSON cell', {}],
    [
      'a plain column',
      { resourceType: 'aws_s3_bucket', field: 'versioning.status', operator: 'equals', expected: 'Enabled' },
    ],
    [
      'an operator without Expected',
      {
        resourceType: 'aws_s3_bucket',
        field: 'server_side_encryption.algorithm',
        operator: 'exists',
        expected: '',
      },
    ],
    [
      'any element',
      { field: 'podSpec.containers[*].image', operator: 'starts with', expected: 'ghcr.io', match: 'any' },
    ],
    [
      'a glob type',
      { resourceType: 'aws_*', field: 'Environment', operator: 'is one of', expected: 'production, staging' },
    ],
  ];
  test.each(cases)('%s: preview counts equal a real run of the rule', (_name, over) => {
    const grids = acme();
    const c = candidate(over);
    const preview = previewRule(grids, c, NOW);
    const real = countsOf(withRow(grids, c), c.ruleId);
    expect({
      passing: preview.passing,
      failing: preview.failing,
      waived: preview.waived,
      errors: preview.errors,
      notApplicable: preview.notApplicable,
    }).toEqual(real);
    expect(preview.passing + preview.failing).toBeGreaterThan(0);
    expect(preview.problems).toEqual([]);
  });

  test('it reads the rule in plain words and shows failing examples first', () => {
    const preview = previewRule(acme(), candidate({}), NOW);
    expect(preview.readsAs).toMatch(
      /^Every k8s:Deployment: every podSpec\.containers\[\*\]\.image does not end with ":latest"/,
    );
    expect(preview.failing).toBeGreaterThan(0);
    expect(preview.examples[0]).toMatchObject({ status: 'FAIL' });
    expect(preview.examples[0].actual).toContain(':latest');
    expect(preview.examples.some((e) => e.status === 'PASS')).toBe(true);
  });

  test('a bad candidate shows its problem instead of counts', () => {
    const preview = previewRule(acme(), candidate({ operator: 'equal' }), NOW);
    expect(preview.problems[0].message).toMatch(/Unknown operator/);
    expect(preview.problems[0].suggestion).toMatch(/equals/);
    expect(preview.passing + preview.failing).toBe(0);
  });

  test('the fields offered for a type come from its resources', () => {
    const k8s = builderData(acme()).types.find((t) => t.type === 'k8s:Deployment')!;
    expect(k8s.fields.map((f) => f.path)).toContain('podSpec.containers[*].image');
  });
});

describe('live preview of rules that reach across resources', () => {
  // Rules holds an unrelated rule; the candidates read labels, budgets' selectors and a keyed Priorities sheet.
  const grids = (): Grid[] => [
    sheet('Rules', [
      ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
      ['X-1', 'x', 'k8s:Pod', 'Name', 'exists', null],
    ]),
    sheet('Resources', [
      ['Resource ID', 'Type', 'Name', 'Namespace', 'priorityClassName', 'spec.selector'],
      ['a/web', 'k8s:Deployment', 'web', 'a', 'high', null],
      ['b/api', 'k8s:Deployment', 'api', 'b', 'high', null],
      ['a/pdb', 'k8s:PodDisruptionBudget', 'pdb', 'a', null, '{"matchLabels":{"app":"web"}}'],
      [
        'b/pdb',
        'k8s:PodDisruptionBudget',
        'pdb',
        'b',
        null,
        '{"matchExpressions":[{"key":"app","operator":"NotIn","values":["web"]}]}',
      ],
    ]),
    sheet('Priorities', [
      ['Namespace', 'Class'],
      ['a', 'high'],
      ['b', 'low'],
    ]),
  ];
  test.each([
    [
      'a list keyed by the namespace',
      {
        field: 'priorityClassName',
        operator: 'is one of',
        expected: "'Priorities'!Class where Namespace = Namespace",
      },
      { passing: 1, failing: 1 },
    ],
    [
      'selects, labels written in the cell',
      {
        resourceType: 'k8s:PodDisruptionBudget',
        field: 'spec.selector',
        operator: 'selects',
        expected: 'app=web',
      },
      { passing: 1, failing: 1 },
    ],
  ] as [string, Partial<RuleCandidate>, { passing: number; failing: number }][])(
    '%s: preview counts equal a real run of the rule',
    (_name, over, counts) => {
      const c = candidate(over);
      const preview = previewRule(grids(), c, NOW);
      expect(preview.problems).toEqual([]);
      expect({ passing: preview.passing, failing: preview.failing }).toEqual(counts);
      const real = countsOf(withRow(grids(), c), c.ruleId);
      expect({ passing: real.passing, failing: real.failing }).toEqual(counts);
    },
  );
});

describe('the row a new rule becomes', () => {
  const rules = sheet(
    'Rules',
    'ID | Type | Title | Field | Operator | Expected | Severity | Status\nA-1 | aws_s3_bucket | t | acl | equals | private | High | ✔ 1 passing\n|\n|',
  );

  test('cells go under the sheet’s own headers, after the last rule, formula-like text kept as text', () => {
    const plan = planRuleRow([rules], { ...candidate({}), expected: '-1', severity: 'High' });
    expect(plan).toMatchObject({ sheet: 'Rules', row: 2, problems: [] });
    expect(plan.cells).toEqual([
      'K8S-900',
      'k8s:Deployment',
      'Images are pinned',
      'podSpec.containers[*].image',
      'does not end with',
      { text: '-1' },
      'High',
    ]);
  });

  test('a Rule ID in use, a missing column and a blank Expected are refused with messages', () => {
    const plan = planRuleRow([rules], candidate({ ruleId: 'a-1', remediation: 'Pin it', expected: '' }));
    const messages = plan.problems.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Expected/),
        expect.stringMatching(/Rule ID 'A-1' is used again/),
        expect.stringMatching(/no 'Remediation' column/),
      ]),
    );
    expect(plan.problems.every((p) => p.severity === 'error')).toBe(true);
  });

  test('a workbook without Rules gets a new sheet with the standard header', () => {
    const plan = planRuleRow([], candidate({}));
    expect(plan.header?.slice(0, 6)).toEqual([
      'Rule ID',
      'Title',
      'Resource Type',
      'Field',
      'Operator',
      'Expected',
    ]);
    expect(plan.row).toBe(1);
    expect(plan.cells.slice(0, 6)).toEqual([
      'K8S-900',
      'Images are pinned',
      'k8s:Deployment',
      'podSpec.containers[*].image',
      'does not end with',
      ':latest',
    ]);
  });
});
