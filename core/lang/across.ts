// Operands that reach across resources: lookup(field from Type where …) and others(Type where …), and their text.
import type { Operand, Path } from './ast';
import { matchOperator } from './lexer';
import { isPlainName, pathText } from './path';

/** How a where clause ties another resource (left) to this one (right). */
export type AcrossOp = 'equals' | 'selects' | 'is selected by';
export const ACROSS_OPS: readonly AcrossOp[] = ['equals', 'selects', 'is selected by'];

/** `metadata.namespace = Namespace`: `other` is read on the other resource, `value` on this one. */
export interface AcrossClause {
  other: Path;
  op: AcrossOp;
  value: Operand;
}

/**
 * `lookup(field from Type where …)`: the field of the first resource of Type that meets every clause;
 * `others(Type where …)`: the IDs of every resource of Type, this one excepted, that meets every clause.
 */
export type AcrossOperand =
  | { kind: 'lookup'; field: Path; type: string; where: AcrossClause[] }
  | { kind: 'others'; type: string; where: AcrossClause[] };

export { ACROSS_NAMES } from './ast';

/** A type as written: bare when it reads as one name (`k8s:Secret`), else in double quotes (`"k8s:*"`). */
export function renderType(type: string): string {
  return isPlainName(type) && !['from', 'where', 'and'].includes(type.toLowerCase())
    ? type
    : `"${type.replace(/"/g, '""')}"`;
}

/** The canonical text; `operand` renders the clauses' values and `path` the paths, as render.ts does. */
export function renderAcross(
  a: AcrossOperand,
  operand: (o: Operand) => string,
  path: (p: Path) => string,
): string {
  const where = a.where.map((c) => `${path(c.other)} ${c.op} ${clauseValue(c, operand)}`).join(' and ');
  const head = a.kind === 'lookup' ? `${path(a.field)} from ${renderType(a.type)}` : renderType(a.type);
  return `${a.kind}(${head} where ${where})`;
}

/** A value path that would run on into the operator (`selects` + `labels`…) is bracketed, as render.ts does. */
function clauseValue(c: AcrossClause, operand: (o: Operand) => string): string {
  const text = operand(c.value);
  const glued = matchOperator(`${c.op} ${text}`, 0);
  const first = c.value.kind === 'path' ? c.value.path.segments[0] : undefined;
  if (glued && glued.end > c.op.length && first && 'key' in first && isPlainName(first.key))
    return `["${first.key}"]${text.slice(first.key.length)}`;
  return text;
}

/** What a lookup looked for, in words for a message: `k8s:Namespace where Name equals metadata.namespace`. */
export function acrossTarget(a: AcrossOperand, operand: (o: Operand) => string): string {
  return `${a.type} where ${a.where.map((c) => `${pathText(c.other.segments)} ${c.op} ${operand(c.value)}`).join(' and ')}`;
}
