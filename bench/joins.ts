// `npm run bench -- --joins`: rules that reach across resources (lookups, uniqueness, selectors, keyed lists), timed.
import { performance } from 'perf_hooks';
import { CODE, compileRulebook, evaluateRules, readRulebook, type Cell, type Grid } from '../core';
import type { BenchSize } from './generate';
import { mulberry32 } from './prng';

/** The join rules: each reads other resources through an index built once a run. */
export const JOIN_RULES: Cell[][] = [
  ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Condition', 'Applies When'],
  [
    'J-1',
    'The namespace names an owner',
    'k8s:Deployment',
    null,
    null,
    null,
    'lookup(metadata.annotations.owner from k8s:Namespace where Name = Namespace) exists',
    null,
  ],
  [
    'J-2',
    'Deployments with replicas have a budget',
    'k8s:Deployment',
    null,
    null,
    null,
    'count(others(k8s:PodDisruptionBudget where Namespace = Namespace and spec.selector selects spec.template.metadata.labels)) at least 1',
    'spec.replicas > 1',
  ],
  [
    'J-3',
    'No other Ingress uses the same host',
    'k8s:Ingress',
    null,
    null,
    null,
    'others(k8s:Ingress where hosts[*] = hosts[*]) is empty',
    null,
  ],
  [
    'J-4',
    'Every namespace has a NetworkPolicy',
    'k8s:Namespace',
    null,
    null,
    null,
    'count(others(k8s:NetworkPolicy where Namespace = Name)) at least 1',
    null,
  ],
  [
    'J-5',
    'At most 30 Pods per node',
    'k8s:Node',
    null,
    null,
    null,
    'count(others(k8s:Pod where spec.nodeName = Name)) at most 30',
    null,
  ],
  [
    'J-6',
    'The priority class is allowed in the namespace',
    'k8s:Deployment',
    'priorityClassName',
    'is one of',
    "'Priorities'!Class where Namespace = Namespace",
    null,
    null,
  ],
  [
    'J-7',
    'No two Pods share a runAsUser in a namespace',
    'k8s:Pod',
    null,
    null,
    null,
    'others(k8s:Pod where Namespace = Namespace and runAsUser = runAsUser) is empty',
    null,
  ],
];

const HEADERS = [
  'Resource ID',
  'Type',
  'Name',
  'Namespace',
  'metadata.annotations',
  'spec.replicas',
  'spec.template.metadata.labels',
  'spec.selector',
  'hosts',
  'spec.nodeName',
  'priorityClassName',
  'runAsUser',
];

/**
 * A cluster of `size.resources` objects: one namespace and one NetworkPolicy (most namespaces) per 50, then
 * Deployments, budgets for about half of them, Ingresses whose hosts sometimes repeat, Pods on nodes.
 */
export function generateJoinWorkbook(size: BenchSize): Grid[] {
  const rng = mulberry32(size.seed);
  const rows: Cell[][] = [HEADERS];
  const n = Math.max(10, size.resources);
  const namespaces = Math.max(1, Math.floor(n / 50));
  const nodes = Math.max(1, Math.floor(n / 40));
  const row = (
    id: string,
    type: string,
    name: string,
    ns: string | null,
    cells: Partial<Record<string, Cell>>,
  ) =>
    rows.push(
      HEADERS.map((h, i) =>
        i === 0 ? id : i === 1 ? type : i === 2 ? name : i === 3 ? ns : (cells[h] ?? null),
      ),
    );
  for (let i = 0; i < namespaces; i++) {
    const ns = `ns-${i}`;
    row(ns, 'k8s:Namespace', ns, null, {
      'metadata.annotations': rng.chance(0.8) ? '{"owner":"ops"}' : '{}',
    });
    if (rng.chance(0.9)) row(`${ns}/deny-all`, 'k8s:NetworkPolicy', 'deny-all', ns, {});
  }
  for (let i = 0; i < nodes; i++) row(`node-${i}`, 'k8s:Node', `node-${i}`, null, {});
  let made = rows.length - 1;
  for (let i = 0; made < n; i++) {
    const ns = `ns-${rng.int(0, namespaces - 1)}`;
    const app = `app-${i}`;
    const pick = i % 4;
    if (pick === 0) {
      row(`${ns}/${app}`, 'k8s:Deployment', app, ns, {
        'spec.replicas': rng.int(1, 4),
        'spec.template.metadata.labels': JSON.stringify({ app, tier: rng.pick(['front', 'back']) }),
        priorityClassName: rng.pick(['high', 'medium', 'low']),
      });
      if (rng.chance(0.5))
        row(`${ns}/${app}-pdb`, 'k8s:PodDisruptionBudget', `${app}-pdb`, ns, {
          'spec.selector': JSON.stringify({
            matchLabels: { app },
            matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }],
          }),
        });
    } else if (pick === 1) {
      row(`${ns}/${app}-ing`, 'k8s:Ingress', `${app}-ing`, ns, {
        hosts: JSON.stringify([`h${rng.int(0, n)}.example.com`]),
      });
    } else {
      row(`${ns}/${app}-pod`, 'k8s:Pod', `${app}-pod`, ns, {
        'spec.nodeName': `node-${rng.int(0, nodes - 1)}`,
        runAsUser: 1000 + rng.int(0, 5000),
      });
    }
    made = rows.length - 1;
  }
  const priorities: Cell[][] = [['Namespace', 'Class']];
  for (let i = 0; i < namespaces; i++)
    for (const c of ['high', 'medium']) if (rng.chance(0.7)) priorities.push([`ns-${i}`, c]);
  return [
    { name: 'Rules', rows: JOIN_RULES },
    { name: 'Resources', rows },
    { name: 'Priorities', rows: priorities },
  ];
}

export interface JoinFigures {
  resources: number;
  checks: number;
  failing: number;
  /** Median compile + evaluate, seconds. */
  seconds: number;
  /** Pairs of resources a check that scanned every resource of the other type would have visited. */
  scanPairs: number;
}

/** Times compile + evaluate of the join rules (the median of `runs` after one cold run). */
export function benchJoins(size: BenchSize, runs: number): JoinFigures {
  const grids = generateJoinWorkbook(size);
  const rulebook = readRulebook(grids);
  const byType = new Map<string, number>();
  for (const r of rulebook.resources) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  const times: number[] = [];
  let checks = 0;
  let failing = 0;
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const compiled = compileRulebook(rulebook);
    const evaluation = evaluateRules(compiled, rulebook.resources, { nowMs: Date.UTC(2026, 10, 28) });
    const seconds = (performance.now() - start) / 1000;
    if (i > 0) times.push(seconds);
    checks = 0;
    failing = 0;
    for (const run of evaluation.runs)
      for (const code of run.codes) {
        if (code !== CODE.NOT_APPLICABLE) checks++;
        if (code === CODE.FAIL) failing++;
      }
  }
  times.sort((a, b) => a - b);
  // What a per-resource scan would cost: each checked resource against every resource of the type it reads.
  const reads: [string, string][] = [
    ['k8s:Deployment', 'k8s:Namespace'],
    ['k8s:Deployment', 'k8s:PodDisruptionBudget'],
    ['k8s:Ingress', 'k8s:Ingress'],
    ['k8s:Namespace', 'k8s:NetworkPolicy'],
    ['k8s:Node', 'k8s:Pod'],
    ['k8s:Pod', 'k8s:Pod'],
  ];
  const scanPairs = reads.reduce((sum, [a, b]) => sum + (byType.get(a) ?? 0) * (byType.get(b) ?? 0), 0);
  return {
    resources: rulebook.resources.length,
    checks,
    failing,
    seconds: times[Math.floor(times.length / 2)] ?? 0,
    scanPairs,
  };
}

export function joinLines(f: JoinFigures, rules: number): string[] {
  const perSecond = f.seconds > 0 ? Math.round(f.checks / f.seconds) : 0;
  return [
    `joins: ${rules} rules that reach across resources, ${f.resources.toLocaleString('en-US')} resources`,
    `  compile + evaluate ${(f.seconds * 1000).toFixed(1)} ms (median), ${f.checks.toLocaleString('en-US')} checks, ${perSecond.toLocaleString('en-US')} checks/s, ${f.failing.toLocaleString('en-US')} failing`,
    `  a per-resource scan would compare ${f.scanPairs.toLocaleString('en-US')} pairs; the indexes are built once a run`,
  ];
}
