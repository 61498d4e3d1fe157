// The run's type index: resources whose type fits a name or pattern, in sheet order, each type judged once.
import { readRulebook } from '../../core';
import { RunIndexes } from '../../core/engine/run-index';
import { resourcesGrid } from './one-rule';

const book = readRulebook([
  resourcesGrid([
    { Type: 'k8s:Pod' },
    { Type: 'k8s:Pod' },
    { Type: 'k8s:Service' },
    { Type: 'K8S:POD' },
    { Type: 'aws_s3_bucket' },
    { Type: 'k8s:Service' },
    { Type: 'k8s:Pod' },
  ]),
]);
const ids = (pattern: string) => new RunIndexes(book.resources).ofType(pattern).map((r) => r.id);

test.each([
  ['k8s:Pod', ['b1', 'b2', 'b4', 'b7']],
  ['K8S:pod', ['b1', 'b2', 'b4', 'b7']],
  ['k8s:*', ['b1', 'b2', 'b3', 'b4', 'b6', 'b7']],
  ['*', ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7']],
  ['k8s:Deployment', []],
])('%s: %j, in sheet order however the types interleave', (pattern, expected) => {
  expect(ids(pattern)).toEqual(expected);
});
