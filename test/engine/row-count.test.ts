// Row form: a count operator whose Field ends in [*] counts the list, instead of counting each element as one.
import { validate } from '../../core';
import { NOW, resourcesGrid, rulesGrid, statusOf, type RuleRow } from './one-rule';

const pod = {
  Document: JSON.stringify({
    containers: [{ name: 'app', ports: [80, 443] }, { name: 'log', ports: [9000] }, { name: 'init' }],
  }),
};

describe('count operators on a [*] field (rule row → status)', () => {
  const cases: [RuleRow, string][] = [
    [{ field: 'Document.containers[*]', operator: 'count at least', expected: 3 }, 'PASS'],
    [{ field: 'Document.containers[*]', operator: 'count at least', expected: 4 }, 'FAIL'],
    [{ field: 'Document.containers[*]', operator: 'count at most', expected: 2 }, 'FAIL'],
    [{ field: 'Document.containers[*]', operator: 'count at most', expected: 3 }, 'PASS'],
    [{ field: 'Document.containers[*].ports[*]', operator: 'count at least', expected: 3 }, 'PASS'],
    [{ field: 'Document.containers[*].ports[*]', operator: 'count at most', expected: 2 }, 'FAIL'],
    [{ field: 'Document.volumes[*]', operator: 'count at most', expected: 0 }, 'PASS'],
    [{ field: 'Document.volumes[*]', operator: 'count at least', expected: 1 }, 'FAIL'],
    // Without a trailing [*] the per-element lists are counted, one by one, under Match.
    [{ field: 'Document.containers[*].ports', operator: 'count at most', expected: 2 }, 'PASS'],
    [{ field: 'Document.containers[*].ports', operator: 'count at least', expected: 1 }, 'FAIL'],
    [
      { field: 'Document.containers[*].ports', operator: 'count at least', expected: 1, match: 'any' },
      'PASS',
    ],
  ];
  test.each(cases)('%j → %s', (rule, status) => expect(statusOf(rule, pod)).toBe(status));

  test('Reads As says what is counted, and a failure names the count', () => {
    const out = validate(
      [
        rulesGrid([{ field: 'Document.containers[*]', operator: 'count at least', expected: 4 }]),
        resourcesGrid([pod]),
      ],
      { now: NOW },
    );
    const rules = out.patches.find((p) => p.kind === 'columns' && p.sheet === 'Rules');
    const readsAs = rules && rules.kind === 'columns' ? rules.columns[0].values[1] : undefined;
    expect(readsAs).toBe('Every bucket: count(Document.containers[*]) at least 4');
    const failing = out.results.toArray().find((r) => r.status === 'FAIL');
    expect(failing?.actual).toBe('3');
    expect(out.problems).toEqual([]);
  });
});
