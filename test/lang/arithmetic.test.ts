// Arithmetic and values with units in conditions: how they parse, render back, and what stays as it was.
import { parseExpression, renderExpression } from '../../core/lang';
import { formatProblem } from '../../core/problems';
import { stripPos } from './arbitraries';

/** The tree written back as text: parenthesised where precedence needs it, so the grouping shows. */
function reading(text: string): string {
  const { value, problems } = parseExpression(text);
  if (!value) return `problem: ${problems.map((p) => formatProblem(p)).join('; ')}`;
  return renderExpression(value).replace(/ equals /g, ' = ');
}

describe('arithmetic: * and / bind before + and -, left to right, parentheses group', () => {
  test.each([
    ['limits.memory / requests.memory at most 2.5', 'limits.memory / requests.memory at most 2.5'],
    ['a + b * c = 7', 'a + b * c = 7'],
    ['(a + b) * c = 9', '(a + b) * c = 9'],
    ['a - b - c = 0', 'a - b - c = 0'],
    ['a - (b - c) = 0', 'a - (b - c) = 0'],
    ['a / (b * c) = 1', 'a / (b * c) = 1'],
    ['((a)) = 1', 'a = 1'],
    ['a at most (b + c) / 2', 'a at most (b + c) / 2'],
    ['a -1 = 0', 'a - 1 = 0'],
    ['a - -1 = 0', 'a - -1 = 0'],
    ['2*3 = 6', '2 * 3 = 6'],
    ['count(tags) + 1 at least 2', 'count(tags) + 1 at least 2'],
    ['quantity(limits.cpu) at most 2', 'quantity(limits.cpu) at most 2'],
    ['not (a + 1 = 2)', 'not (a + 1 = 2)'],
    ['(a + 1 = 2) or b = 1', 'a + 1 = 2 or b = 1'],
    ['(a = 1 or b = 2) and c = 3', '(a = 1 or b = 2) and c = 3'],
    ['all(c[*], @.x * 2 at most 10)', 'all(c[*], x * 2 at most 10)'],
    ['created older than 30 + 60 days', 'created older than 30 + 60 days'],
  ])('%s reads as %s', (text, rendered) => {
    expect(reading(text)).toBe(rendered);
  });

  test('the tree: left to right, * before +', () => {
    const { value } = parseExpression('a + b * c - d = 1');
    const p = (k: string) => ({ kind: 'path', path: { text: k, segments: [{ key: k }] } });
    expect(stripPos(value!)).toEqual({
      kind: 'check',
      left: {
        kind: 'arithmetic',
        op: '-',
        left: {
          kind: 'arithmetic',
          op: '+',
          left: p('a'),
          right: { kind: 'arithmetic', op: '*', left: p('b'), right: p('c') },
        },
        right: p('d'),
      },
      op: 'equals',
      right: { kind: 'literal', value: 1 },
    });
  });
});

describe('names that hold - or / stay names: spaces make a sign', () => {
  test.each([
    ['max-surge = 1', 'max-surge = 1'],
    ['a-b - c = 1', 'a-b - c = 1'],
    [
      'metadata.labels["app.kubernetes.io/name"] = "web"',
      'metadata.labels["app.kubernetes.io/name"] = "web"',
    ],
    ['a/b = 1', 'problem: unexpected "/"'],
  ])('%s', (text, rendered) => {
    expect(
      reading(text)
        .replace(/^problem: .*: /, 'problem: ')
        .replace(/\.$/, ''),
    ).toBe(rendered);
  });
});

describe('values with a unit are written bare, as in a manifest', () => {
  test.each([
    ['memory at most 1Gi', 'memory at most 1Gi', '1Gi'],
    ['cpu at most 500m', 'cpu at most 500m', '500m'],
    ['timeout at most 4h30m', 'timeout at most 4h30m', '4h30m'],
    ['timeout at most "PT4H"', 'timeout at most "PT4H"', 'PT4H'],
    ['memory at most "1Gi"', 'memory at most 1Gi', '1Gi'],
    ['x = 2e3', 'x = 2000', 2000],
  ])('%s', (text, rendered, literal) => {
    const { value } = parseExpression(text);
    expect(value?.kind === 'check' && value.right).toEqual({ kind: 'literal', value: literal });
    expect(reading(text)).toBe(rendered);
  });

  test('a number run on into letters that are no unit is still a problem', () => {
    expect(reading('x = 90days')).toMatch(/"90days" is neither a number nor a field name/);
  });
});

describe('problems with positions, never a throw', () => {
  test.each([
    ['a + = 1', 'expected a value after "+" but found "="'],
    ['a * (b + c = 1', 'expected ")" or one of + - * / but found "="'],
    ['(a + b = 1', 'expected ")"'],
    ['a + = ', 'expected a value after "+" but found "="'],
  ])('%s', (text, detail) => {
    const { value, problems } = parseExpression(text);
    expect(value).toBeUndefined();
    expect(String(problems[0].params.detail)).toContain(detail);
    expect(problems[0].location.offset).toBeGreaterThanOrEqual(0);
  });
});
