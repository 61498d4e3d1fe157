// The condition language as authors write it in the Condition and Applies When columns.
import { parseExpression } from '../../core/lang';
import type { Expr, Operand } from '../../core/lang';
import { MESSAGES } from '../../core/messages';
import { problemMessage, problemSuggestion } from '../../core/problems';
import { stripPos } from './arbitraries';

// Small builders so each expected tree reads like the text it comes from.
const path = (text: string, ...segments: (string | number | '*')[]): Extract<Operand, { kind: 'path' }> => ({
  kind: 'path',
  path: {
    text,
    segments: segments.map((s) =>
      s === '*' ? { wildcard: true as const } : typeof s === 'number' ? { index: s } : { key: s },
    ),
  },
});
const field = (dotted: string): Operand => path(dotted, ...dotted.split('.'));
const lit = (value: string | number | boolean): Operand => ({ kind: 'literal', value });
const check = (left: Operand, op: string, right?: Operand): Expr =>
  right === undefined ? { kind: 'check', left, op } : { kind: 'check', left, op, right };
const and = (...items: Expr[]): Expr => ({ kind: 'and', items });
const or = (...items: Expr[]): Expr => ({ kind: 'or', items });
const not = (item: Expr): Expr => ({ kind: 'not', item });

describe('the examples of PRODUCT.md §3', () => {
  const cases: [string, Expr][] = [
    [
      'all(podSpec.containers[*].ports[*], hostPort does not exist or hostPort = 0)',
      {
        kind: 'quantifier',
        quantifier: 'all',
        over: path('podSpec.containers[*].ports[*]', 'podSpec', 'containers', '*', 'ports', '*').path,
        body: or(check(field('hostPort'), 'does not exist'), check(field('hostPort'), 'equals', lit(0))),
      },
    ],
    [
      'first(podSpec.containers[*].securityContext.runAsNonRoot, podSpec.securityContext.runAsNonRoot, FALSE) is true',
      check(
        {
          kind: 'call',
          name: 'first',
          args: [
            path(
              'podSpec.containers[*].securityContext.runAsNonRoot',
              'podSpec',
              'containers',
              '*',
              'securityContext',
              'runAsNonRoot',
            ),
            field('podSpec.securityContext.runAsNonRoot'),
            lit(false),
          ],
        },
        'is true',
      ),
    ],
    [
      'spec.minReplicas at most spec.maxReplicas',
      check(field('spec.minReplicas'), 'at most', field('spec.maxReplicas')),
    ],
    [
      'keys(metadata.labels) includes "app"',
      check({ kind: 'call', name: 'keys', args: [field('metadata.labels')] }, 'includes', lit('app')),
    ],
    [
      'count(podSpec.containers) at most 3',
      check({ kind: 'call', name: 'count', args: [field('podSpec.containers')] }, 'at most', lit(3)),
    ],
    [
      'acl is one of "public-read, public-read-write"',
      check(field('acl'), 'is one of', lit('public-read, public-read-write')),
    ],
  ];

  test.each(cases)('%s', (text, tree) => {
    const { value, problems } = parseExpression(text);
    expect(problems).toEqual([]);
    expect(stripPos(value!)).toEqual(tree);
  });
});

describe('checks: operand, operator, value', () => {
  const a = field('a');
  const cases: [string, Expr][] = [
    // operators by name, alias and symbol, in any case and spacing; the tree keeps the canonical name
    ['a equals 1', check(a, 'equals', lit(1))],
    ['a = 1', check(a, 'equals', lit(1))],
    ['a=1', check(a, 'equals', lit(1))],
    ['a == 1', check(a, 'equals', lit(1))],
    ['a is 1', check(a, 'equals', lit(1))],
    ['a EQUALS 1', check(a, 'equals', lit(1))],
    ['a <> 1', check(a, 'does not equal', lit(1))],
    ['a != 1', check(a, 'does not equal', lit(1))],
    ['a is not 1', check(a, 'does not equal', lit(1))],
    ['a Does   Not\tEqual 1', check(a, 'does not equal', lit(1))],
    ['a >= 1', check(a, 'at least', lit(1))],
    ['a>=1', check(a, 'at least', lit(1))],
    ['a > 1', check(a, 'greater than', lit(1))],
    ['a <= 1', check(a, 'at most', lit(1))],
    ['a < 1', check(a, 'less than', lit(1))],
    ['a does not start with "x"', check(a, 'does not start with', lit('x'))],
    ['a starts with "x"', check(a, 'starts with', lit('x'))],
    ['a matches pattern "web-*"', check(a, 'matches pattern', lit('web-*'))],
    ['a matches "^web"', check(a, 'matches', lit('^web'))],
    ['a is not one of "x, y"', check(a, 'is not one of', lit('x, y'))],
    ['a not within network "10.0.0.0/8"', check(a, 'not within network', lit('10.0.0.0/8'))],
    ['a includes none of "x"', check(a, 'includes none of', lit('x'))],
    ['a count at least 2', check(a, 'count at least', lit(2))],
    // operators that take no value
    ['a is empty', check(a, 'is empty')],
    ['a IS NOT EMPTY', check(a, 'is not empty')],
    ['a exists', check(a, 'exists')],
    ['a is true', check(a, 'is true')],
    ['a is false', check(a, 'is false')],
    ['a is missing', check(a, 'does not exist')],
    // literals
    ['a equals 2.5', check(a, 'equals', lit(2.5))],
    ['a equals -1', check(a, 'equals', lit(-1))],
    ['a equals .5', check(a, 'equals', lit(0.5))],
    ['a equals 1e3', check(a, 'equals', lit(1000))],
    ['a equals 1.5E-7', check(a, 'equals', lit(1.5e-7))],
    ['a equals "Enabled"', check(a, 'equals', lit('Enabled'))],
    ['a equals "say ""hi"""', check(a, 'equals', lit('say "hi"'))],
    ['a equals ""', check(a, 'equals', lit(''))],
    ['a equals TRUE', check(a, 'equals', lit(true))],
    ['a equals false', check(a, 'equals', lit(false))],
    ['a equals True', check(a, 'equals', lit(true))],
    ['"x" equals a', check(lit('x'), 'equals', a)],
    ['90 at most a', check(lit(90), 'at most', a)],
    // fields named like keywords, bracketed; a keyword followed by more path is a path
    ['["and"] exists', check(field('and'), 'exists')],
    ['a equals ["true"]', check(a, 'equals', field('true'))],
    ['true.x exists', check(field('true.x'), 'exists')],
    ['not.x exists', check(field('not.x'), 'exists')],
    ['android exists', check(field('android'), 'exists')],
    ['all exists', check(field('all'), 'exists')],
    ['count at most 3', check(field('count'), 'at most', lit(3))],
    ['@ ends with ".com"', check(path('@'), 'ends with', lit('.com'))],
    // a word that is a longer operator is read as that operator
    ['a matches regex "x"', check(a, 'matches', lit('x'))],
    ['a matches ["regex"]', check(a, 'matches', field('regex'))],
    // the days operators take an optional unit word
    ['created older than 90 days', check(field('created'), 'older than', lit(90))],
    ['created older than 90', check(field('created'), 'older than', lit(90))],
    ['cert.expires expires within 30 DAYS', check(field('cert.expires'), 'expires within', lit(30))],
    ['created newer than 1 day', check(field('created'), 'newer than', lit(1))],
    ['created older than days 90', check(field('created'), 'older than', lit(90))],
    // white space anywhere, new lines and non-breaking spaces included
    ['  a\n=\u00a01  ', check(a, 'equals', lit(1))],
  ];

  test.each(cases)('%j', (text, tree) => {
    const { value, problems } = parseExpression(text);
    expect(problems).toEqual([]);
    expect(stripPos(value!)).toEqual(tree);
  });
});

describe('combining: not, and, or, parentheses, quantifiers', () => {
  const [x, y, z, w] = ['x', 'y', 'z', 'w'].map((name) => check(field(name), 'exists'));
  const cases: [string, Expr][] = [
    ['x exists and y exists', and(x, y)],
    ['x exists or y exists', or(x, y)],
    ['x exists AND y exists Or z exists', or(and(x, y), z)],
    ['x exists or y exists and z exists', or(x, and(y, z))],
    ['(x exists or y exists) and z exists', and(or(x, y), z)],
    ['not x exists and y exists', and(not(x), y)],
    ['not (x exists and y exists)', not(and(x, y))],
    ['NOT not x exists', not(not(x))],
    ['not(x exists)', not(x)],
    ['x exists and (y exists and z exists) and w exists', and(x, y, z, w)],
    ['(x exists or y exists) or (z exists or w exists)', or(x, y, z, w)],
    ['((x exists))', x],
    ['x exists and(y exists)', and(x, y)],
    [
      'any(tags[*], @ equals "prod") and none (c[*], c2[*] exists)',
      and(
        {
          kind: 'quantifier',
          quantifier: 'any',
          over: path('tags[*]', 'tags', '*').path,
          body: check(path('@'), 'equals', lit('prod')),
        },
        {
          kind: 'quantifier',
          quantifier: 'none',
          over: path('c[*]', 'c', '*').path,
          body: check(path('c2[*]', 'c2', '*'), 'exists'),
        },
      ),
    ],
    [
      'ALL(a[*], any(b[*], x exists or y exists))',
      {
        kind: 'quantifier',
        quantifier: 'all',
        over: path('a[*]', 'a', '*').path,
        body: { kind: 'quantifier', quantifier: 'any', over: path('b[*]', 'b', '*').path, body: or(x, y) },
      },
    ],
  ];

  test.each(cases)('%s', (text, tree) => {
    const { value, problems } = parseExpression(text);
    expect(problems).toEqual([]);
    expect(stripPos(value!)).toEqual(tree);
  });

  test('checks and quantifiers carry their 0-based offset', () => {
    const { value } = parseExpression('x exists and  all(a[*], y = 1)');
    expect(value).toMatchObject({
      kind: 'and',
      items: [
        { kind: 'check', pos: 0 },
        { kind: 'quantifier', pos: 14, body: { kind: 'check', pos: 24 } },
      ],
    });
  });
});

describe('problems: code, where, and what the author reads', () => {
  const cases: [string, string, number, Record<string, unknown>][] = [
    // text, code, 0-based offset, params
    ['a equal "x"', 'unknown_operator', 2, { operator: 'equal', suggestion: 'equals' }],
    ['a equal b', 'unknown_operator', 2, { operator: 'equal', suggestion: 'equals' }],
    [
      'a does not equl "x"',
      'unknown_operator',
      2,
      { operator: 'does not equl', suggestion: 'does not equal' },
    ],
    ['a is one off "x"', 'unknown_operator', 2, { operator: 'is one off', suggestion: 'is one of' }],
    ['a startswith "x"', 'unknown_operator', 2, { operator: 'startswith', suggestion: 'starts with' }],
    ['a greaterthan 3', 'unknown_operator', 2, { operator: 'greaterthan', suggestion: 'greater than' }],
    ['a => 3', 'unknown_operator', 2, { operator: '=>', suggestion: 'at least' }],
    ['a =< 3', 'unknown_operator', 2, { operator: '=<', suggestion: 'at most' }],
    ['a frobnicates "x"', 'unknown_operator', 2, { operator: 'frobnicates' }],
    [
      'a "x"',
      'expression_syntax',
      2,
      { position: 3, detail: 'expected an operator after "a" but found "x"' },
    ],
    ['a', 'expression_syntax', 1, { position: 2, detail: 'expected an operator after "a"' }],
    [
      'a and b exists',
      'expression_syntax',
      2,
      { position: 3, detail: 'expected an operator after "a" but found "and"' },
    ],
    ['a equals', 'expression_syntax', 8, { position: 9, detail: 'expected a value after "equals"' }],
    [
      'a = and b exists',
      'expression_syntax',
      4,
      { position: 5, detail: 'expected a value after "=" but found "and"' },
    ],
    [
      '(a equals)',
      'expression_syntax',
      9,
      { position: 10, detail: 'expected a value after "equals" but found ")"' },
    ],
    [
      'a = "abc',
      'expression_syntax',
      4,
      { position: 5, detail: 'the text that starts here has no closing quote (")' },
    ],
    [
      'a = "x" and b = "y',
      'expression_syntax',
      16,
      { position: 17, detail: 'the text that starts here has no closing quote (")' },
    ],
    ['(a exists', 'expression_syntax', 9, { position: 10, detail: 'expected ")"' }],
    ['all(a[*], b exists', 'expression_syntax', 18, { position: 19, detail: 'expected ")"' }],
    [
      'a exists)',
      'expression_syntax',
      8,
      { position: 9, detail: 'expected "and", "or" or the end but found ")"' },
    ],
    [
      '(a exists b)',
      'expression_syntax',
      10,
      { position: 11, detail: 'expected "and", "or" or ")" but found "b" ("exists" takes no value)' },
    ],
    [
      'a exists "x"',
      'expression_syntax',
      9,
      { position: 10, detail: 'expected "and", "or" or the end but found "x" ("exists" takes no value)' },
    ],
    [
      'a exists && b exists',
      'expression_syntax',
      9,
      { position: 10, detail: 'expected "and", "or" or the end but found "&&"', suggestion: 'and' },
    ],
    [
      'a exists || b exists',
      'expression_syntax',
      9,
      { position: 10, detail: 'expected "and", "or" or the end but found "||"', suggestion: 'or' },
    ],
    [
      '!a exists',
      'expression_syntax',
      0,
      { position: 1, detail: 'expected a condition but found "!a"', suggestion: 'not' },
    ],
    [
      "a = 'x'",
      'expression_syntax',
      4,
      { position: 5, detail: 'text goes in straight double quotes (")', suggestion: '"x"' },
    ],
    [
      'a = \u201cx\u201d',
      'expression_syntax',
      4,
      { position: 5, detail: 'text goes in straight double quotes (")', suggestion: '"x"' },
    ],
    ['', 'expression_syntax', 0, { position: 1, detail: 'the condition is empty' }],
    [' \n ', 'expression_syntax', 0, { position: 1, detail: 'the condition is empty' }],
    ['a exists and', 'expression_syntax', 12, { position: 13, detail: 'expected a condition after "and"' }],
    [
      'a exists or or b exists',
      'expression_syntax',
      12,
      { position: 13, detail: 'expected a condition but found "or"' },
    ],
    ['()', 'expression_syntax', 1, { position: 2, detail: 'expected a condition but found ")"' }],
    ['not', 'expression_syntax', 3, { position: 4, detail: 'expected a condition after "not"' }],
    ['a, b', 'expression_syntax', 1, { position: 2, detail: 'expected an operator after "a" but found ","' }],
    [
      'all(1, a exists)',
      'expression_syntax',
      4,
      { position: 5, detail: 'expected a field path after "all("' },
    ],
    [
      'all(a[*] b exists)',
      'expression_syntax',
      9,
      { position: 10, detail: 'expected "," after "a[*]" and then a condition' },
    ],
    [
      'first(a b) exists',
      'expression_syntax',
      8,
      { position: 9, detail: 'expected "," or ")" but found "b"' },
    ],
    [
      'first() exists',
      'expression_syntax',
      6,
      { position: 7, detail: 'expected a value after "(" but found ")"' },
    ],
    [
      'first(a, ) exists',
      'expression_syntax',
      9,
      { position: 10, detail: 'expected a value after "," but found ")"' },
    ],
    [
      'a = (1 b',
      'expression_syntax',
      7,
      { position: 8, detail: 'expected ")" or one of + - * / but found "b"' },
    ],
    [
      '90days equals 1',
      'expression_syntax',
      0,
      { position: 1, detail: '"90days" is neither a number nor a field name' },
    ],
    ['a = 1e999', 'expression_syntax', 4, { position: 5, detail: 'the number 1e999 is too large' }],
    // positions count characters as people do: an emoji is one
    [
      'a = "😀" b',
      'expression_syntax',
      9,
      { position: 9, detail: 'expected "and", "or" or the end but found "b"' },
    ],
    ['frist(a) is true', 'unknown_function', 0, { name: 'frist', suggestion: 'first' }],
    ['a = lenght(b)', 'unknown_function', 4, { name: 'lenght' }],
    ['alll(a[*], b exists)', 'unknown_function', 0, { name: 'alll', suggestion: 'all' }],
    ['a..b exists', 'invalid_path', 2, { path: 'a..b', reason: 'a field name is missing between two dots' }],
    ['a = b#c', 'invalid_path', 5, { path: 'b#c', reason: 'unexpected "#"' }],
    [
      'x[abc] exists',
      'invalid_path',
      2,
      { path: 'x[abc]', reason: 'inside [ ] write *, a number or a quoted name' },
    ],
  ];

  test.each(cases)('%j → %s', (text, code, offset, params) => {
    const { value, problems } = parseExpression(text);
    expect(value).toBeUndefined();
    expect(problems).toEqual([
      { code, severity: MESSAGES[code as keyof typeof MESSAGES].severity, location: { offset }, params },
    ]);
  });

  test('the message an author reads names the operator and the fix', () => {
    const [p] = parseExpression('status equal "Enabled"').problems;
    expect(`${problemMessage(p)} ${problemSuggestion(p)}`).toBe(
      "Unknown operator 'equal'. Did you mean 'equals'?",
    );
    const [q] = parseExpression('(a exists').problems;
    expect(problemMessage(q)).toBe('Cannot read the condition at character 10: expected ")".');
  });
});

describe('never throws, however deep', () => {
  test.each([
    ['200 open parentheses', '('.repeat(200) + 'a exists' + ')'.repeat(200)],
    ['100,000 open parentheses', '('.repeat(100_000)],
    ['10,000 nots', 'not '.repeat(10_000) + 'a exists'],
    ['nested quantifiers', 'all(a[*], '.repeat(500) + 'b exists' + ')'.repeat(500)],
    ['nested calls', 'a = ' + 'first('.repeat(500) + 'b' + ')'.repeat(500)],
  ])('%s → a problem', (_name, text) => {
    const { value, problems } = parseExpression(text);
    expect(value).toBeUndefined();
    expect(problems).toMatchObject([
      { code: 'expression_syntax', params: { detail: 'the condition nests more than 100 levels deep' } },
    ]);
  });

  test('100 levels is still fine', () => {
    const text = '('.repeat(99) + 'a exists' + ')'.repeat(99);
    expect(parseExpression(text).problems).toEqual([]);
  });

  test('a long flat condition parses', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `f${i} = ${i}`).join(' and ');
    const { value } = parseExpression(text);
    expect(value).toMatchObject({ kind: 'and' });
    expect((value as { items: Expr[] }).items).toHaveLength(5000);
  });
});

describe('odd input stays cheap and readable', () => {
  test('a very long unknown operator is quoted short and still parses quickly', () => {
    const word = 'x'.repeat(100_000);
    const { problems } = parseExpression(`a ${word} 1`);
    expect(problems).toMatchObject([
      { code: 'unknown_operator', params: { operator: `${'x'.repeat(60)}…` } },
    ]);
  });

  test('a very long bad path is quoted short', () => {
    const { problems } = parseExpression(`a..${'b'.repeat(1000)} exists`);
    expect(problems).toMatchObject([{ code: 'invalid_path', params: { path: `a..${'b'.repeat(77)}…` } }]);
  });

  test('a name followed by a parenthesis after a space is a missing operator, not a function', () => {
    expect(parseExpression('a (b exists)').problems).toMatchObject([
      { code: 'expression_syntax', params: { detail: 'expected an operator after "a" but found "("' } },
    ]);
    expect(parseExpression('count (a) at most 3').problems).toEqual([]);
  });
});
