// core/builder fields: types, columns and JSON paths seen on resources, with the values seen.
import { builderData, fieldsByType, nextRuleId } from '../../core/builder';
import { readRulebook } from '../../core/rulebook/read';
import { sheet } from '../helpers/grid';

const podSpec = (image: string, extra = '') =>
  JSON.stringify({
    containers: [{ name: 'app', image, ports: [{ containerPort: 80 }] }],
    ...JSON.parse(`{${extra}}`),
  });

const grids = [
  sheet(
    'Rules',
    'Rule ID | Title | Resource Type | Field | Operator | Expected\nS3-001 | t | aws_s3_bucket | acl | equals | private\nS3-002 | t | aws_s3_bucket | acl | equals | private',
  ),
  sheet('Resources', [
    ['Resource ID', 'Type', 'Business Unit', 'versioning.status', 'podSpec', 'tags', 'Document'],
    ['b1', 'aws_s3_bucket', 'Finance', 'Enabled', null, '["pci","prod"]', null],
    ['b2', 'aws_s3_bucket', 'HR', 'Suspended', null, '["prod"]', null],
    ['b3', 'aws_s3_bucket', 'HR', 'Enabled', null, null, null],
    [
      'd1',
      'k8s:Deployment',
      'HR',
      null,
      podSpec('nginx:latest'),
      null,
      '{"metadata":{"labels":{"app.kubernetes.io/name":"web"}}}',
    ],
    ['d2', 'k8s:Deployment', 'HR', null, podSpec('ghcr.io/x:1.0', '"hostNetwork":true'), null, null],
  ]),
];

describe('fields seen per resource type', () => {
  const types = builderData(grids).types;
  const fields = (type: string) => types.find((t) => t.type === type)!.fields;
  const field = (type: string, path: string) => fields(type).find((f) => f.path === path);

  test('types in first-seen order with their counts', () => {
    expect(types.map((t) => [t.type, t.count])).toEqual([
      ['aws_s3_bucket', 3],
      ['k8s:Deployment', 2],
    ]);
  });

  test('a dotted column is a field, with its values most frequent first', () => {
    expect(field('aws_s3_bucket', 'versioning.status')).toEqual({
      path: 'versioning.status',
      seen: 3,
      values: ['Enabled', 'Suspended'],
    });
  });

  test('JSON paths inside a JSON cell, with [*] for lists', () => {
    const paths = fields('k8s:Deployment').map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'podSpec',
        'podSpec.containers',
        'podSpec.containers[*].image',
        'podSpec.containers[*].ports[*].containerPort',
        'podSpec.hostNetwork',
      ]),
    );
    expect(field('k8s:Deployment', 'podSpec.containers[*].image')?.values.sort()).toEqual([
      'ghcr.io/x:1.0',
      'nginx:latest',
    ]);
    expect(field('k8s:Deployment', 'podSpec.hostNetwork')).toEqual({
      path: 'podSpec.hostNetwork',
      seen: 1,
      values: ['TRUE'],
    });
  });

  test('a list of plain values offers its elements on the list and on [*]', () => {
    expect(field('aws_s3_bucket', 'tags')).toEqual({ path: 'tags', seen: 2, values: ['prod', 'pci'] });
    expect(field('aws_s3_bucket', 'tags[*]')?.values).toEqual(['prod', 'pci']);
  });

  test('Document paths start at the document root; odd keys are bracket-quoted', () => {
    expect(field('k8s:Deployment', 'metadata.labels["app.kubernetes.io/name"]')?.values).toEqual(['web']);
  });

  test('Resource ID, Type, blank cells and headers that are no path are not offered', () => {
    const paths = fields('aws_s3_bucket').map((f) => f.path);
    expect(paths).not.toContain('Resource ID');
    expect(paths).not.toContain('Type');
    expect(paths).not.toContain('Business Unit');
    expect(fields('aws_s3_bucket').find((f) => f.path === 'podSpec')).toBeUndefined();
  });

  test('the suggested Rule ID follows the rulebook numbering', () => {
    expect(builderData(grids).nextRuleId).toBe('S3-003');
  });

  test('fieldsByType of no resources is empty', () => {
    expect(fieldsByType(readRulebook([]).resources)).toEqual([]);
  });
});

describe('next Rule ID', () => {
  test.each([
    [[], 'RULE-001'],
    [['S3-001', 'S3-009', 'K8S-1'], 'S3-010'],
    [['A1', 'a2'], 'A3'],
    [['no digits'], 'RULE-001'],
  ])('%j → %s', (used, next) => expect(nextRuleId(used)).toBe(next));
});
