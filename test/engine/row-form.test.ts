// Row form: Field / Operator / Expected / Match against one resource row → status.
import { runRule, statusOf, sheet } from './one-rule';

describe('row form: rule row, resource row → status', () => {
  const cases: [string, string, unknown, Record<string, unknown>, string][] = [
    // field, operator, expected, resource cells, status
    ['versioning.status', 'equals', 'Enabled', { 'versioning.status': 'Enabled' }, 'PASS'],
    ['versioning.status', 'equals', 'Enabled', { 'versioning.status': 'enabled' }, 'PASS'],
    ['versioning.status', 'equals', 'Enabled', { 'versioning.status': 'Suspended' }, 'FAIL'],
    ['versioning.status', 'equals', 'Enabled', { 'versioning.status': null }, 'FAIL'],
    ['versioning.status', '=', 'Enabled', { 'versioning.status': 'Enabled' }, 'PASS'],
    ['versioning.status', 'does not equal', 'Enabled', { 'versioning.status': null }, 'PASS'],
    ['retention', 'at least', 90, { retention: '90' }, 'PASS'],
    ['retention', '>=', '90', { retention: 89 }, 'FAIL'],
    ['retention', 'at least', 90, { retention: '100%' }, 'FAIL'],
    ['encryption', 'is true', null, { encryption: 'TRUE' }, 'PASS'],
    ['encryption', 'is true', null, { encryption: 'false' }, 'FAIL'],
    ['acl', 'is one of', 'private, authenticated-read', { acl: 'Private' }, 'PASS'],
    ['acl', 'is not one of', 'public-read, public-read-write', { acl: 'public-read' }, 'FAIL'],
    ['name', 'matches', '^prod-[a-z]+$', { name: 'PROD-web' }, 'PASS'],
    ['name', 'matches', '(?-i)^prod-[a-z]+$', { name: 'PROD-web' }, 'FAIL'],
    ['name', 'matches pattern', 'prod-*', { name: 'prod-web' }, 'PASS'],
    ['tags', 'is empty', null, { tags: null }, 'PASS'],
    ['tags', 'exists', null, { tags: '[]' }, 'PASS'],
    ['tags', 'is empty', null, { tags: '[]' }, 'PASS'],
    ['cidr', 'within network', '10.0.0.0/8', { cidr: '10.1.2.0/24' }, 'PASS'],
    ['cidr', 'not within network', '0.0.0.0/0', { cidr: null }, 'PASS'],
  ];
  it.each(cases)('%s %s %p on %p → %s', (field, operator, expected, cells, status) => {
    expect(statusOf({ field, operator, expected: expected as string }, cells as Record<string, string>)).toBe(
      status,
    );
  });
});

describe('row form: lists under Match', () => {
  const pod = (containers: unknown[]) => ({ podSpec: JSON.stringify({ containers }) });
  const cases: [string, string, unknown[], string][] = [
    // match, operator on image, containers, status
    ['all', 'starts with', [{ image: 'registry.acme/app' }, { image: 'registry.acme/db' }], 'PASS'],
    ['all', 'starts with', [{ image: 'registry.acme/app' }, { image: 'docker.io/db' }], 'FAIL'],
    ['all', 'starts with', [], 'PASS'],
    ['any', 'starts with', [], 'FAIL'],
    ['any', 'starts with', [{ image: 'docker.io/db' }, { image: 'registry.acme/app' }], 'PASS'],
    ['none', 'starts with', [{ image: 'docker.io/db' }], 'PASS'],
    ['none', 'starts with', [{ image: 'registry.acme/db' }], 'FAIL'],
    ['none', 'starts with', [], 'PASS'],
    // an element lacking the rest of the path counts, as missing
    ['all', 'starts with', [{ image: 'registry.acme/app' }, { name: 'no-image' }], 'FAIL'],
  ];
  it.each(cases)('match %s: image %s … over %j → %s', (match, operator, containers, status) => {
    const rule = { field: 'podSpec.containers[*].image', operator, expected: 'registry.acme/', match };
    expect(statusOf(rule, pod(containers))).toBe(status);
  });

  it('hands a list value whole to includes, per element', () => {
    const rule = {
      field: 'podSpec.containers[*].securityContext.capabilities.drop',
      operator: 'includes',
      expected: 'ALL',
    };
    const ok = pod([{ securityContext: { capabilities: { drop: ['ALL'] } } }]);
    const bad = pod([
      { securityContext: { capabilities: { drop: ['ALL'] } } },
      { securityContext: { capabilities: { drop: ['NET_RAW'] } } },
    ]);
    expect(statusOf(rule, ok)).toBe('PASS');
    expect(statusOf(rule, bad)).toBe('FAIL');
  });

  it('counts the elements of a list value, missing counting 0', () => {
    const rule = { field: 'podSpec.containers', operator: 'count at most', expected: 1 };
    expect(statusOf(rule, pod([{}, {}]))).toBe('FAIL');
    expect(statusOf(rule, pod([{}]))).toBe('PASS');
    expect(statusOf({ field: 'nothing', operator: 'count at most', expected: 1 }, {})).toBe('PASS');
  });
});

describe('values from JSON cells and the Document column', () => {
  it('walks into the longest dotted prefix column holding JSON', () => {
    const rule = { field: 'encryption.rules[0].algorithm', operator: 'equals', expected: 'aws:kms' };
    expect(statusOf(rule, { encryption: '{"rules":[{"algorithm":"aws:kms"}]}' })).toBe('PASS');
  });
  it('falls back to Document', () => {
    const rule = { field: 'spec.replicas', operator: 'at least', expected: 2 };
    expect(statusOf(rule, { Document: '{"spec":{"replicas":3}}' })).toBe('PASS');
    expect(statusOf(rule, { Document: '{"spec":{"replicas":null}}' })).toBe('FAIL');
  });
  it('gives ERROR naming the cell when JSON it must walk into does not parse', () => {
    const [r] = runRule({ field: 'spec.replicas', operator: 'at least', expected: 2 }, [
      { Document: '{"spec": ' },
    ]);
    expect(r.status).toBe('ERROR');
    expect(r.message).toMatch(/Resources!C2/);
  });
});

describe('Expected from another sheet', () => {
  const approved = sheet('Approved Images', [{ Image: 'nginx:1.27' }, { Image: 'redis:7' }]);
  it('reads the column as the list', () => {
    const rule = { field: 'image', operator: 'is one of', expected: "'Approved Images'!Image" };
    expect(statusOf(rule, { image: 'NGINX:1.27' }, [approved])).toBe('PASS');
    expect(statusOf(rule, { image: 'nginx:latest' }, [approved])).toBe('FAIL');
  });
  it('is a problem when the sheet or column is missing', () => {
    const [r] = runRule(
      { field: 'image', operator: 'is one of', expected: "'Approved Imgs'!Image" },
      [{ image: 'x' }],
      [approved],
    );
    expect(r.status).toBe('ERROR');
    expect(r.resource).toBeUndefined();
    expect(r.message).toContain("Did you mean 'Approved Images'?");
  });
});

describe('messages a non-coder understands', () => {
  it('says what was found and what was expected', () => {
    const [r] = runRule({ field: 'versioning.status', operator: 'equals', expected: 'Enabled' }, [
      { 'versioning.status': 'Suspended' },
    ]);
    expect(r).toMatchObject({ field: 'versioning.status', expected: 'Enabled', actual: 'Suspended' });
    expect(r.message).toBe('versioning.status is "Suspended"; expected "Enabled"');
  });
  it('says when a value is missing', () => {
    const [r] = runRule({ field: 'versioning.status', operator: 'equals', expected: 'Enabled' }, [
      { other: 'x' },
    ]);
    expect(r.message).toMatch(/^versioning\.status is missing/);
  });
  it('says why a value cannot be compared', () => {
    const [r] = runRule({ field: 'retention', operator: 'at least', expected: 90 }, [{ retention: 'lots' }]);
    expect(r.status).toBe('FAIL');
    expect(r.message).toMatch(/retention is "lots", which is not a number/);
  });
});

describe('[*] over a missing value', () => {
  it('yields no elements, so all passes and any fails', () => {
    const all = { condition: 'all(access_keys[*], active is false)' };
    const any = { field: 'access_keys[*].active', operator: 'is true', match: 'any' };
    expect(statusOf(all, { access_keys: null })).toBe('PASS');
    expect(statusOf(all, { other: 'x' })).toBe('PASS');
    expect(statusOf(any, { access_keys: null })).toBe('FAIL');
  });
});
