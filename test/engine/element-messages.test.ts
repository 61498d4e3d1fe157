// Messages a person reads for list rules: the failing element by its name (else its number), values shown as the
// engine compares them (a CSV's "FALSE" and a checkbox's FALSE both read FALSE), never the rule's code.
import { runRule } from './one-rule';

const pod = JSON.stringify({
  containers: [
    { name: 'web', image: 'corp/web', securityContext: { privileged: false, runAsNonRoot: true } },
    { name: 'falco', image: 'docker.io/falco', securityContext: { privileged: true } },
  ],
});
const unnamed = JSON.stringify({ containers: [{ image: 'corp/a' }, { image: 'docker.io/b' }] });

const messageOf = (rule: Parameters<typeof runRule>[0], spec: string = pod) =>
  runRule({ type: 'k8s:Pod', ...rule }, [{ 'Resource ID': 'p1', Type: 'k8s:Pod', spec }])[0].message;

test.each([
  [
    'Match all: the failing container by name',
    { field: 'spec.containers[*].securityContext.privileged', operator: 'is false' },
    'container "falco": securityContext.privileged is TRUE; expected is false (1 of 2 containers fails)',
  ],
  [
    'Match none: the container that matches',
    { field: 'spec.containers[*].securityContext.privileged', operator: 'is true', match: 'none' },
    'container "falco": securityContext.privileged is true, which the rule forbids (1 of 2 containers)',
  ],
  [
    'Match any: none passes',
    { field: 'spec.containers[*].image', operator: 'starts with', expected: 'ghcr.io/', match: 'any' },
    'no container passes (2 checked): container "web": image is "corp/web"; expected starts with "ghcr.io/"',
  ],
  [
    'first(…): the container, not the function',
    {
      condition:
        'first(spec.containers[*].securityContext.runAsNonRoot, spec.securityContext.runAsNonRoot, FALSE) is true',
    },
    'container "falco": securityContext.runAsNonRoot is FALSE; expected is true (1 of 2 containers fails)',
  ],
  [
    'a quantifier names its elements too',
    { condition: 'none(spec.containers[*], image starts with "docker.io/")' },
    'container "falco" matches what the rule forbids: {"name": "falco", "image": "docker.io/falco", "securityContext": {"privileged":… (1 of 2 containers)',
  ],
])('%s', (_name, rule, message) => {
  expect(messageOf(rule)).toBe(message);
});

test('an element without a name is numbered from 1', () => {
  expect(
    messageOf({ field: 'spec.containers[*].image', operator: 'starts with', expected: 'corp/' }, unnamed),
  ).toBe('container 2: image is "docker.io/b"; expected starts with "corp/" (1 of 2 containers fails)');
});

test.each([
  ['text FALSE', 'FALSE'],
  ['a checkbox FALSE', false],
])('%s reads the same in the message: is FALSE, never is "FALSE"', (_name, value) => {
  const [r] = runRule({ field: 'encrypted', operator: 'is true' }, [
    { 'Resource ID': 'b1', encrypted: value },
  ]);
  expect(r.message).toBe('encrypted is FALSE; expected is true');
});

test.each([
  ['a number written as text', '8080', 'port is 8080; expected less than 1024'],
  ['a date written as text', '2025-01-01', 'port is 2025-01-01'],
  ['plain text stays quoted', 'high', 'port is "high", which'],
])('%s', (_name, value, start) => {
  const [r] = runRule({ field: 'port', operator: 'less than', expected: '1024' }, [
    { 'Resource ID': 'b1', port: value },
  ]);
  expect(r.message?.startsWith(start)).toBe(true);
});
