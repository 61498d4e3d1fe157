// A path read against a row cannot start with [*] or [0]: a row is not a list, so the rule would check nothing.
import { formatProblem, validate } from '../../core';
import { rulesGrid, resourcesGrid, NOW, type RuleRow } from './one-rule';

function run(rule: RuleRow) {
  const out = validate(
    [
      rulesGrid([rule]),
      resourcesGrid([
        { Document: '{"containers":[{"image":"nginx"}],"matrix":[[1],[2]]}' },
        { tags: '[1,2]' },
      ]),
    ],
    { now: NOW },
  );
  return { statuses: out.results.toArray().map((r) => r.status), problems: out.problems.map(formatProblem) };
}

const reason = (step: string) =>
  `a path cannot start with ${step}; name the list first, e.g. containers${step}.image.`;

describe('a path that starts with a list step is a problem on its cell', () => {
  test.each([
    // the rule → the problem it gets
    [{ field: '[*].a', operator: 'exists' }, `Rules!D2: '[*].a' is not a valid field path: ${reason('[*]')}`],
    [
      { field: ' [*]', operator: 'does not exist' },
      `Rules!D2: '[*]' is not a valid field path: ${reason('[*]')}`,
    ],
    [
      { field: '[0].image', operator: 'is empty' },
      `Rules!D2: '[0].image' is not a valid field path: ${reason('[0]')}`,
    ],
    [
      { field: '@[*].a', operator: 'exists' },
      `Rules!D2: '@[*].a' is not a valid field path: ${reason('[*]')}`,
    ],
    [{ condition: '[*].a exists' }, `Rules!H2: '[*].a' is not a valid field path: ${reason('[*]')}`],
    [
      { condition: 'name exists and [*].a exists' },
      `Rules!H2: '[*].a' is not a valid field path: ${reason('[*]')}`,
    ],
    [{ condition: 'all([*], @ exists)' }, `Rules!H2: '[*]' is not a valid field path: ${reason('[*]')}`],
    [{ condition: 'count([*]) at least 1' }, `Rules!H2: '[*]' is not a valid field path: ${reason('[*]')}`],
    [
      { field: 'name', operator: 'exists', appliesWhen: '[*].a exists' },
      `Rules!I2: '[*].a' is not a valid field path: ${reason('[*]')}`,
    ],
  ])('%j', (rule, problem) => {
    const { statuses, problems } = run(rule);
    expect(problems).toEqual([expect.stringContaining(problem)]);
    expect(statuses).toEqual(['ERROR']);
  });
});

describe('inside a quantifier a path is read against an element, which may itself be a list', () => {
  test.each([
    [{ condition: 'any(Document.containers[*], image exists)' }, ['PASS', 'FAIL']],
    [{ condition: 'any(Document.matrix[*], [*] exists)' }, ['PASS', 'FAIL']],
    [{ condition: 'any(Document.matrix, @[0] = 2)' }, ['PASS', 'FAIL']],
    [{ field: 'Document.containers[0].image', operator: 'equals', expected: 'nginx' }, ['PASS', 'FAIL']],
  ])('%j', (rule, statuses) => {
    expect(run(rule)).toEqual({ statuses, problems: [] });
  });
});
