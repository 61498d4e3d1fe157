// Reading inside one resource: entries of a map, outer references in a quantifier, filtered count, text functions.
import { formatProblem, validate } from '../../core';
import { NOW, resourcesGrid, rulesGrid, runRule, statusOf } from './one-rule';

const doc = (value: unknown) => ({ Document: JSON.stringify(value) });

const APPARMOR =
  'all(entries(metadata.annotations) where key starts with "container.apparmor.security.beta.kubernetes.io/", ' +
  'value = "runtime/default" or value starts with "localhost/")';
const NO_FLUX = 'none(entries(metadata.labels), key matches "^fluxcd\\.io/")';

describe('entries(map): one element per key/value pair, read as key and value', () => {
  const cases: [string, unknown, string][] = [
    [
      APPARMOR,
      {
        metadata: {
          annotations: { 'container.apparmor.security.beta.kubernetes.io/web': 'runtime/default' },
        },
      },
      'PASS',
    ],
    [
      APPARMOR,
      {
        metadata: {
          annotations: {
            'container.apparmor.security.beta.kubernetes.io/web': 'localhost/strict',
            team: 'x',
          },
        },
      },
      'PASS',
    ],
    [
      APPARMOR,
      { metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/web': 'unconfined' } } },
      'FAIL',
    ],
    [APPARMOR, { metadata: { annotations: { team: 'unconfined' } } }, 'PASS'],
    [APPARMOR, { metadata: {} }, 'PASS'],
    [NO_FLUX, { metadata: { labels: { app: 'web', 'fluxcd.io/sync': 'on' } } }, 'FAIL'],
    [NO_FLUX, { metadata: { labels: { app: 'web', 'fluxcdXio/sync': 'on' } } }, 'PASS'],
    [NO_FLUX, { metadata: { labels: 'fluxcd.io/sync=on' } }, 'PASS'],
    [
      'any(entries(metadata.labels), key = "team" and value exists)',
      { metadata: { labels: { Team: 'a' } } },
      'PASS',
    ],
    [
      'count(entries(metadata.labels) where key starts with "app.") at least 2',
      { metadata: { labels: { 'app.a': 1, 'app.b': 2 } } },
      'PASS',
    ],
    [
      'all(entries(spec.containers[*].resources), value.cpu exists)',
      { spec: { containers: [{ resources: { limits: { cpu: 1 } } }, { resources: { requests: {} } }] } },
      'FAIL',
    ],
  ];
  it.each(cases)('%s on %j → %s', (condition, value, status) => {
    expect(statusOf({ condition, type: 'pod' }, { Type: 'pod', ...doc(value) })).toBe(status);
  });

  it('names the failing entry by its key', () => {
    const [r] = runRule({ condition: APPARMOR, type: 'pod' }, [
      {
        Type: 'pod',
        ...doc({
          metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/web': 'unconfined' } },
        }),
      },
    ]);
    expect(r.message).toContain('annotation "container.apparmor.security.beta.kubernetes.io/web"');
    expect(r.field).toBe('entries(metadata.annotations)');
  });
});

const HOSTPATH_RO =
  'all(podSpec.containers[*].volumeMounts[*], readOnly is true or ' +
  'none(resource.podSpec.volumes[*], hostPath exists and name = outer.name))';
const TLS_HOSTS = 'all(spec.rules[*], host is one of resource.spec.tls[*].hosts[*])';

describe('resource.… and outer.… inside a quantifier', () => {
  const volumes = [
    { name: 'logs', hostPath: { path: '/var/log' } },
    { name: 'tmp', emptyDir: {} },
  ];
  const cases: [string, unknown, string][] = [
    [
      HOSTPATH_RO,
      {
        podSpec: {
          volumes,
          containers: [{ volumeMounts: [{ name: 'logs', readOnly: true }, { name: 'tmp' }] }],
        },
      },
      'PASS',
    ],
    [
      HOSTPATH_RO,
      {
        podSpec: {
          volumes,
          containers: [{ volumeMounts: [{ name: 'tmp' }] }, { volumeMounts: [{ name: 'logs' }] }],
        },
      },
      'FAIL',
    ],
    [HOSTPATH_RO, { podSpec: { containers: [{ volumeMounts: [{ name: 'logs' }] }] } }, 'PASS'],
    [
      TLS_HOSTS,
      {
        spec: {
          rules: [{ host: 'a.example.com' }],
          tls: [{ hosts: ['b.example.com'] }, { hosts: ['A.example.com'] }],
        },
      },
      'PASS',
    ],
    [
      TLS_HOSTS,
      {
        spec: {
          rules: [{ host: 'a.example.com' }, { host: 'c.example.com' }],
          tls: [{ hosts: ['a.example.com'] }],
        },
      },
      'FAIL',
    ],
    [TLS_HOSTS, { spec: { rules: [{ host: 'a.example.com' }] } }, 'FAIL'],
    [
      'all(spec.rules[*], any(paths[*], port = outer.port))',
      { spec: { rules: [{ port: 80, paths: [{ port: 80 }] }] } },
      'PASS',
    ],
    [
      'all(spec.rules[*], any(paths[*], port = outer.port))',
      { spec: { rules: [{ port: 80, paths: [{ port: 81 }] }] } },
      'FAIL',
    ],
    ['resource.spec.replicas = 2', { spec: { replicas: 2 } }, 'PASS'],
    ['outer.spec.replicas = 2', { spec: { replicas: 3 } }, 'FAIL'],
  ];
  it.each(cases)('%s on %j → %s', (condition, value, status) => {
    expect(statusOf({ condition, type: 'pod' }, { Type: 'pod', ...doc(value) })).toBe(status);
  });

  it('a field named resource is still reached in brackets', () => {
    expect(
      statusOf(
        { condition: 'all(items[*], ["resource"].kind = "x")', type: 'pod' },
        { Type: 'pod', ...doc({ items: [{ resource: { kind: 'x' } }], kind: 'y' }) },
      ),
    ).toBe('PASS');
  });
});

const ONE_HOSTNAME =
  'count(spec.topologySpreadConstraints[*] where topologyKey = "kubernetes.io/hostname") = 1';

describe('count(list where condition)', () => {
  const cases: [string, unknown, string][] = [
    [
      ONE_HOSTNAME,
      {
        spec: {
          topologySpreadConstraints: [
            { topologyKey: 'kubernetes.io/hostname' },
            { topologyKey: 'topology.kubernetes.io/zone' },
          ],
        },
      },
      'PASS',
    ],
    [
      ONE_HOSTNAME,
      { spec: { topologySpreadConstraints: [{ topologyKey: 'topology.kubernetes.io/zone' }] } },
      'FAIL',
    ],
    [ONE_HOSTNAME, { spec: {} }, 'FAIL'],
    ['count(spec.ports where port < 1024) = 0', { spec: { ports: [{ port: 80 }, { port: 8080 }] } }, 'FAIL'],
    ['count(spec.ports where port < 1024) = 0', { spec: { ports: [{ port: 8443 }, { port: 'x' }] } }, 'PASS'],
    [
      'count(spec.ports[*] where port < resource.spec.limit) = 1',
      { spec: { limit: 100, ports: [{ port: 80 }, { port: 8080 }] } },
      'PASS',
    ],
  ];
  it.each(cases)('%s on %j → %s', (condition, value, status) => {
    expect(statusOf({ condition, type: 'pod' }, { Type: 'pod', ...doc(value) })).toBe(status);
  });

  it('explains the count it found', () => {
    const [r] = runRule({ condition: ONE_HOSTNAME, type: 'pod' }, [{ Type: 'pod', ...doc({ spec: {} }) }]);
    expect([r.status, r.field, r.actual]).toEqual([
      'FAIL',
      'count(spec.topologySpreadConstraints[*] where topologyKey equals "kubernetes.io/hostname")',
      '0',
    ]);
  });
});

describe('text functions: split, before, after and image reference parts', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['split(hosts, ";") includes "b.example.com"', { hosts: 'a.example.com; b.example.com' }, 'PASS'],
    ['count(split(hosts, ";")) = 3', { hosts: 'a;b' }, 'FAIL'],
    ['before(owner, "@") = "alice"', { owner: 'alice@example.com' }, 'PASS'],
    ['before(owner, "@") = "alice"', { owner: 'alice' }, 'PASS'],
    ['after(owner, "@") = "example.com"', { owner: 'alice@example.com' }, 'PASS'],
    ['after(owner, "@") exists', { owner: 'alice' }, 'FAIL'],
    ['registry(image) = "docker.io"', { image: 'nginx:1.25' }, 'PASS'],
    ['repository(image) = "library/nginx"', { image: 'nginx' }, 'PASS'],
    ['tag(image) = "latest"', { image: 'nginx' }, 'PASS'],
    ['tag(image) does not exist', { image: 'nginx@sha256:abc' }, 'PASS'],
    [
      'registry(image) = "registry.example.com:5000"',
      { image: 'registry.example.com:5000/team/app:1.2' },
      'PASS',
    ],
    ['repository(image) = "team/app"', { image: 'registry.example.com:5000/team/app:1.2' }, 'PASS'],
    ['tag(image) = "1.2"', { image: 'registry.example.com:5000/team/app:1.2@sha256:abc' }, 'PASS'],
    ['digest(image) starts with "sha256:"', { image: 'localhost/app@sha256:abc' }, 'PASS'],
    ['registry(image) = "localhost"', { image: 'localhost/app' }, 'PASS'],
    ['registry(image) = "docker.io"', { image: 'index.docker.io/bitnami/redis' }, 'PASS'],
    ['registry(image) = "docker.io"', { image: 'bitnami/redis:7' }, 'PASS'],
    [
      'registry(containers[*].image) is one of "ghcr.io, docker.io"',
      { containers: '[{"image":"ghcr.io/a/b"},{"image":"quay.io/c"}]' },
      'FAIL',
    ],
    [
      'tag(containers[*].image) does not equal "latest"',
      { containers: '[{"image":"ghcr.io/a/b:1"},{"image":"c"}]' },
      'FAIL',
    ],
    [
      'tag(containers[*].image) does not equal "latest"',
      { containers: '[{"image":"ghcr.io/a/b:1"},{"image":"c:2"}]' },
      'PASS',
    ],
  ];
  it.each(cases)('%s on %j → %s', (condition, cells, status) => {
    expect(statusOf({ condition }, cells)).toBe(status);
  });
});

describe('row form: a function of a path in Field, judged under Match', () => {
  const containers = (...images: string[]) => ({
    podSpec: JSON.stringify({ containers: images.map((image) => ({ image })) }),
  });
  const cases: [string, string, string, string, Record<string, string>, string][] = [
    ['tag(podSpec.containers[*].image)', 'does not equal', 'latest', 'all', containers('a:1', 'b'), 'FAIL'],
    ['tag(podSpec.containers[*].image)', 'does not equal', 'latest', 'any', containers('a:1', 'b'), 'PASS'],
    [
      'registry(podSpec.containers[*].image)',
      'is one of',
      'ghcr.io',
      'all',
      containers('ghcr.io/a/b'),
      'PASS',
    ],
    ['after(owner, "@")', 'equals', 'example.com', '', { owner: 'ana@example.com' }, 'PASS'],
    ['count(entries(labels))', 'at least', '1', '', { labels: '{"a":1}' }, 'PASS'],
  ];
  it.each(cases)('%s %s %s (Match %s) on %j → %s', (field, operator, expected, match, cells, status) => {
    expect(statusOf({ field, operator, expected, match: match || undefined }, cells)).toBe(status);
  });

  it('reads as the rule row says, Match included', () => {
    const [r] = runRule(
      {
        field: 'tag(podSpec.containers[*].image)',
        operator: 'does not equal',
        expected: 'latest',
        match: 'any',
      },
      [containers('b')],
    );
    expect(r.status).toBe('FAIL');
  });

  it.each([
    ['tag(image', 'close it with ")"'],
    ['tag(image) = 1', 'close it with ")"'],
    ['tag(a, b)', 'tag(…) takes an image reference'],
  ])('%s in Field is a problem on Field: %s', (field, words) => {
    const [r] = runRule({ field, operator: 'equals', expected: 'x' }, [{ a: '1' }]);
    expect(r.status).toBe('ERROR');
    expect(r.message).toContain(words);
  });
});

test('a path inside a function in Field is checked against the sheets like any Field path', () => {
  const out = validate(
    [
      rulesGrid([{ field: 'tag(imag)', operator: 'does not equal', expected: 'latest' }]),
      resourcesGrid([{ image: 'a:1' }]),
    ],
    { now: NOW },
  );
  expect(out.problems.map(formatProblem)).toEqual([
    "Rules!D2: No resource of the rule's types has a column 'imag', so it is missing on every resource. Did you mean 'image'?",
  ]);
});

test('a where that reads an unparsable cell makes the count an ERROR naming that cell', () => {
  const [r] = runRule(
    { condition: 'count(spec.ports[*] where port < resource.limits.max) = 0', type: 'pod' },
    [{ Type: 'pod', Document: '{"spec":{"ports":[{"port":80}]}}', limits: '{"max": ' }],
  );
  expect(r.status).toBe('ERROR');
  expect(r.message).toMatch(
    /^count\(spec\.ports\[\*\] where port less than resource\.limits\.max\) cannot be read: Resources!\w+2 holds JSON that does not parse \(/,
  );
});

test('a function over a [*] path names the element it failed on', () => {
  const [r] = runRule({ condition: 'tag(podSpec.containers[*].image) does not equal "latest"' }, [
    {
      podSpec: JSON.stringify({
        containers: [
          { name: 'api', image: 'a:1' },
          { name: 'web', image: 'nginx' },
        ],
      }),
    },
  ]);
  expect(r.message).toBe(
    'container "web": tag(image) is "latest"; expected does not equal "latest" (1 of 2 containers fails)',
  );
});
