// The examples of "Quantities, durations and arithmetic" in docs/rule-language.md, evaluated: each condition and rule
// row of that section runs on resources that meet it and that do not, so the guide's claims are the engine's.
import * as fs from 'fs';
import * as path from 'path';
import { validate } from '../../core';
import type { Cell } from '../../core';
import { NOW, resourcesGrid, rulesGrid, type RuleRow } from '../engine/one-rule';

const page = fs.readFileSync(path.join(__dirname, '../../docs/rule-language.md'), 'utf8');
const section = page.split('## Quantities, durations and arithmetic')[1].split('\n## ')[0];

const json = (v: unknown) => JSON.stringify(v);
const containers = (...list: unknown[]) => ({ podSpec: json({ containers: list }) });
const mem = (limit: string, request: string) => ({
  resources: { limits: { memory: limit }, requests: { memory: request } },
});

/** For each example: resources that pass it, then resources that do not (status, or status and message part). */
const EXAMPLES: Record<string, [Record<string, Cell>, string][]> = {
  'podSpec.resources.limits.memory / podSpec.resources.requests.memory at most 2.5': [
    [{ podSpec: json(mem('1Gi', '512Mi')) }, 'PASS'],
    [{ podSpec: json(mem('4Gi', '1Gi')) }, 'FAIL'],
    [{ podSpec: json(mem('1Gi', '0')) }, 'ERROR no dividing by zero'],
  ],
  '(limits.cpu - requests.cpu) * 2 at most 1': [
    [{ limits: json({ cpu: '1' }), requests: json({ cpu: '500m' }) }, 'PASS'],
    [{ limits: json({ cpu: '2' }), requests: json({ cpu: '500m' }) }, 'FAIL'],
  ],
  'quantity(limits.cpu) at most 2': [
    [{ limits: json({ cpu: '1500m' }) }, 'PASS'],
    [{ limits: json({ cpu: '3' }) }, 'FAIL'],
    [{ limits: json({ cpu: 'many' }) }, 'ERROR not a Kubernetes quantity'],
  ],
  'all(podSpec.containers[*], resources.limits.memory - resources.requests.memory at most 512Mi)': [
    [containers(mem('1Gi', '512Mi')), 'PASS'],
    [containers(mem('1Gi', '512Mi'), mem('2Gi', '1Gi')), 'FAIL'],
  ],
  'setupTime + runTime at most 8h': [
    [{ setupTime: '30m', runTime: 'PT4H' }, 'PASS'],
    [{ setupTime: '1h', runTime: '7h30m' }, 'FAIL'],
    [{ setupTime: '1h', runTime: 3 }, 'ERROR cannot add a duration (1h) and a number (3)'],
  ],
  'K8S-020': [
    [containers({ resources: { limits: { memory: '1024Mi' } } }), 'PASS'],
    [containers({ resources: { limits: { memory: '1.5Gi' } } }), 'FAIL'],
  ],
  'K8S-021': [
    [containers({ resources: { limits: { cpu: '2' } } }), 'PASS'],
    [containers({ resources: { limits: { cpu: '2500m' } } }), 'FAIL'],
  ],
  'K8S-022': [
    [{ Document: json({ spec: { activeDeadlineSeconds: 3600 } }) }, 'PASS'],
    [{ Document: json({ spec: { activeDeadlineSeconds: 7200 } }) }, 'FAIL'],
  ],
  'CI-004': [
    [{ timeout: '4h30m' }, 'PASS'],
    [{ timeout: 'PT9H' }, 'FAIL'],
    [{ timeout: 3600 }, 'ERROR a number without a unit'],
  ],
  'IAM-030': [
    [{ maxSessionDuration: '12h' }, 'PASS'],
    [{ maxSessionDuration: 'P1D' }, 'FAIL'],
  ],
  'K8S-023': [
    [containers(mem('1Gi', '512Mi')), 'PASS'],
    [containers(mem('1Gi', '256Mi')), 'FAIL'],
  ],
};

const conditions = [...section.matchAll(/```condition\n([\s\S]*?)```/g)].flatMap((m) =>
  m[1].split('\n').filter((l) => l.trim() !== ''),
);
const rows = [...section.matchAll(/^\| ([A-Z0-9]+-\d+) +\|(.*)\|$/gm)];

function rowRule(id: string): RuleRow {
  // The table's header: the last header line above the row.
  const above = section.slice(0, section.indexOf(`| ${id} `)).split('\n');
  const header = above.filter((l) => l.startsWith('| Rule ID')).pop()!;
  const names = header
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
  const line = rows.find((r) => r[1] === id)![0];
  const cells = line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim().replace(/^`(.*)`$/, '$1'));
  const get = (name: string) => cells[names.indexOf(name)] || undefined;
  return {
    type: 'example',
    field: get('Field'),
    operator: get('Operator'),
    expected: get('Expected'),
    match: get('Match'),
    condition: get('Condition'),
  };
}

test('every example of the section is evaluated here', () => {
  expect([...conditions, ...rows.map((r) => r[1])].sort()).toEqual(Object.keys(EXAMPLES).sort());
});

describe.each(Object.entries(EXAMPLES))('%s', (example, cases) => {
  const rule: RuleRow = /^[A-Z0-9]+-\d+$/.test(example)
    ? rowRule(example)
    : { type: 'example', condition: example };
  test.each(cases)('on %j → %s', (cells, want) => {
    const [status, ...words] = want.split(' ');
    const out = validate([rulesGrid([rule]), resourcesGrid([{ Type: 'example', ...cells }])], { now: NOW });
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const [result] = out.results;
    expect(result.status).toBe(status);
    if (words.length) expect(result.message).toContain(words.join(' '));
  });
});
