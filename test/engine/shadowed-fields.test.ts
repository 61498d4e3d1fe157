// A path that a Resources column answers while the Document holds the same name: the rule is warned, with Document.… offered.
import { validate, formatProblem } from '../../core';
import type { Cell } from '../../core';
import { NOW, rulesGrid, sheet, type RuleRow } from './one-rule';

const secret = (type: Cell, document: unknown): Record<string, Cell> => ({
  'Resource ID': 'default/token',
  Type: type,
  apiVersion: 'v1',
  Document: JSON.stringify(document),
});
const doc = { apiVersion: 'v1', kind: 'Secret', type: 'Opaque', data: { a: 'b' } };

function warnings(rule: RuleRow, resource: Record<string, Cell>): string[] {
  const out = validate([rulesGrid([{ type: 'k8s:Secret', ...rule }]), sheet('Resources', [resource])], {
    now: NOW,
  });
  return out.problems.filter((p) => p.code === 'shadowed_field').map((p) => formatProblem(p));
}

const WARNING =
  "Rules!C2: 'type' reads the 'Type' column (\"k8s:Secret\"), not the Document's 'type' (\"Opaque\"): a column comes first. To read the Document, write 'Document.type'.";

test.each<[string, RuleRow, Record<string, Cell>, string[]]>([
  ['Field', { field: 'type', operator: 'equals', expected: 'Opaque' }, secret('k8s:Secret', doc), ['Field']],
  ['Condition', { condition: 'type = "Opaque"' }, secret('k8s:Secret', doc), ['Condition']],
  [
    'Applies When',
    { field: 'data', operator: 'exists', appliesWhen: 'TYPE = "Opaque"' },
    secret('k8s:Secret', doc),
    ['Applies When'],
  ],
  [
    'the same value in both',
    { field: 'apiVersion', operator: 'equals', expected: 'v1' },
    secret('k8s:Secret', doc),
    [],
  ],
  [
    'Document.type',
    { field: 'Document.type', operator: 'equals', expected: 'Opaque' },
    secret('k8s:Secret', doc),
    [],
  ],
  [
    'a name only the column has',
    { field: 'type', operator: 'exists' },
    secret('k8s:Secret', { kind: 'Secret' }),
    [],
  ],
  ['inside a quantifier', { condition: 'all(Document.data, type = "x")' }, secret('k8s:Secret', doc), []],
])('%s', (_what, rule, resource, cells) => {
  const got = warnings(rule, resource);
  expect(got).toHaveLength(cells.length);
  for (const w of got)
    expect(w).toMatch(
      /'type' reads the 'Type' column \("k8s:Secret"\), not the Document's 'type' \("Opaque"\)/i,
    );
  if (cells[0] === 'Field')
    expect(got[0].replace(/^[^:]*!\w+\d+: /, '')).toBe(WARNING.replace(/^[^:]*!\w+\d+: /, ''));
});
