// The ways of writing a path that docs/rule-language.md lists, each read against a resource as documented.
import { statusOf } from './one-rule';

const deployment = {
  Document: JSON.stringify({
    metadata: { labels: { 'app.kubernetes.io/name': 'shop', 'say "hi"': 'yes' } },
    podSpec: { containers: [{ image: 'nginx:1.25' }, { image: 'busybox' }] },
    tags: ['prod', 'eu'],
  }),
};

describe('path forms (condition → status)', () => {
  const cases: [string, string][] = [
    ['Document.metadata.labels["app.kubernetes.io/name"] = "shop"', 'PASS'],
    ['Document.metadata.labels["app.kubernetes.io/name"] = "cart"', 'FAIL'],
    ['Document.metadata.labels["say ""hi"""] = "yes"', 'PASS'],
    ['Document.podSpec.containers[0].image starts with "nginx"', 'PASS'],
    ['Document.podSpec.containers[1].image starts with "nginx"', 'FAIL'],
    ['Document.podSpec.containers[5].image exists', 'FAIL'],
    ['Document.podSpec.containers[*].image exists', 'PASS'],
    ['any(Document.tags[*], @ = "prod")', 'PASS'],
    ['any(Document.tags[*], @ = "staging")', 'FAIL'],
    ['none(Document.tags[*], @ starts with "us")', 'PASS'],
  ];
  test.each(cases)('%s → %s', (condition, status) =>
    expect(statusOf({ condition }, deployment)).toBe(status),
  );
});
