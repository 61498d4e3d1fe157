// Expression form (Condition, Applies When) and scoping, evaluated through the whole engine.
import { runRule, statusOf } from './one-rule';

const pod = (spec: unknown) => ({ podSpec: JSON.stringify(spec) });

describe('Condition: expression → status', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      'versioning.status = "Enabled" and encrypted is true',
      { 'versioning.status': 'Enabled', encrypted: true },
      'PASS',
    ],
    [
      'versioning.status = "Enabled" and encrypted is true',
      { 'versioning.status': 'Enabled', encrypted: false },
      'FAIL',
    ],
    ['a = 1 or b = 2', { a: 5, b: '2' }, 'PASS'],
    ['a = 1 or b = 2', { a: 5, b: 3 }, 'FAIL'],
    ['not (acl is one of "public-read, public-read-write")', { acl: 'private' }, 'PASS'],
    ['not (acl is one of "public-read, public-read-write")', { acl: 'PUBLIC-READ' }, 'FAIL'],
    ['spec.minReplicas at most spec.maxReplicas', { 'spec.minReplicas': 2, 'spec.maxReplicas': '5' }, 'PASS'],
    ['spec.minReplicas at most spec.maxReplicas', { 'spec.minReplicas': 6, 'spec.maxReplicas': 5 }, 'FAIL'],
    ['keys(labels) includes "app"', { labels: '{"app":"web","tier":"front"}' }, 'PASS'],
    ['count(podSpec.containers) at most 1', pod({ containers: [{}, {}] }), 'FAIL'],
    ['title = "Say ""hi"""', { title: 'say "HI"' }, 'PASS'],
  ];
  it.each(cases)('%s on %j → %s', (condition, cells, status) => {
    expect(statusOf({ condition }, cells as Record<string, string>)).toBe(status);
  });
});

describe('quantifiers and first()', () => {
  const hostPorts = 'all(podSpec.containers[*].ports[*], hostPort does not exist or hostPort = 0)';
  it.each([
    [{ containers: [{ ports: [{ containerPort: 80 }] }, { ports: [{ hostPort: 0 }] }] }, 'PASS'],
    [{ containers: [{ ports: [{ containerPort: 80 }] }, { ports: [{ hostPort: 8080 }] }] }, 'FAIL'],
    [{ containers: [] }, 'PASS'],
  ])('%s: %j → %s', (spec, status) => {
    expect(statusOf({ condition: hostPorts }, pod(spec))).toBe(status);
  });

  it('nests: any container with none of its ports privileged', () => {
    const condition = 'any(podSpec.containers[*], none(ports[*], hostPort > 0))';
    expect(statusOf({ condition }, pod({ containers: [{ ports: [{ hostPort: 1 }] }, { ports: [] }] }))).toBe(
      'PASS',
    );
    expect(statusOf({ condition }, pod({ containers: [{ ports: [{ hostPort: 1 }] }] }))).toBe('FAIL');
  });

  const runAsNonRoot =
    'first(podSpec.containers[*].securityContext.runAsNonRoot, podSpec.securityContext.runAsNonRoot, FALSE) is true';
  it.each([
    [
      'pod setting covers containers',
      { securityContext: { runAsNonRoot: true }, containers: [{}, {}] },
      'PASS',
    ],
    [
      'a container overrides the pod',
      { securityContext: { runAsNonRoot: true }, containers: [{ securityContext: { runAsNonRoot: false } }] },
      'FAIL',
    ],
    [
      'container sets it, pod does not',
      { containers: [{ securityContext: { runAsNonRoot: true } }] },
      'PASS',
    ],
    ['nobody sets it: the default FALSE', { containers: [{}] }, 'FAIL'],
  ])('first(): %s → %s', (_name, spec, status) => {
    expect(statusOf({ condition: runAsNonRoot }, pod(spec))).toBe(status);
  });
});

describe('scope: Applies When, Business Unit, Resource Type', () => {
  it('Applies When false → NOT_APPLICABLE', () => {
    const rule = { field: 'encrypted', operator: 'is true', appliesWhen: 'environment = "prod"' };
    expect(statusOf(rule, { environment: 'dev', encrypted: false })).toBe('NOT_APPLICABLE');
    expect(statusOf(rule, { environment: 'prod', encrypted: false })).toBe('FAIL');
  });
  it('Business Unit scope', () => {
    const rule = { field: 'encrypted', operator: 'is true', businessUnit: 'Finance, HR' };
    expect(statusOf(rule, { 'Business Unit': 'hr', encrypted: true })).toBe('PASS');
    expect(statusOf(rule, { 'Business Unit': 'Sales', encrypted: true })).toBe('NOT_APPLICABLE');
  });
  it('Resource Type lists and globs; other types give no result at all', () => {
    const resources = [
      { Type: 'aws_s3_bucket', encrypted: true },
      { Type: 'aws_s3_bucket_policy', encrypted: true },
      { Type: 'aws_ebs_volume', encrypted: false },
      { Type: 'gcp_bucket', encrypted: false },
    ];
    const results = runRule(
      { field: 'encrypted', operator: 'is true', type: 'aws_s3_*, AWS_EBS_VOLUME' },
      resources,
    );
    expect(results.map((r) => `${r.resource?.type}:${r.status}`)).toEqual([
      'aws_s3_bucket:PASS',
      'aws_s3_bucket_policy:PASS',
      'aws_ebs_volume:FAIL',
    ]);
  });
});

describe('broken rules', () => {
  it('an unknown operator is one ERROR result and a problem with a suggestion', () => {
    const results = runRule({ field: 'a', operator: 'equal', expected: 'x' }, [{ a: 'x' }, { a: 'y' }]);
    expect(results).toHaveLength(1);
    expect(results[0].status).toBe('ERROR');
    expect(results[0].message).toContain("Rules!E2: Unknown operator 'equal'. Did you mean 'equals'?");
  });
  it('an unparsable condition points at its position', () => {
    const [r] = runRule({ condition: 'a = "x" and (b = 1' }, [{ a: 'x' }]);
    expect(r.status).toBe('ERROR');
    expect(r.message).toMatch(/Rules!H2/);
  });
});
