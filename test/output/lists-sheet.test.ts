// The hidden lists sheet behind the Rules dropdowns, and the rules every generated sheet name obeys.
import { GENERATED_SHEET_NAMES } from '../../core/output/formats';
import { isValidSheetName } from '../../core/output/limits';
import { listsSheet, ruleLists } from '../../core/output/lists-sheet';
import { OPERATOR_NAMES } from '../../core/operators';

test('one column per list, header first, hidden and generated', () => {
  const patch = listsSheet(ruleLists(['equals', 'does not equal', 'contains', 'is one of']));
  expect(patch).toMatchObject({ kind: 'sheet', sheet: 'Rulesheet Lists', hidden: true, generated: true });
  expect(patch.rows).toEqual([
    ['Operator', 'Severity', 'Enabled', 'Match'],
    ['equals', 'Critical', 'TRUE', 'all'],
    ['does not equal', 'High', 'FALSE', 'any'],
    ['contains', 'Medium', null, 'none'],
    ['is one of', 'Low', null, null],
    [null, 'Info', null, null],
  ]);
});

test('the Operator list is the operator table, which is too long for an inline Excel list', () => {
  const [operators] = ruleLists();
  expect(operators.values).toEqual(OPERATOR_NAMES);
  expect(OPERATOR_NAMES.join(',').length).toBeGreaterThan(255);
});

describe('sheet names', () => {
  test.each(GENERATED_SHEET_NAMES.map((n) => [n]))('%s obeys Excel’s rules', (name) => {
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
    expect(name.toLowerCase()).not.toBe('history');
    expect(isValidSheetName(name)).toBe(true);
  });

  test.each([
    ['History', false],
    ['history', false],
    ['Run History', true],
    ['a'.repeat(31), true],
    ['a'.repeat(32), false],
    ['', false],
    ['Q1: results', false],
    ['a/b', false],
    ['a\\b', false],
    ['what?', false],
    ['star*', false],
    ['[x]', false],
    ["'quoted'", false],
  ])('%j valid: %s', (name, valid) => {
    expect(isValidSheetName(name)).toBe(valid);
  });
});
