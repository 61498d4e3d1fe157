// Empty text as a value: `""` in Expected or in a condition is text the author wrote, not a blank cell.
import { validate } from '../../core';
import { NOW, resourcesGrid, rulesGrid, statusOf, type RuleRow } from './one-rule';

const doc = (json: unknown) => ({ Document: JSON.stringify(json) });

describe('"" is empty text (rule row, resource → status)', () => {
  const cases: [string, RuleRow, Record<string, string>, string][] = [
    [
      'equals "" on empty text',
      { field: 'Document.data.a', operator: 'equals', expected: '""' },
      doc({ data: { a: '' } }),
      'PASS',
    ],
    [
      'equals "" on other text',
      { field: 'Document.data.a', operator: 'equals', expected: '""' },
      doc({ data: { a: 'x' } }),
      'FAIL',
    ],
    [
      'equals "" on a missing value (a blank is missing)',
      { field: 'Document.data.a', operator: 'equals', expected: '""' },
      doc({ data: {} }),
      'FAIL',
    ],
    [
      'does not equal "" on text',
      { field: 'Document.data.a', operator: 'does not equal', expected: '""' },
      doc({ data: { a: 'x' } }),
      'PASS',
    ],
    [
      'includes "" (the core API group)',
      { field: 'Document.apiGroups', operator: 'includes', expected: '""' },
      doc({ apiGroups: ['', 'apps'] }),
      'PASS',
    ],
    [
      'includes "" without it',
      { field: 'Document.apiGroups', operator: 'includes', expected: '""' },
      doc({ apiGroups: ['apps'] }),
      'FAIL',
    ],
    [
      'is one of a list holding ""',
      { field: 'Document.g', operator: 'is one of', expected: '"", apps' },
      doc({ g: '' }),
      'PASS',
    ],
    [
      'is one of a list holding "" on other text',
      { field: 'Document.g', operator: 'is one of', expected: '"", apps' },
      doc({ g: 'batch' }),
      'FAIL',
    ],
    ['condition data.a = ""', { condition: 'Document.data.a = ""' }, doc({ data: { a: '' } }), 'PASS'],
    [
      'condition data.a = "" on text',
      { condition: 'Document.data.a = ""' },
      doc({ data: { a: 'y' } }),
      'FAIL',
    ],
    [
      'condition apiGroups includes ""',
      { condition: 'Document.apiGroups includes ""' },
      doc({ apiGroups: [''] }),
      'PASS',
    ],
  ];
  test.each(cases)('%s', (_name, rule, resource, status) => {
    expect(statusOf(rule, resource)).toBe(status);
  });

  test('the result names the empty text it expected, and Reads As shows it', () => {
    const out = validate(
      [
        rulesGrid([{ field: 'Document.data.a', operator: 'equals', expected: '""' }]),
        resourcesGrid([doc({ data: { a: 'x' } })]),
      ],
      { now: NOW },
    );
    const failing = out.results.toArray().find((r) => r.status === 'FAIL');
    expect(failing?.expected).toBe('""');
    expect(out.problems).toEqual([]);
    const rules = out.patches.find((p) => p.kind === 'columns' && p.sheet === 'Rules');
    const readsAs = rules && rules.kind === 'columns' ? rules.columns[0].values[1] : undefined;
    expect(readsAs).toBe('Every bucket: Document.data.a equals ""');
  });

  test('a blank Expected is still no Expected', () => {
    const out = validate(
      [
        rulesGrid([{ field: 'Document.data.a', operator: 'equals', expected: '  ' }]),
        resourcesGrid([doc({})]),
      ],
      { now: NOW },
    );
    expect(out.problems.map((p) => p.code)).toEqual(['expected_missing']);
  });
});

describe('a disabled rule is a draft', () => {
  const draft = (enabled: boolean) =>
    validate(
      [
        {
          name: 'Rules',
          rows: [
            ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Enabled'],
            ['R-1', 'Not written yet', 'bucket', null, null, null, enabled],
          ],
        },
        resourcesGrid([{}]),
      ],
      { now: NOW },
    ).problems.map((p) => p.code);

  test('without a check it raises nothing while disabled', () => expect(draft(false)).toEqual([]));
  test('enabled, the missing check is an error', () => expect(draft(true)).toContain('no_check'));
});
