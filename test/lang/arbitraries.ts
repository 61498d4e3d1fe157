// fast-check generators for paths and expression trees, shaped the way the parser normalises them.
import fc from 'fast-check';
import type { Expr, Operand, Path, Segment } from '../../core/lang';
import { ACROSS_OPS, FUNCTION_NAMES, pathText } from '../../core/lang';
import { INSIDE_FUNCTIONS } from '../../core/lang/functions';
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
  'resource',
  'Outer',
  'where',
  'entries',
  'split',
  'tag',
  'matching',
  'case',
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

const plainPathArb: fc.Arbitrary<Path> = segmentsArb.map((segments) => ({
  text: pathText(segments),
  segments,
}));

/** `resource.a…` / `outer.a…`: a start, then a name (a path read against the row starts with one). */
const fromPathArb: fc.Arbitrary<Path> = fc
  .record({ from: fc.constantFrom('resource' as const, 'outer' as const), key: keyArb, rest: segmentsArb })
  .map(({ from, key, rest }) => {
    const segments = [{ key }, ...rest];
    return { text: pathText(segments), segments, from };
  });

export const pathArb: fc.Arbitrary<Path> = fc.oneof(
  { weight: 5, arbitrary: plainPathArb },
  { weight: 1, arbitrary: fromPathArb },
);

const literalArb: fc.Arbitrary<Operand> = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 10 }),
    fc.constantFrom('Enabled', 'public-read, public-read-write', 'say ""hi""', ''),
    fc.constantFrom('1Gi', '500m', '-2k', '.5Mi', '4h30m', '90s', '500ms', 'P30D', 'PT4H', '2E', '1e3m', '0'),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
  )
  .map((value) => ({ kind: 'literal' as const, value }));

const pathOperandArb = pathArb.map((path) => ({ kind: 'path' as const, path }));
// Resource types as the parser keeps them: trimmed, never empty; bare when a plain name, else quoted.
const typeArb = fc.oneof(
  plainKey,
  fc.constantFrom('k8s:Secret', 'k8s:*', 'aws_s3_bucket', 'from', 'where', 'and', 'a b', 'say "hi"'),
);
const acrossOpArb = fc.constantFrom(...ACROSS_OPS);
/** A path read on another resource's row: never starts with `[*]` or an index. */
const otherPathArb = pathArb.map((p) => rowPath(p));

/** Arguments as the parser accepts them: the inside functions take a fixed number, entries() a path. */
function callArb(tie: (key: string) => fc.Arbitrary<unknown>): fc.Arbitrary<Operand> {
  const operand = tie('operand') as fc.Arbitrary<Operand>;
  const where = fc.option(tie('expr') as fc.Arbitrary<Expr>, { nil: undefined, freq: 3 });
  return fc.constantFrom(...FUNCTION_NAMES).chain((name): fc.Arbitrary<Operand> => {
    if (name === 'entries') return pathOperandArb.map((arg) => ({ kind: 'call', name, args: [arg] }));
    const arity = (INSIDE_FUNCTIONS as Record<string, { args: number }>)[name]?.args;
    if (arity !== undefined)
      return fc
        .array(operand, { minLength: arity, maxLength: arity })
        .map((args) => ({ kind: 'call', name, args }));
    if (name === 'count')
      return fc
        .record({ arg: operand, where })
        .map(({ arg, where: w }) =>
          w === undefined
            ? { kind: 'call', name, args: [arg] }
            : { kind: 'call', name, args: [arg], where: w },
        );
    return fc.array(operand, { minLength: 1, maxLength: 3 }).map((args) => ({ kind: 'call', name, args }));
  });
}

/** Trees as the parser builds them: and/or have two or more items and never hold their own kind. */
const exprArbs = fc.letrec<{
  operand: Operand;
  call: Operand;
  arithmetic: Operand;
  across: Operand;
  check: Expr;
  expr: Expr;
  and: Expr;
  or: Expr;
  not: Expr;
  quantifier: Expr;
}>((tie) => ({
  operand: fc.oneof(
    { maxDepth: 3 },
    pathOperandArb,
    literalArb,
    tie('call'),
    tie('arithmetic'),
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
  call: callArb(tie as (key: string) => fc.Arbitrary<unknown>),
  arithmetic: fc.record({
    kind: fc.constant('arithmetic' as const),
    op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const),
    left: tie('operand'),
    right: tie('operand'),
  }),
  check: fc
    .record({ left: tie('operand'), op: fc.constantFrom(...OPERATORS), right: tie('operand') })
    .map(({ left, op, right }): Expr =>
      op.expected === 'none'
        ? { kind: 'check', left, op: op.name }
        : { kind: 'check', left, op: op.name, right },
    ),
  expr: fc.oneof({ maxDepth: 4 }, tie('check'), tie('and'), tie('or'), tie('not'), tie('quantifier')),
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
    .record({
      quantifier: fc.constantFrom(...MATCH_MODES),
      over: pathArb,
      body: tie('expr'),
      entries: fc.boolean(),
      where: fc.option(tie('expr'), { nil: undefined, freq: 3 }),
    })
    .map(({ entries, where, ...q }): Expr => ({
      kind: 'quantifier',
      ...q,
      ...(entries ? { entries: true as const } : {}),
      ...(where ? { where } : {}),
    })),
}));

export const operandArb = exprArbs.operand;

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
  if (operand.kind === 'arithmetic')
    return { ...operand, left: rowOperand(operand.left), right: rowOperand(operand.right) };
  // A count's `where` is about each element: its paths stay as generated.
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
      if (rest.right !== undefined) rest.right = stripOperand(rest.right);
      return { ...rest, left: stripOperand(rest.left) };
    }
    case 'quantifier': {
      const { pos: _pos, body, where, ...rest } = expr;
      return where === undefined
        ? { ...rest, body: stripPos(body) }
        : { ...rest, where: stripPos(where), body: stripPos(body) };
    }
  }
}

function stripOperand(operand: Operand): Operand {
  if (operand.kind === 'lookup' || operand.kind === 'others')
    return { ...operand, where: operand.where.map((c) => ({ ...c, value: stripOperand(c.value) })) };
  if (operand.kind === 'arithmetic')
    return { ...operand, left: stripOperand(operand.left), right: stripOperand(operand.right) };
  if (operand.kind !== 'call') return operand;
  const args = operand.args.map(stripOperand);
  return operand.where === undefined
    ? { ...operand, args }
    : { ...operand, args, where: stripPos(operand.where) };
}
