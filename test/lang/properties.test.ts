// Properties of the condition language: render then parse is the identity, and no text makes the parser throw.
import fc from 'fast-check';
import { parseExpression, pathText, renderExpression } from '../../core/lang';
import type { Expr } from '../../core/lang';
import { OPERATORS, OPERATOR_WORDS } from '../../core/operators';
import { exprArb, stripPos } from './arbitraries';

test('any tree survives renderExpression then parseExpression unchanged', () => {
  fc.assert(
    fc.property(exprArb, (tree) => {
      const text = renderExpression(tree);
      const { value, problems } = parseExpression(text);
      expect(problems).toEqual([]);
      expect(stripPos(value!)).toEqual(tree);
    }),
    { numRuns: 1000 },
  );
});

// Random trees rarely put `regex` right after `matches`; this tries every operator with every word it could glue to.
test('a field named like an operator word, right after an operator, still reads back as that field', () => {
  const words = [...new Set(OPERATOR_WORDS.flatMap((w) => w.split(' ')))].concat([
    'and',
    'or',
    'not',
    'true',
    'day',
  ]);
  for (const op of OPERATORS.filter((o) => o.expected !== 'none')) {
    for (const word of words) {
      for (const segments of [[{ key: word }], [{ key: word }, { key: 'x' }]]) {
        const tree: Expr = {
          kind: 'check',
          left: { kind: 'path', path: { text: 'a', segments: [{ key: 'a' }] } },
          op: op.name,
          right: { kind: 'path', path: { text: pathText(segments), segments } },
        };
        const text = renderExpression(tree);
        expect([text, stripPos(parseExpression(text).value!)]).toEqual([text, tree]);
      }
    }
  }
});

// Pieces of real conditions and of typical mistakes, so random text often comes close to valid.
const pieces = [
  'a',
  'b.c',
  'x[*]',
  'x[0].y',
  '["k"]',
  '["a""b"]',
  '@',
  '(',
  ')',
  ',',
  '"t"',
  '"',
  '""',
  "'",
  '90',
  '-1',
  '2.5',
  '1e3',
  '.',
  '[',
  ']',
  '#',
  '&&',
  '||',
  '!',
  '=>',
  'TRUE',
  'false',
  'and',
  'OR',
  'not',
  'all(',
  'any',
  'none(',
  'first(',
  'keys(',
  'count(',
  'frist(',
  'entries(',
  'split(',
  'tag(',
  ' where ',
  'resource.',
  'outer[0]',
  'days',
  ' + ',
  ' - ',
  '*',
  ' / ',
  '1Gi',
  '4h30m',
  'quantity(',
  'is',
  'one',
  'of',
  ...OPERATOR_WORDS,
];
const grammarText = fc
  .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom('', ' ', '  ', '\n')), { maxLength: 25 })
  .map((parts) => parts.map(([piece, gap]) => piece + gap).join(''));

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  grammarText,
  grammarText,
  exprArb.chain((tree) =>
    // A valid condition with one character cut out or doubled: near misses are where parsers break.
    fc.tuple(fc.constant(renderExpression(tree)), fc.nat(), fc.boolean()).map(([text, at, cut]) => {
      const i = at % (text.length + 1);
      return cut ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i + 1) + text.slice(i);
    }),
  ),
);

test('parseExpression never throws: it gives a tree, or at least one problem with its place', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const { value, problems } = parseExpression(text);
      if (value !== undefined) {
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        // What parses, renders to text that parses back to the same tree.
        expect(stripPos(parseExpression(renderExpression(value)).value!)).toEqual(stripPos(value));
      } else {
        expect(problems.length).toBeGreaterThan(0);
      }
      for (const p of problems) {
        expect(p.params.detail).not.toBe('the condition could not be read');
        expect(p.location.offset).toBeGreaterThanOrEqual(0);
        expect(p.location.offset).toBeLessThanOrEqual(text.length);
      }
    }),
    { numRuns: 1500 },
  );
});
