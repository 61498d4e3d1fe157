// Quantities, durations and arithmetic through the whole engine: rule row, resource row → status, and what it says.
import type { Cell } from '../../core';
import { validate } from '../../core';
import { NOW, resourcesGrid, rulesGrid, runRule, type RuleRow } from './one-rule';

const pod = (resources: unknown) => ({
  podSpec: JSON.stringify({ containers: [{ name: 'app', resources }] }),
});

/** status | message of one rule on one resource. */
function judged(rule: RuleRow, cells: Record<string, Cell>): string {
  const [r] = runRule(rule, [cells]);
  return r.status === 'PASS' ? 'PASS' : `${r.status} | ${r.message}`;
}

describe('row form: Expected with a unit', () => {
  test.each<[string, string, Cell, Record<string, Cell>, string]>([
    ['cpu', 'at most', '1000m', { cpu: '1' }, 'PASS'],
    ['cpu', 'at most', '500m', { cpu: '1' }, 'FAIL | cpu is 1; expected at most 500m'],
    ['memory', 'equals', '1Gi', { memory: '1024Mi' }, 'PASS'],
    ['memory', 'at most', '1Gi', { memory: 536870912 }, 'PASS'],
    ['memory', 'less than', '1Gi', { memory: '2e3' }, 'PASS'],
    ['memory', 'at most', '1Gi', { memory: null }, 'FAIL | memory is missing; expected at most 1Gi'],
    [
      'memory',
      'at most',
      '1Gi',
      { memory: 'lots' },
      'ERROR | memory is "lots", which is not a Kubernetes quantity (such as 500m, 1Gi or 2e3), so it cannot be compared with at most 1Gi',
    ],
    ['timeout', 'at most', '8h', { timeout: '4h30m' }, 'PASS'],
    ['timeout', 'at most', '8h', { timeout: 'PT9H' }, 'FAIL | timeout is PT9H; expected at most 8h'],
    ['retention', 'at least', 'P30D', { retention: '720h' }, 'PASS'],
    [
      'timeout',
      'at most',
      '8h',
      { timeout: 3600 },
      'ERROR | timeout is 3600, which is a number without a unit, not a duration (write durations as 90s, 4h30m or PT4H), so it cannot be compared with at most 8h',
    ],
  ])('%s %s %p on %p', (field, operator, expected, cells, out) => {
    expect(judged({ field, operator, expected }, cells)).toBe(out);
  });

  test('per container, under Match', () => {
    const rule = {
      field: 'podSpec.containers[*].resources.limits.memory',
      operator: 'at most',
      expected: '1Gi',
    };
    expect(judged(rule, pod({ limits: { memory: '512Mi' } }))).toBe('PASS');
    expect(judged(rule, pod({ limits: { memory: '2Gi' } }))).toBe(
      'FAIL | container "app": resources.limits.memory is 2Gi; expected at most 1Gi (1 of 1 container fails)',
    );
  });
});

describe('expression form: arithmetic and units', () => {
  const limits = (limit: unknown, request: unknown) => ({
    limits: JSON.stringify({ memory: limit }),
    requests: JSON.stringify({ memory: request }),
  });
  test.each<[string, Record<string, Cell>, string]>([
    ['limits.memory / requests.memory at most 2.5', limits('1Gi', '512Mi'), 'PASS'],
    [
      'limits.memory / requests.memory at most 2.5',
      limits('4Gi', '1Gi'),
      'FAIL | limits.memory / requests.memory is 4; expected at most 2.5',
    ],
    [
      'limits.memory / requests.memory at most 2.5',
      limits('1Gi', '0'),
      'ERROR | limits.memory / requests.memory cannot be computed: requests.memory is 0, and there is no dividing by zero',
    ],
    [
      'limits.memory / requests.memory at most 2.5',
      limits('1Gi', null),
      'FAIL | limits.memory / requests.memory is missing; expected at most 2.5',
    ],
    [
      'limits.memory / requests.memory at most 2.5',
      limits('1Gi', 'big'),
      'ERROR | limits.memory / requests.memory cannot be computed: requests.memory is "big", which is not a number, a quantity or a duration',
    ],
    ['limits.memory - requests.memory at most 512Mi', limits('1Gi', '512Mi'), 'PASS'],
    ['(a + b) * 2 = 10', { a: 2, b: '3' }, 'PASS'],
    ['a + b * 2 = 8', { a: 2, b: '3' }, 'PASS'],
    ['cpu at most 1', { cpu: '500m' }, 'FAIL | cpu is "500m", which is not a number; expected at most 1'],
    ['quantity(cpu) at most 1', { cpu: '500m' }, 'PASS'],
    [
      'quantity(cpu) at most 1',
      { cpu: 'half' },
      'ERROR | quantity(cpu) cannot be computed: cpu is "half", which is not a Kubernetes quantity (such as 500m, 1Gi or 2e3)',
    ],
    ['cpu at most 500m', { cpu: '0.25' }, 'PASS'],
    ['setup + run at most 8h', { setup: '30m', run: '4h' }, 'PASS'],
    [
      'setup + run at most 8h',
      { setup: '4h', run: '4h30m' },
      'FAIL | setup + run is 8h30m; expected at most 8h',
    ],
    [
      'setup + run at most 8h',
      { setup: '4h', run: 3 },
      'ERROR | setup + run cannot be computed: cannot add a duration (4h) and a number (3)',
    ],
    ['run / setup = 2', { setup: '2h', run: '4h' }, 'PASS'],
    ['run at most "PT4H"', { run: '4h' }, 'PASS'],
    ['max-surge = 1', { 'max-surge': 1 }, 'PASS'],
    // Field against field: the right side's value, prepared per resource, decides as Expected does.
    ['requests.memory at most limits.memory', limits('1Gi', '512Mi'), 'PASS'],
    [
      'requests.memory at most limits.memory',
      limits('1Gi', '2048Mi'),
      'FAIL | requests.memory is 2048Mi; expected at most limits.memory (1Gi)',
    ],
    ['limits.memory equals requests.memory', limits('1Gi', '1024Mi'), 'PASS'],
  ])('%s on %p', (condition, cells, out) => {
    expect(judged({ condition }, cells)).toBe(out);
  });

  test('element by element inside a quantifier and across [*]', () => {
    const cells = {
      podSpec: JSON.stringify({
        containers: [
          { name: 'a', resources: { limits: { memory: '1Gi' }, requests: { memory: '512Mi' } } },
          { name: 'b', resources: { limits: { memory: '4Gi' }, requests: { memory: '1Gi' } } },
        ],
      }),
    };
    const within = 'resources.limits.memory / resources.requests.memory at most 2.5';
    expect(judged({ condition: `all(podSpec.containers[*], ${within})` }, cells)).toMatch(
      /^FAIL \| container "b"/,
    );
    expect(judged({ condition: `any(podSpec.containers[*], ${within})` }, cells)).toBe('PASS');
    expect(
      judged(
        {
          condition:
            'podSpec.containers[*].resources.limits.memory / podSpec.containers[*].resources.requests.memory at most 4',
        },
        cells,
      ),
    ).toBe('PASS');
  });

  test.each<[RuleRow, string]>([
    [{ field: 'memory', operator: 'at most', expected: '1Gi' }, 'Every bucket: memory at most 1Gi'],
    [{ field: 'run', operator: '<=', expected: 'PT4H' }, 'Every bucket: run at most "PT4H"'],
    [{ condition: 'limits.memory/requests.memory <= 2.5' }, 'problem'], // run on to a name, / is part of it
    [
      { condition: '(limits.memory)/requests.memory  <=  2.5' },
      'Every bucket: limits.memory / requests.memory at most 2.5',
    ],
    [
      { condition: '(limits.memory) / requests.memory  <=  2.5' },
      'Every bucket: limits.memory / requests.memory at most 2.5',
    ],
  ])('Reads As %j', (rule, readsAs) => {
    const out = validate([rulesGrid([rule]), resourcesGrid([{ memory: '1Gi' }])], { now: NOW });
    const rules = out.patches.find((p) => p.kind === 'columns' && p.sheet === 'Rules');
    const got = rules && rules.kind === 'columns' ? rules.columns[0].values[1] : undefined;
    if (readsAs === 'problem') expect(out.problems.map((p) => p.code)).toContain('invalid_path');
    else expect(got).toBe(readsAs);
  });
});
