// Summary counts the enabled rules that judged no resource, so a rulebook that checks little does not read as clean.
import { validate } from '../../core';
import type { SheetPatch } from '../../core/output/patch';
import { NOW, resourcesGrid, rulesGrid, type RuleRow } from '../engine/one-rule';

function summaryOf(rules: RuleRow[]) {
  const grids = [
    rulesGrid(rules),
    resourcesGrid([{ 'Business Unit': 'HR', Environment: 'dev', versioning: 'Enabled' }]),
  ];
  return validate(grids, { now: NOW });
}

test.each<[string, RuleRow[], number]>([
  ['a rule that judges its resource', [{ field: 'versioning', operator: 'exists' }], 0],
  ['a rule whose type no resource has', [{ field: 'versioning', operator: 'exists', type: 'vm' }], 1],
  [
    'a rule scoped to another business unit',
    [{ field: 'versioning', operator: 'exists', businessUnit: 'Finance' }],
    1,
  ],
  [
    'a rule whose Applies When is false',
    [{ field: 'versioning', operator: 'exists', appliesWhen: 'Environment = "prod"' }],
    1,
  ],
  // A broken rule is loud already: its ERROR is counted among the errors, not here.
  ['a broken rule', [{ field: 'versioning', operator: 'equal', expected: 'x' }], 0],
  [
    'a mix',
    [
      { field: 'versioning', operator: 'exists' },
      { field: 'versioning', operator: 'exists', type: 'vm' },
      { field: 'versioning', operator: 'exists', businessUnit: 'Finance' },
    ],
    2,
  ],
])('%s → %d', (_name, rules, expected) => {
  const out = summaryOf(rules);
  expect(out.summary.rulesCheckingNothing).toBe(expected);
  const sheet = out.patches.find((p) => p.sheet === 'Summary' && p.kind === 'sheet') as SheetPatch;
  expect(sheet.rows.find((r) => r[0] === 'Rules Checking Nothing')).toEqual([
    'Rules Checking Nothing',
    expected,
  ]);
});
