// The builder's Match case choice maps each text operator to its `… matching case` twin, and no other.
import { isMatchingCase, matchingCaseOf, OPERATORS, previewRule } from '../../core';

test.each([
  ['equals', 'equals matching case'],
  ['=', 'equals matching case'],
  ['is one of', 'is one of matching case'],
  ['includes', 'includes matching case'],
  ['starts with', 'starts with matching case'],
  ['does not end with', 'does not end with matching case'],
  ['greater than', undefined],
  ['matches', undefined],
  ['equals matching case', undefined],
  ['no such operator', undefined],
])('%s → %s', (operator, twin) => {
  expect(matchingCaseOf(operator)).toBe(twin);
});

test('every twin is marked as one, and has its base in the table', () => {
  const twins = OPERATORS.filter((op) => isMatchingCase(op.name));
  expect(twins).toHaveLength(14);
  for (const twin of twins) expect(matchingCaseOf(twin.name.replace(/ matching case$/, ''))).toBe(twin.name);
});

test('a candidate with a twin previews with case kept', () => {
  const grids = [
    { name: 'Rules', rows: [['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected']] },
    {
      name: 'Resources',
      rows: [
        ['Resource ID', 'Type', 'cap'],
        ['a', 'pod', 'ALL'],
        ['b', 'pod', 'all'],
      ],
    },
  ];
  const candidate = {
    ruleId: 'R-1',
    title: 'x',
    resourceType: 'pod',
    field: 'cap',
    operator: 'equals matching case',
    expected: 'ALL',
  };
  const view = previewRule(grids, candidate, new Date('2026-11-28T12:00:00Z'));
  expect([view.passing, view.failing, view.readsAs]).toEqual([
    1,
    1,
    'Every pod: cap equals matching case "ALL"',
  ]);
});
