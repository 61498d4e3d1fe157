// The Rule ID the builder suggests for a type: that type's prefix, numbered after every id of it, never one in use.
import { builderData, nextRuleIdForType } from '../../core/builder';
import type { Grid } from '../../core';

const rules = [
  { id: 'S3-001', resourceTypes: ['aws_s3_bucket'] },
  { id: 'S3-002', resourceTypes: ['aws_s3_bucket'] },
  { id: 'K8S-001', resourceTypes: ['k8s:*'] },
  { id: 'K8S-002', resourceTypes: ['k8s:*'] },
  { id: 'K8S-003', resourceTypes: ['k8s:*'] },
  { id: 'K8S-010', resourceTypes: ['k8s:Deployment', 'k8s:StatefulSet'] },
  { id: 'IAM-001', resourceTypes: ['aws_iam_user'] },
  { id: 'IAM-005', resourceTypes: ['aws_account'] },
  { id: 'KMS-001', resourceTypes: ['something_else'] },
];

test.each([
  ['aws_s3_bucket', 'S3-003'],
  ['AWS_S3_BUCKET', 'S3-003'],
  ['k8s:Pod', 'K8S-011'],
  ['k8s:StatefulSet', 'K8S-011'],
  ['aws_account', 'IAM-006'],
  ['aws_lambda_function', 'LAMBDA-001'],
  ['aws_kms_key', 'KMS-002'],
  ['github_repository', 'REPOSITO-001'],
  ['', 'K8S-011'],
  ['***', 'K8S-011'],
])('a new rule on %s is offered %s', (type, id) => expect(nextRuleIdForType(rules, type)).toBe(id));

test('an empty rulebook offers an id from the type name', () => {
  expect(nextRuleIdForType([], 'aws_s3_bucket')).toBe('S3-001');
});

test("builderData gives each type its own suggestion, beside the rulebook's", () => {
  const grids: Grid[] = [
    {
      name: 'Rules',
      rows: [
        ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
        ['K8S-001', 'a', 'k8s:*', 'x', 'is not empty', null],
        ['K8S-002', 'b', 'k8s:*', 'x', 'is not empty', null],
        ['S3-001', 'c', 'aws_s3_bucket', 'x', 'is not empty', null],
      ],
    },
    {
      name: 'Resources',
      rows: [
        ['Resource ID', 'Type', 'x'],
        ['b1', 'aws_s3_bucket', '1'],
        ['d1', 'k8s:Deployment', '1'],
      ],
    },
  ];
  const data = builderData(grids);
  expect(data.nextRuleId).toBe('K8S-003');
  expect(data.types.map((t) => [t.type, t.nextRuleId])).toEqual([
    ['aws_s3_bucket', 'S3-002'],
    ['k8s:Deployment', 'K8S-003'],
  ]);
});
