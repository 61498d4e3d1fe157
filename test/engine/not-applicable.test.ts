// A rule that does not judge a resource of its type says why: Business Unit scope or Applies When.
import { runRule, type RuleRow } from './one-rule';

describe('NOT_APPLICABLE carries its reason', () => {
  test.each<[RuleRow, Record<string, string>, string | undefined]>([
    // the rule, the resource → the status and message
    [
      { field: 'versioning', operator: 'exists', businessUnit: 'Finance' },
      { 'Business Unit': 'HR' },
      'Not checked: the resource has Business Unit "HR"; the rule applies only to Finance',
    ],
    [
      { field: 'versioning', operator: 'exists', businessUnit: 'Finance, Payments' },
      { 'Business Unit': '' },
      'Not checked: the resource has no Business Unit; the rule applies only to Finance, Payments',
    ],
    [
      { field: 'versioning', operator: 'exists', appliesWhen: 'Environment = "prod"' },
      { Environment: 'dev' },
      'Not checked: Applies When (Environment = "prod") is false for this resource',
    ],
    // Scope is checked first: a resource outside it is not read at all.
    [
      {
        field: 'versioning',
        operator: 'exists',
        businessUnit: 'Finance',
        appliesWhen: 'Environment = "prod"',
      },
      { 'Business Unit': 'HR', Environment: 'dev' },
      'Not checked: the resource has Business Unit "HR"; the rule applies only to Finance',
    ],
    [
      {
        field: 'versioning',
        operator: 'exists',
        businessUnit: 'Finance',
        appliesWhen: 'Environment = "prod"',
      },
      { 'Business Unit': 'finance', Environment: 'dev' },
      'Not checked: Applies When (Environment = "prod") is false for this resource',
    ],
  ])('%j on %j', (rule, resource, message) => {
    const [r] = runRule(rule, [resource]);
    expect({ status: r.status, message: r.message }).toEqual({ status: 'NOT_APPLICABLE', message });
  });

  test('a judged resource has no such message', () => {
    const [r] = runRule({ field: 'versioning', operator: 'exists', appliesWhen: 'Environment = "prod"' }, [
      { Environment: 'prod', versioning: 'Enabled' },
    ]);
    expect(r).toMatchObject({ status: 'PASS' });
    expect(r.message).toBeUndefined();
  });
});
