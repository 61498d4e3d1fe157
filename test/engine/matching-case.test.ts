// The `… matching case` operators: text compared letter for letter, in row form, in conditions and over columns.
import { runRule, statusOf } from './one-rule';

describe('row form: Operator "… matching case" → status', () => {
  const drop = (list: string[]) => ({ 'securityContext.capabilities.drop': JSON.stringify(list) });
  const cases: [string, string, string, Record<string, string>, string][] = [
    ['kind', 'equals matching case', 'Deployment', { kind: 'Deployment' }, 'PASS'],
    ['kind', 'equals matching case', 'Deployment', { kind: 'deployment' }, 'FAIL'],
    ['kind', 'equals', 'Deployment', { kind: 'deployment' }, 'PASS'],
    ['kind', 'does not equal matching case', 'Deployment', { kind: 'deployment' }, 'PASS'],
    ['replicas', 'equals matching case', '3', { replicas: '3.0' }, 'PASS'],
    ['enabled', 'equals matching case', 'TRUE', { enabled: 'true' }, 'PASS'],
    ['securityContext.capabilities.drop', 'includes matching case', 'ALL', drop(['ALL']), 'PASS'],
    ['securityContext.capabilities.drop', 'includes matching case', 'ALL', drop(['all']), 'FAIL'],
    ['securityContext.capabilities.drop', 'includes', 'ALL', drop(['all']), 'PASS'],
    [
      'securityContext.capabilities.drop',
      'includes any of matching case',
      'ALL, NET_RAW',
      drop(['net_raw']),
      'FAIL',
    ],
    [
      'securityContext.capabilities.drop',
      'includes all of matching case',
      'ALL, NET_RAW',
      drop(['NET_RAW', 'ALL']),
      'PASS',
    ],
    ['securityContext.capabilities.drop', 'includes none of matching case', 'ALL', drop(['all']), 'PASS'],
    ['capability', 'is one of matching case', 'NET_BIND_SERVICE, CHOWN', { capability: 'chown' }, 'FAIL'],
    ['capability', 'is one of matching case', 'NET_BIND_SERVICE, CHOWN', { capability: 'CHOWN' }, 'PASS'],
    ['capability', 'is not one of matching case', 'SYS_ADMIN', { capability: 'sys_admin' }, 'PASS'],
    ['image', 'starts with matching case', 'Registry/', { image: 'registry/app' }, 'FAIL'],
    ['image', 'starts with matching case', 'Registry/', { image: 'Registry/app' }, 'PASS'],
    ['name', 'ends with matching case', '-PROD', { name: 'web-prod' }, 'FAIL'],
    ['name', 'does not end with matching case', '-PROD', { name: 'web-prod' }, 'PASS'],
    ['name', 'does not start with matching case', 'TMP-', { name: 'tmp-x' }, 'PASS'],
    ['description', 'contains matching case', 'PCI', { description: 'in pci scope' }, 'FAIL'],
    ['description', 'does not contain matching case', 'PCI', { description: 'in pci scope' }, 'PASS'],
  ];
  it.each(cases)('%s %s %s on %j → %s', (field, operator, expected, cells, status) => {
    expect(statusOf({ field, operator, expected }, cells)).toBe(status);
  });
});

test('a condition reads the operator too, and says it in Expected', () => {
  const rule = { condition: 'securityContext.capabilities.add[*] is not one of matching case "ALL"' };
  const [r] = runRule(rule, [{ 'securityContext.capabilities.add': '["ALL"]' }]);
  expect([r.status, r.expected]).toEqual(['FAIL', 'is not one of matching case ALL']);
  expect(statusOf(rule, { 'securityContext.capabilities.add': '["all"]' })).toBe('PASS');
});

test('one column holding ALL and all is judged value by value, each case on its own', () => {
  const results = runRule({ field: 'capability', operator: 'equals matching case', expected: 'ALL' }, [
    { capability: 'ALL' },
    { capability: 'all' },
    { capability: 'ALL' },
    { capability: 'All' },
  ]);
  expect(results.map((r) => r.status)).toEqual(['PASS', 'FAIL', 'PASS', 'FAIL']);
  const ignoring = runRule({ field: 'capability', operator: 'equals', expected: 'ALL' }, [
    { capability: 'ALL' },
    { capability: 'all' },
  ]);
  expect(ignoring.map((r) => r.status)).toEqual(['PASS', 'PASS']);
});
