// A lookup(…) or others(…) naming a type no resource has finds nothing: a warning on its cell, with a near type.
import type { Expr, Operand } from '../lang/ast';
import { parseExpression } from '../lang/parser';
import { didYouMean } from '../names';
import { locate, problem } from '../problems';
import type { Resource, RuleColumn, RulesSheet } from '../rulebook/model';
import { compileGlob } from '../values/glob';
import type { CompiledRule } from './compile-rule';

export function reportUnknownLookupTypes(
  compiled: CompiledRule[],
  resources: readonly Resource[],
  rulesSheet: RulesSheet | undefined,
): void {
  const types = [...new Set(resources.map((r) => r.type))];
  for (const c of compiled) {
    if (!c.rule.enabled || c.broken) continue;
    const cells: [RuleColumn, string][] = [
      ['condition', c.rule.condition],
      ['appliesWhen', c.rule.appliesWhen],
    ];
    for (const [column, text] of cells) {
      if (text.trim() === '') continue;
      const parsed = parseExpression(text).value;
      if (!parsed) continue;
      const seen = new Set<string>();
      for (const type of lookupTypes(parsed)) {
        const fits = compileGlob(type);
        if (seen.has(type.toLowerCase()) || types.some((t) => fits(t))) continue;
        seen.add(type.toLowerCase());
        const where = { sheet: rulesSheet?.name, row: c.rule.row, col: rulesSheet?.columns[column] };
        const found = problem('unknown_lookup_type', { type, suggestion: didYouMean(type, types) });
        for (const p of locate([found], where)) c.problems.push(p);
      }
    }
  }
}

function lookupTypes(expr: Expr, out: string[] = []): string[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      for (const e of expr.items) lookupTypes(e, out);
      break;
    case 'not':
      lookupTypes(expr.item, out);
      break;
    case 'quantifier':
      lookupTypes(expr.body, out);
      break;
    case 'check':
      operandTypes(expr.left, out);
      if (expr.right) operandTypes(expr.right, out);
      break;
  }
  return out;
}

function operandTypes(o: Operand, out: string[]): void {
  if (o.kind === 'lookup' || o.kind === 'others') {
    out.push(o.type);
    for (const c of o.where) operandTypes(c.value, out);
  } else if (o.kind === 'call') for (const a of o.args) operandTypes(a, out);
}
