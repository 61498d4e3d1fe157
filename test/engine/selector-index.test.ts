// Selector clauses with no equal clause are narrowed by a label-pair index: the same matches, in sheet order, as a scan.
import { validate, type Cell } from '../../core';
import { readLabels, readSelector, selects, type Labels, type Selector } from '../../core/values/selector';
import { NOW, rulesGrid, sheet } from './one-rule';

const j = (v: unknown) => JSON.stringify(v);

/** Budgets' selectors: matchLabels, In with several values, only NotIn / Exists, empty, text, a plain map, broken. */
const selectors: Cell[] = [
  j({ matchLabels: { app: 'web' } }),
  j({ matchLabels: { app: 'db', tier: 'back' } }),
  j({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }),
  j({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }),
  j({ matchExpressions: [{ key: 'canary', operator: 'Exists' }] }),
  j({}),
  'app=WEB, tier=front',
  j({ app: 'db' }),
  j({ matchExpressions: [{ key: 'app', operator: 'Like' }] }),
  null,
];
/** Workloads' labels. */
const labels: Cell[] = [
  j({ app: 'web', tier: 'front' }),
  j({ app: 'db', tier: 'back' }),
  j({ app: 'cache', canary: 'yes' }),
  j({ APP: 'Web' }),
  'tier=back',
  j({}),
  null,
];

const budgets = selectors.map((s, i) => ({
  'Resource ID': `pdb-${i}`,
  Type: 'pdb',
  Name: `pdb-${i}`,
  'spec.selector': s,
}));
const workloads = labels.map((l, i) => ({ 'Resource ID': `w-${i}`, Type: 'w', Name: `w-${i}`, labels: l }));

/** A cell as the engine reads it: JSON text parsed, other text as it is. */
const cell = (c: Cell) => (String(c).startsWith('{') ? JSON.parse(String(c)) : String(c));
const holds = (s: Cell, l: Cell) => {
  if (s === null || l === null) return false;
  const a = readSelector(cell(s));
  const b = readLabels(cell(l));
  return typeof a === 'object' && typeof b === 'object' && selects(a as Selector, b as Labels);
};

function statuses(condition: string, type: string) {
  const out = validate([rulesGrid([{ condition, type }]), sheet('Resources', [...budgets, ...workloads])], {
    now: NOW,
  });
  return new Map(out.results.toArray().map((r) => [r.resource?.id, r.status]));
}

describe('selects without an equal clause, through the label index', () => {
  const scan = (l: Cell) => budgets.filter((b) => holds(b['spec.selector'], l));
  test.each(workloads.map((w) => [w['Resource ID'], w.labels] as const))(
    '%s: the budgets that select it, counted and first found, as a scan finds them',
    (id, l) => {
      const found = scan(l);
      const count = statuses(`count(others(pdb where spec.selector selects labels)) = ${found.length}`, 'w');
      expect([id, count.get(id)]).toEqual([id, 'PASS']);
      const first = found[0]?.Name;
      const lookup = statuses(
        first === undefined
          ? 'lookup(Name from pdb where spec.selector selects labels) is missing'
          : `lookup(Name from pdb where spec.selector selects labels) = "${first}"`,
        'w',
      );
      expect([id, lookup.get(id)]).toEqual([id, 'PASS']);
    },
  );
});

describe('is selected by without an equal clause, through the label index', () => {
  test.each(budgets.map((b) => [b['Resource ID'], b['spec.selector']] as const))(
    '%s: the workloads it selects, counted, as a scan finds them',
    (id, s) => {
      const n = workloads.filter((w) => holds(s, w.labels)).length;
      const count = statuses(`count(others(w where labels is selected by spec.selector)) = ${n}`, 'pdb');
      expect([id, count.get(id)]).toEqual([id, 'PASS']);
    },
  );
});
