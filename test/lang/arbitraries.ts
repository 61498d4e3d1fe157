// fast-check generators for paths and expression trees, shaped the way the parser normalises them.
import fc from 'fast-check';
import type { Expr, Operand, Path, Segment } from '../../core/lang';
import { ACROSS_OPS, FUNCTION_NAMES, pathText } from '../../core/lang';
import { OPERATORS } from '../../core/operators';
import { MATCH_MODES } from '../../core/types';

// Names that collide with keywords, literals, quantifiers, functions or operator words.
const trickyKeys = [
  'and',
  'OR',
  'not',
  'true',
  'FALSE',
  'all',
  'any',
  'none',
  'first',
  'keys',
  'count',
  'regex',
  'days',
  'pattern',
  'of',
  'is',
  'in',
  'empty',
  'network',
  'cidr',
  'than',
  'with',
  'day',
];
const plainKey = fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$:-]{0,8}$/);

export const keyArb: fc.Arbitrary<string> = fc.oneof(
  plainKey,
  fc.constantFrom(...trickyKeys),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('app.kubernetes.io/name', 'a b', '"', '""', '*', '0', '', '@', ']', '[', 'größe'),
);

export const segmentArb: fc.Arbitrary<Segment> = fc.oneof(
  { weight: 4, arbitrary: keyArb.map((key) => ({ key })) },
  { weight: 1, arbitrary: fc.nat({ max: 999_999_999_999_999 }).map((index) => ({ index })) },
  { weight: 1, arbitrary: fc.constant({ wildcard: true as const }) },
);

export const segmentsArb: fc.Arbitrary<Segment[]> = fc.array(segmentArb, { maxLength: 5 });

export const pathArb: fc.Arbitrary<Path> = segmentsArb.map((segments) => ({
  text: pathText(segments),
  segments,
}));

const literalArb: fc.Arbitrary<Operand> = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 10 }),
    fc.constantFrom('Enabled', 'public-read, public-read-write', 'say ""hi""', ''),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
  )
  .map((value) => ({ kind: 'literal' as const, value }));

// Resource types as the parser keeps them: trimmed, never empty; bare when a plain name, else quoted.
const typeArb = fc.oneof(
  plainKey,
  fc.constantFrom('k8s:Secret', 'k8s:*', 'aws_s3_bucket', 'from', 'where', 'and', 'a b', 'say "hi"'),
);
const acrossOpArb = fc.constantFrom(...ACROSS_OPS);
/** A path read on another resource's row: never starts with `[*]` or an index. */
const otherPathArb = pathArb.map((p) => rowPath(p));

const operandArbs = fc.letrec<{ operand: Operand; call: Operand; across: Operand }>((tie) => ({
  operand: fc.oneof(
    { maxDepth: 3 },
    pathArb.map((path) => ({ kind: 'path' as const, path })),
    literalArb,
    tie('call'),
    tie('across'),
  ),
  across: fc
    .record({
      lookup: fc.boolean(),
      field: otherPathArb,
      type: typeArb,
      where: fc.array(fc.record({ other: otherPathArb, op: acrossOpArb, value: tie('operand') }), {
        minLength: 1,
        maxLength: 3,
      }),
    })
    .map(({ lookup, field, type, where }): Operand =>
      lookup ? { kind: 'lookup', field, type, where } : { kind: 'others', type, where },
    ),
  call: fc.record({
    kind: fc.constant('call' as const),
    name: fc.constantFrom(...FUNCTION_NAMES),
    args: fc.array(tie('operand'), { minLength: 1, maxLength: 3 }),
  }),
}));

export const operandArb = operandArbs.operand;

const checkArb: fc.Arbitrary<Expr> = fc
  .record({ left: operandArb, op: fc.constantFrom(...OPERATORS), right: operandArb })
  .map(({ left, op, right }) =>
    op.expected === 'none'
      ? { kind: 'check', left, op: op.name }
      : { kind: 'check', left, op: op.name, right },
  );

/** Trees as the parser builds them: and/or have two or more items and never hold their own kind. */
const exprArbs = fc.letrec<{ expr: Expr; and: Expr; or: Expr; not: Expr; quantifier: Expr }>((tie) => ({
  expr: fc.oneof({ maxDepth: 4 }, checkArb, tie('and'), tie('or'), tie('not'), tie('quantifier')),
  and: fc
    .array(
      tie('expr').filter((e) => e.kind !== 'and'),
      { minLength: 2, maxLength: 4 },
    )
    .map((items) => ({ kind: 'and', items })),
  or: fc
    .array(
      tie('expr').filter((e) => e.kind !== 'or'),
      { minLength: 2, maxLength: 4 },
    )
    .map((items) => ({ kind: 'or', items })),
  not: tie('expr').map((item) => ({ kind: 'not', item })),
  quantifier: fc
    .record({ quantifier: fc.constantFrom(...MATCH_MODES), over: pathArb, body: tie('expr') })
    .map((q) => ({ kind: 'quantifier', ...q })),
}));

/**
 * Trees the parser accepts: outside a quantifier's body a path is read against the row, which is not a list,
 * so a path there that would start with `[*]` or `[0]` gets a name in front (`list[*]`).
 */
export const exprArb = exprArbs.expr.map((tree) => rowPaths(tree));

function rowPath(path: Path): Path {
  if (path.segments.length === 0 || 'key' in path.segments[0]) return path;
  const segments = [{ key: 'list' }, ...path.segments];
  return { text: pathText(segments), segments };
}

function rowOperand(operand: Operand): Operand {
  if (operand.kind === 'path') return { kind: 'path', path: rowPath(operand.path) };
  if (operand.kind === 'call') return { ...operand, args: operand.args.map(rowOperand) };
  if (operand.kind === 'lookup' || operand.kind === 'others')
    return { ...operand, where: operand.where.map((c) => ({ ...c, value: rowOperand(c.value) })) };
  return operand;
}

function rowPaths(expr: Expr): Expr {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return { kind: expr.kind, items: expr.items.map(rowPaths) };
    case 'not':
      return { kind: 'not', item: rowPaths(expr.item) };
    case 'check':
      return expr.right === undefined
        ? { ...expr, left: rowOperand(expr.left) }
        : { ...expr, left: rowOperand(expr.left), right: rowOperand(expr.right) };
    case 'quantifier':
      // The body is read against each element: its paths stay as generated.
      return { ...expr, over: rowPath(expr.over) };
  }
}

/** The tree without source positions, which a rendered text cannot keep. */
export function stripPos(expr: Expr): Expr {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return { kind: expr.kind, items: expr.items.map(stripPos) };
    case 'not':
      return { kind: 'not', item: stripPos(expr.item) };
    case 'check': {
      const { pos: _pos, ...rest } = expr;
      return rest;
    }
    case 'quantifier': {
      const { pos: _pos, body, ...rest } = expr;
      return { ...rest, body: stripPos(body) };
    }
  }
}
