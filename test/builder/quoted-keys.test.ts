// The field picker offers every key as the language writes it: dotted names, slashes, spaces and quotes in ["…"],
// and a Document name that a column would answer as Document.name. Each offered path reads back its values.
import { builderData } from '../../core/builder';
import { validate } from '../../core';
import { sheet } from '../helpers/grid';

const labels = {
  'app.kubernetes.io/name': 'web',
  'team name': 'payments',
  'say "hi"': 'hello',
  plain: 'yes',
};
const resources = sheet('Resources', [
  ['Resource ID', 'Type', 'metadata.labels', 'Document'],
  [
    'default/web',
    'k8s:Secret',
    JSON.stringify(labels),
    JSON.stringify({ type: 'Opaque', data: { 'tls.crt': 'abc' }, spec: { items: [{ 'a/b': 1 }] } }),
  ],
]);
const fields = builderData([resources]).types[0].fields;

test.each([
  ['metadata.labels["app.kubernetes.io/name"]', 'web'],
  ['metadata.labels["team name"]', 'payments'],
  ['metadata.labels["say ""hi"""]', 'hello'],
  ['metadata.labels.plain', 'yes'],
  ['data["tls.crt"]', 'abc'],
  ['spec.items[*]["a/b"]', '1'],
  ['Document.type', 'Opaque'],
])('%s is offered with its value, and a rule on it reads that value', (path, value) => {
  expect(fields.find((f) => f.path === path)?.values).toEqual([value]);
  const rules = sheet('Rules', [
    ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
    ['R-1', 'offered path', 'k8s:Secret', path, 'equals', value],
  ]);
  const out = validate([rules, resources], { now: new Date('2026-11-28T12:00:00Z') });
  expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(out.results.toArray().map((r) => r.status)).toEqual(['PASS']);
});

test('a Document name that no column has is offered bare', () => {
  const paths = fields.map((f) => f.path);
  expect(paths).toContain('data');
  expect(paths).not.toContain('type');
});
