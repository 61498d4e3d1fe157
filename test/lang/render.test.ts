// `Reads As`: the canonical text of a condition, which reads like English and parses back to the same tree.
import { parseExpression, renderExpression, renderOperand } from '../../core/lang';
import type { Expr, Operand } from '../../core/lang';
import { stripPos } from './arbitraries';

describe('renderExpression restates what the author wrote', () => {
  const cases: [string, string][] = [
    // as written, as rendered
    [
      'versioning.status = "Enabled" AND NOT acl in "public-read, public-read-write"',
      'versioning.status equals "Enabled" and not (acl is one of "public-read, public-read-write")',
    ],
    [
      'all(podSpec.containers[*].ports[*], hostPort does not exist or hostPort = 0)',
      'all(podSpec.containers[*].ports[*], hostPort does not exist or hostPort equals 0)',
    ],
    [
      'FIRST(podSpec.containers[*].securityContext.runAsNonRoot, podSpec.securityContext.runAsNonRoot, false) is true',
      'first(podSpec.containers[*].securityContext.runAsNonRoot, podSpec.securityContext.runAsNonRoot, FALSE) is true',
    ],
    ['spec.minReplicas <= spec.maxReplicas', 'spec.minReplicas at most spec.maxReplicas'],
    ['keys(metadata.labels) has "app"', 'keys(metadata.labels) includes "app"'],
    ['count(podSpec.containers)<=3', 'count(podSpec.containers) at most 3'],
    ['a <> "say ""hi"""', 'a does not equal "say ""hi"""'],
    ['a = true', 'a equals TRUE'],
    ['a = 2.50', 'a equals 2.5'],
    ['a = -0', 'a equals -0'],
    ['a = 1e21', 'a equals 1e+21'],
    ['a = .5', 'a equals 0.5'],
    ['created older than 90', 'created older than 90 days'],
    ['labels["app.kubernetes.io/name"] exists', 'labels["app.kubernetes.io/name"] exists'],
    ["labels['team'] exists", 'labels.team exists'],
    // parentheses only where precedence needs them
    ['(a exists and b exists) or c exists', 'a exists and b exists or c exists'],
    ['a exists and (b exists or c exists)', 'a exists and (b exists or c exists)'],
    ['not (a exists or b exists)', 'not (a exists or b exists)'],
    ['not (a exists and b exists)', 'not (a exists and b exists)'],
    ['not not a exists', 'not not (a exists)'],
    ['not all(a[*], b exists)', 'not all(a[*], b exists)'],
    ['any(a[*], b exists or c exists) and d exists', 'any(a[*], b exists or c exists) and d exists'],
    // fields named like keywords or operator words are bracketed where the bare name would mislead
    ['["and"] exists', '["and"] exists'],
    ['["TRUE"] = ["not"]', '["TRUE"] equals ["not"]'],
    ['a matches ["regex"]', 'a matches ["regex"]'],
    // a word that runs on into more path is not an operator word, so no brackets are needed
    ['a matches ["regex"].x', 'a matches regex.x'],
    ['a matches ["pattern"][0]', 'a matches pattern[0]'],
    ['a older than ["days"]', 'a older than ["days"] days'],
    ['a equals ["empty"]', 'a equals empty'],
    ['and.x = or.y', 'and.x equals or.y'],
    ['all = any', 'all equals any'],
  ];

  test.each(cases)('%s', (text, rendered) => {
    const parsed = parseExpression(text);
    expect(parsed.problems).toEqual([]);
    const out = renderExpression(parsed.value!);
    expect(out).toBe(rendered);
    expect(stripPos(parseExpression(out).value!)).toEqual(stripPos(parsed.value!));
  });
});

describe('renderOperand', () => {
  const cases: [Operand, string][] = [
    [{ kind: 'literal', value: 'Enabled' }, '"Enabled"'],
    [{ kind: 'literal', value: '"' }, '""""'],
    [{ kind: 'literal', value: 3 }, '3'],
    [{ kind: 'literal', value: -1.5 }, '-1.5'],
    [{ kind: 'literal', value: 1e-7 }, '1e-7'],
    [{ kind: 'literal', value: false }, 'FALSE'],
    [{ kind: 'path', path: { text: 'x', segments: [] } }, '@'],
    [{ kind: 'path', path: { text: 'not', segments: [{ key: 'not' }] } }, '["not"]'],
    [{ kind: 'path', path: { text: 'not.x', segments: [{ key: 'not' }, { key: 'x' }] } }, 'not.x'],
    [
      {
        kind: 'call',
        name: 'first',
        args: [
          { kind: 'path', path: { text: 'a', segments: [{ key: 'a' }] } },
          { kind: 'path', path: { text: 'b', segments: [{ key: 'b' }] } },
          { kind: 'literal', value: false },
        ],
      },
      'first(a, b, FALSE)',
    ],
  ];

  test.each(cases)('%j → %s', (operand, text) => {
    expect(renderOperand(operand)).toBe(text);
  });
});

test('a hand-built tree with and inside and renders flat, as the parser would read it', () => {
  const x: Expr = {
    kind: 'check',
    left: { kind: 'path', path: { text: 'x', segments: [{ key: 'x' }] } },
    op: 'exists',
  };
  const nested: Expr = { kind: 'and', items: [{ kind: 'and', items: [x, x] }, x] };
  expect(renderExpression(nested)).toBe('x exists and x exists and x exists');
});
