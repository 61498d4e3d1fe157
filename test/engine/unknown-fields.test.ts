// A rule that reads a column no resource of its types has gets a warning on the cell, with a did-you-mean.
import { formatProblem, validate } from '../../core';
import type { Cell, Grid } from '../../core';
import { NOW, rulesGrid, sheet, type RuleRow } from './one-rule';

const BUCKETS = sheet('Resources - Storage', [
  {
    'Resource ID': 'b1',
    Type: 'bucket',
    Environment: 'prod',
    'logging.enabled': true,
    encryption: '{"on": true}',
  },
]);
const USERS = sheet('Resources - People', [{ 'Resource ID': 'u1', Type: 'user', mfa: true }]);

function problemsOf(rule: RuleRow, extra: Grid[] = []): string[] {
  return validate([rulesGrid([rule]), BUCKETS, USERS, ...extra], { now: NOW }).problems.map(formatProblem);
}

const missing = (cell: string, path: string, suggestion?: string) =>
  `Rules!${cell}: No resource of the rule's types has a column '${path}', so it is missing on every resource.` +
  (suggestion ? ` Did you mean '${suggestion}'?` : '');

describe('paths no resource of the rule’s types has', () => {
  test.each<[RuleRow, string[]]>([
    // the rule → its warnings
    [
      { field: 'Enviroment', operator: 'equals', expected: 'prod' },
      [missing('D2', 'Enviroment', 'Environment')],
    ],
    [{ field: 'loging.enabled', operator: 'is true' }, [missing('D2', 'loging.enabled', 'logging.enabled')]],
    [{ field: 'owner_email', operator: 'does not exist' }, [missing('D2', 'owner_email')]],
    [
      { condition: 'Enviroment = "prod" and logging.enabled is true' },
      [missing('H2', 'Enviroment', 'Environment')],
    ],
    [{ condition: 'count(tag) at least 1' }, [missing('H2', 'tag')]],
    [{ condition: 'all(containers[*], image exists)' }, [missing('H2', 'containers[*]')]],
    [
      { field: 'logging.enabled', operator: 'is true', appliesWhen: 'enviroment = "prod"' },
      [missing('I2', 'enviroment', 'Environment')],
    ],
    // Said once a cell, however often the path is read there.
    [{ condition: 'x = 1 or x = 2' }, [missing('H2', 'x')]],
    // A rule of several types: a path that some sheet of them has is fine (Environment), one none has is not.
    [
      { condition: 'spec.minReplicas at most Environment', type: 'bucket, user' },
      [missing('H2', 'spec.minReplicas')],
    ],
    // mfa is a column, but of users: this rule reads buckets.
    [{ field: 'mfa', operator: 'is true' }, [missing('D2', 'mfa')]],
  ])('%j', (rule, expected) => {
    expect(problemsOf(rule)).toEqual(expected);
  });

  test.each<[RuleRow]>([
    [{ field: 'environment', operator: 'equals', expected: 'prod' }],
    [{ field: 'LOGGING.ENABLED', operator: 'is true' }],
    // encryption holds JSON: the rest of the path is inside it.
    [{ field: 'encryption.on', operator: 'is true' }],
    [{ field: 'mfa', operator: 'is true', type: 'user' }],
    [{ field: 'mfa', operator: 'is true', type: '*' }],
    // Element paths are about each element; first() falls back across paths on purpose.
    [{ condition: 'any(encryption, anything = 1)' }],
    [{ condition: 'first(retention, Environment) exists' }],
  ])('no warning: %j', (rule) => {
    expect(problemsOf(rule)).toEqual([]);
  });

  test('a sheet with a Document column may hold any path, so nothing is said', () => {
    const docs = sheet('Resources - Docs', [{ 'Resource ID': 'd1', Type: 'doc', Document: '{"a": 1}' }]);
    expect(problemsOf({ field: 'anything.at.all', operator: 'exists', type: 'doc' }, [docs])).toEqual([]);
  });

  test('disabled and broken rules, and types with no resources, get no such warning', () => {
    const disabled: Grid = rulesGrid([{ field: 'nope', operator: 'exists' }]);
    disabled.rows[0].push('Enabled');
    (disabled.rows[1] as Cell[]).push(false);
    expect(validate([disabled, BUCKETS], { now: NOW }).problems.map(formatProblem)).toEqual([]);
    expect(
      problemsOf({ field: 'nope', operator: 'equal', expected: 1 }).some((p) => p.includes('column')),
    ).toBe(false);
    expect(problemsOf({ field: 'nope', operator: 'exists', type: 'vm' })).toEqual([
      "Rules!C2: No resource has type 'vm', so the rule checks nothing.",
    ]);
  });

  test('the warning is the rule’s too, so its Problems cell shows it', () => {
    const out = validate([rulesGrid([{ field: 'Enviroment', operator: 'exists' }]), BUCKETS], { now: NOW });
    expect(out.results.toArray().map((r) => r.status)).toEqual(['FAIL']);
    const rules = out.patches.find((p) => p.sheet === 'Rules');
    expect(JSON.stringify(rules)).toContain("Did you mean 'Environment'?");
  });
});
