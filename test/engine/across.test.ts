// Checks that reach across resources: lookup(), others(), selectors and keyed sheet lists, through the whole engine.
import { compileRulebook, evaluateRules, readRulebook, validate } from '../../core';
import { RunIndexes } from '../../core/engine/run-index';
import type { Cell, Grid } from '../../core';
import { NOW, rulesGrid, sheet, type RuleRow } from './one-rule';

const j = (v: unknown) => JSON.stringify(v);

/** A small cluster: namespaces, workloads, a PDB, a Service, a Secret, ingresses and pods. */
const cluster: Record<string, Cell>[] = [
  {
    'Resource ID': 'team-a',
    Type: 'k8s:Namespace',
    Name: 'team-a',
    'metadata.annotations': j({ owner: 'ops' }),
  },
  { 'Resource ID': 'team-b', Type: 'k8s:Namespace', Name: 'team-b', 'metadata.annotations': j({}) },
  {
    'Resource ID': 'team-a/web',
    Type: 'k8s:Deployment',
    Name: 'web',
    Namespace: 'team-a',
    Environment: 'prod',
    image: 'web:2',
    'spec.replicas': 3,
    'spec.template.metadata.labels': j({ app: 'web', tier: 'front' }),
    volumes: j([
      { name: 'db', secret: { secretName: 'db' } },
      { name: 'tmp', emptyDir: {} },
    ]),
    runAsUser: 1000,
    priorityClassName: 'high',
  },
  {
    'Resource ID': 'staging/web',
    Type: 'k8s:Deployment',
    Name: 'web',
    Namespace: 'staging',
    Environment: 'staging',
    image: 'web:1',
    'spec.replicas': 1,
    'spec.template.metadata.labels': j({ app: 'web' }),
    runAsUser: 1000,
    priorityClassName: 'low',
  },
  {
    'Resource ID': 'team-b/api',
    Type: 'k8s:Deployment',
    Name: 'api',
    Namespace: 'team-b',
    Environment: 'prod',
    image: 'api:1',
    'spec.replicas': 2,
    'spec.template.metadata.labels': j({ app: 'api' }),
    volumes: j([{ name: 'creds', secret: { secretName: 'creds' } }]),
    runAsUser: 2000,
    priorityClassName: 'high',
  },
  {
    'Resource ID': 'team-a/web-pdb',
    Type: 'k8s:PodDisruptionBudget',
    Name: 'web-pdb',
    Namespace: 'team-a',
    'spec.selector': j({
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }],
    }),
  },
  {
    'Resource ID': 'team-a/web-svc',
    Type: 'k8s:Service',
    Name: 'web-svc',
    Namespace: 'team-a',
    'spec.selector': j({ app: 'web' }),
  },
  {
    'Resource ID': 'team-a/db',
    Type: 'k8s:Secret',
    Name: 'db',
    Namespace: 'team-a',
    'metadata.labels': j({ tier: 'app' }),
  },
  { 'Resource ID': 'team-a/a', Type: 'k8s:Ingress', Namespace: 'team-a', hosts: j(['a.example.com']) },
  {
    'Resource ID': 'team-b/a',
    Type: 'k8s:Ingress',
    Namespace: 'team-b',
    hosts: j(['A.example.com', 'b.example.com']),
  },
  { 'Resource ID': 'team-b/c', Type: 'k8s:Ingress', Namespace: 'team-b', hosts: j(['c.example.com']) },
];

const priorities: Grid = sheet('Priorities', [
  { Namespace: 'team-a', Class: 'high' },
  { Namespace: 'team-a', Class: 'medium' },
  { Namespace: 'team-b', Class: 'low' },
]);

function run(rule: RuleRow) {
  return validate([rulesGrid([rule]), sheet('Resources', cluster), priorities], { now: NOW });
}

/** `id:STATUS` for every judged resource, in sheet order. */
function statuses(rule: RuleRow): string {
  return run(rule)
    .results.toArray()
    .filter((r) => r.status !== 'NOT_APPLICABLE')
    .map((r) => `${r.resource?.id}:${r.status}`)
    .join(' ');
}

describe('rule → status of each resource', () => {
  const cases: [string, RuleRow, string][] = [
    [
      'a lookup by a field: the namespace of the workload has an owner annotation',
      {
        type: 'k8s:Deployment',
        condition: 'lookup(metadata.annotations.owner from k8s:Namespace where Name = Namespace) exists',
      },
      // staging has no Namespace resource: the lookup is missing, and exists fails on missing.
      'team-a/web:PASS staging/web:FAIL team-b/api:FAIL',
    ],
    [
      'a lookup by ID',
      {
        type: 'k8s:Deployment',
        condition: 'lookup(Name from k8s:Namespace where ID = Namespace) = Namespace',
      },
      'team-a/web:PASS staging/web:FAIL team-b/api:PASS',
    ],
    [
      'every Secret a workload mounts is labelled tier=app (volumes without a Secret are not looked up)',
      {
        type: 'k8s:Deployment',
        condition:
          'lookup(metadata.labels.tier from k8s:Secret where Namespace = Namespace and Name = volumes[*].secret.secretName) = "app"',
      },
      'team-a/web:PASS staging/web:PASS team-b/api:FAIL',
    ],
    [
      'inside a quantifier a clause reads the element: each mounted Secret exists',
      {
        type: 'k8s:Deployment',
        condition:
          'all(volumes[*], secret does not exist or lookup(Name from k8s:Secret where Name = secret.secretName) exists)',
      },
      'team-a/web:PASS staging/web:PASS team-b/api:FAIL',
    ],
    [
      'the staging Deployment with the same name runs the same image',
      {
        type: 'k8s:Deployment',
        appliesWhen: 'Environment = "prod"',
        condition: 'image = lookup(image from k8s:Deployment where Name = Name and Environment = "staging")',
      },
      'team-a/web:FAIL team-b/api:FAIL',
    ],
    [
      'no other Ingress uses the same host (hosts compare ignoring case)',
      { type: 'k8s:Ingress', condition: 'others(k8s:Ingress where hosts[*] = hosts[*]) is empty' },
      'team-a/a:FAIL team-b/a:FAIL team-b/c:PASS',
    ],
    [
      'a field holding a list, written without [*], finds by any of its elements',
      { type: 'k8s:Ingress', condition: 'others(k8s:Ingress where hosts = hosts) is empty' },
      'team-a/a:FAIL team-b/a:FAIL team-b/c:PASS',
    ],
    [
      'no two workloads share a runAsUser',
      { type: 'k8s:Deployment', condition: 'others("k8s:*" where runAsUser = runAsUser) is empty' },
      'team-a/web:FAIL staging/web:FAIL team-b/api:PASS',
    ],
    [
      'every Deployment with more than one replica is selected by a PodDisruptionBudget in its namespace',
      {
        type: 'k8s:Deployment',
        appliesWhen: 'spec.replicas > 1',
        condition:
          'count(others(k8s:PodDisruptionBudget where Namespace = Namespace and spec.selector selects spec.template.metadata.labels)) at least 1',
      },
      'team-a/web:PASS team-b/api:FAIL',
    ],
    [
      'a Service selects some workload (a plain selector map, "is selected by")',
      {
        type: 'k8s:Service',
        condition:
          'count(others(k8s:Deployment where Namespace = Namespace and spec.template.metadata.labels is selected by spec.selector)) at least 1',
      },
      'team-a/web-svc:PASS',
    ],
    [
      'every namespace has a Deployment',
      { type: 'k8s:Namespace', condition: 'count(others(k8s:Deployment where Namespace = Name)) at least 1' },
      'team-a:PASS team-b:PASS',
    ],
    [
      'at most 1 Ingress per namespace',
      { type: 'k8s:Namespace', condition: 'count(others(k8s:Ingress where Namespace = Name)) at most 1' },
      'team-a:PASS team-b:FAIL',
    ],
    [
      'keyed sheet list: the priority class is allowed for the namespace',
      {
        type: 'k8s:Deployment',
        field: 'priorityClassName',
        operator: 'is one of',
        expected: "'Priorities'!Class where Namespace = Namespace",
      },
      // staging has no rows in Priorities: nothing is allowed there.
      'team-a/web:PASS staging/web:FAIL team-b/api:FAIL',
    ],
    [
      'selects as an ordinary operator, row form',
      {
        type: 'k8s:PodDisruptionBudget',
        field: 'spec.selector',
        operator: 'selects',
        expected: 'app=web, tier=back',
      },
      'team-a/web-pdb:PASS',
    ],
  ];
  it.each(cases)('%s', (_title, rule, expected) => {
    const out = run(rule);
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(statuses(rule)).toBe(expected);
  });
});

describe('label selectors, each operator', () => {
  const labels = j({ app: 'web', tier: 'front' });
  const cases: [unknown, string][] = [
    [{ matchLabels: { app: 'web' } }, 'PASS'],
    [{ matchLabels: { app: 'api' } }, 'FAIL'],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] }, 'PASS'],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, 'FAIL'],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, 'PASS'],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, 'PASS'],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, 'FAIL'],
    [{}, 'PASS'],
    [{ app: 'WEB' }, 'PASS'],
    [{ matchExpressions: [{ key: 'app', operator: 'Like' }] }, 'FAIL'],
    ['app=web', 'PASS'],
  ];
  it.each(cases)('%j selects {app: web, tier: front} → %s', (selector, status) => {
    const out = validate(
      [
        rulesGrid([{ condition: 'spec.selector selects labels' }]),
        sheet('Resources', [
          {
            'Resource ID': 'x',
            Type: 'bucket',
            'spec.selector': typeof selector === 'string' ? selector : j(selector),
            labels,
          },
        ]),
      ],
      { now: NOW },
    );
    expect(
      out.results
        .toArray()
        .map((r) => r.status)
        .join(),
    ).toBe(status);
  });
});

describe('messages say what was looked for and who else', () => {
  it('a lookup that finds nothing is missing, and says what it looked for', () => {
    const r = run({
      type: 'k8s:Deployment',
      condition: 'lookup(metadata.annotations.owner from k8s:Namespace where Name = Namespace) exists',
    });
    const staging = r.results.toArray().find((x) => x.resource?.id === 'staging/web');
    expect(staging?.message).toContain(
      'lookup(metadata.annotations.owner from k8s:Namespace where Name equals Namespace) is missing',
    );
    expect(staging?.message).toContain('(found no k8s:Namespace where Name is "staging")');
    const api = r.results.toArray().find((x) => x.resource?.id === 'team-b/api');
    expect(api?.message).toContain('(k8s:Namespace team-b has no metadata.annotations.owner)');
  });
  it('unique: the FAIL names the other resource', () => {
    const r = run({
      type: 'k8s:Ingress',
      condition: 'others(k8s:Ingress where hosts[*] = hosts[*]) is empty',
    });
    expect(r.results.toArray().find((x) => x.resource?.id === 'team-a/a')?.message).toContain('team-b/a');
  });
  it('a keyed list with no rows for the key says so', () => {
    const r = run({
      type: 'k8s:Deployment',
      field: 'priorityClassName',
      operator: 'is one of',
      expected: "'Priorities'!Class where Namespace = Namespace",
    });
    expect(r.results.toArray().find((x) => x.resource?.id === 'staging/web')?.message).toBe(
      '\'Priorities\'!Class has no rows where Namespace is "staging"',
    );
  });
});

describe('problems with their cells, never a throw', () => {
  // Row 1 of the Rules grid; column 5 is Expected, 7 is Condition.
  const problemOf = (rule: RuleRow) =>
    run(rule).problems.map((p) => `${p.code}@${p.location.row},${p.location.col}`);
  it.each([
    [{ condition: 'lookup(x from k8s:Namespce where Name = Namespace) exists' }, 'unknown_lookup_type@1,7'],
    // However deep the lookup stands: in arithmetic, a count's where, a quantifier's where.
    [
      { condition: 'lookup(x from k8s:Namespce where Name = Namespace) + 1 at most 3' },
      'unknown_lookup_type@1,7',
    ],
    [
      { condition: 'count(ports[*] where lookup(x from k8s:Namespce where Name = Namespace) exists) = 0' },
      'unknown_lookup_type@1,7',
    ],
    [
      { condition: 'all(ports[*] where lookup(x from k8s:Namespce where Name = Namespace) exists, x = 1)' },
      'unknown_lookup_type@1,7',
    ],
    [{ condition: 'others(k8s:Namespace where Name contains Namespace) is empty' }, 'expression_syntax@1,7'],
    [{ condition: 'lookup(x from k8s:Namespace) exists' }, 'expression_syntax@1,7'],
    [
      { field: 'a', operator: 'is one of', expected: "'Priorities'!Class where Nmespace = Namespace" },
      'unknown_column_ref@1,5',
    ],
    [{ field: 'a', operator: 'selects', expected: 5 }, 'invalid_selector@1,5'],
    [
      { condition: 'lookup(metadata.annotaions.owner from k8s:Namespace where Name = Namespace) exists' },
      'unknown_lookup_field@1,7',
    ],
    [{ condition: 'others(k8s:Namespace where Nme = Namespace) is empty' }, 'unknown_lookup_field@1,7'],
    [{ condition: 'lookup(Name from k8s:Namespace where Name = Namespce) exists' }, 'unknown_field@1,7'],
  ] as [RuleRow, string][])('%j → %s', (rule, code) => {
    expect(problemOf({ type: 'k8s:Deployment', ...rule })).toContain(code);
  });
  it('a lookup by ID or a known field is not warned about', () => {
    const out = run({
      type: 'k8s:Deployment',
      condition: 'lookup(Name from k8s:Namespace where ID = Namespace) exists',
    });
    expect(out.problems).toEqual([]);
  });
  it('an unknown type suggests the near one', () => {
    const p = run({
      type: 'k8s:Deployment',
      condition: 'lookup(x from k8s:Namespce where Name = Namespace) exists',
    }).problems.find((x) => x.code === 'unknown_lookup_type');
    expect(p?.params.suggestion).toBe('k8s:Namespace');
  });
});

describe('cost: every index is built once a run', () => {
  it('rules asking the same question share one index; another question builds one more', () => {
    const rb = readRulebook([
      rulesGrid([
        {
          type: 'k8s:Deployment',
          condition: 'lookup(Name from k8s:Namespace where Name = Namespace) exists',
        },
        {
          type: 'k8s:Deployment',
          condition: 'count(others(k8s:Namespace where Name = Namespace)) at most 1',
        },
        { type: 'k8s:Ingress', condition: 'others(k8s:Ingress where hosts[*] = hosts[*]) is empty' },
      ]),
      sheet('Resources', cluster),
    ]);
    const indexes = new RunIndexes(rb.resources);
    const evaluation = evaluateRules(compileRulebook(rb), rb.resources, {
      nowMs: NOW.getTime(),
      across: indexes,
    });
    expect(evaluation.runs.map((r) => r.resources.length)).toEqual([3, 3, 3]);
    expect(indexes.indexesBuilt).toBe(2);
  });
});
