// lookup(…) and others(…) that cannot find anything: a type no resource has, or a field no sheet of that type holds.
import type { Expr, Operand, Path } from '../lang/ast';
import type { AcrossOperand } from '../lang/across';
import { parseExpression } from '../lang/parser';
import { didYouMean } from '../names';
import { locate, problem, type Problem } from '../problems';
import type { Resource, ResourceSheet, RuleColumn, RulesSheet } from '../rulebook/model';
import { compileGlob } from '../values/glob';
import type { CompiledRule } from './compile-rule';

/**
 * Warns on the rule's cell for each type named in a lookup that no resource has (with the nearest type), and for
 * each field read on the other resources (the lookup's field, the left of a clause) that no sheet holding that
 * type has as a header or dotted prefix. A sheet with a Document column may hold any path; `ID` is always there.
 */
export function reportUnknownLookupTypes(
  compiled: CompiledRule[],
  resources: readonly Resource[],
  rulesSheet: RulesSheet | undefined,
): void {
  const sheetsByType = new Map<string, Set<ResourceSheet>>();
  for (const r of resources) {
    let s = sheetsByType.get(r.type);
    if (!s) sheetsByType.set(r.type, (s = new Set()));
    s.add(r.sheet);
  }
  const types = [...sheetsByType.keys()];
  for (const c of compiled) {
    if (!c.rule.enabled || c.broken) continue;
    const cells: [RuleColumn, string][] = [
      ['condition', c.rule.condition],
      ['appliesWhen', c.rule.appliesWhen],
    ];
    for (const [column, text] of cells) {
      if (text.trim() === '' || !/\b(lookup|others)\s*\(/i.test(text)) continue;
      const parsed = parseExpression(text).value;
      if (!parsed) continue;
      const found: Problem[] = [];
      const seen = new Set<string>();
      for (const a of acrossOperands(parsed)) {
        const fits = compileGlob(a.type);
        const matching = types.filter((t) => fits(t));
        if (matching.length === 0) {
          if (!seen.has(a.type.toLowerCase()))
            found.push(
              problem('unknown_lookup_type', { type: a.type, suggestion: didYouMean(a.type, types) }),
            );
          seen.add(a.type.toLowerCase());
          continue;
        }
        const sheets = new Set(matching.flatMap((t) => [...(sheetsByType.get(t) ?? [])]));
        if ([...sheets].some((s) => s.documentCol !== undefined)) continue;
        const headers = [...new Set([...sheets].flatMap((s) => s.headers.filter((h) => h !== '')))];
        const paths = [...(a.kind === 'lookup' ? [a.field] : []), ...a.where.map((w) => w.other)];
        for (const path of paths) {
          const key = `${a.type}\u0000${path.text}`.toLowerCase();
          if (seen.has(key) || isId(path) || [...sheets].some((s) => resolvesOn(path, s))) continue;
          seen.add(key);
          const params = { type: a.type, path: path.text, suggestion: didYouMean(path.text, headers) };
          found.push(problem('unknown_lookup_field', params));
        }
      }
      const where = { sheet: rulesSheet?.name, row: c.rule.row, col: rulesSheet?.columns[column] };
      for (const p of locate(found, where)) c.problems.push(p);
    }
  }
}

function isId(path: Path): boolean {
  const t = path.text.toLowerCase();
  return t === 'id' || t === 'resource id';
}

/** The whole path, or a dotted prefix of it (a column holding JSON), is a header of the sheet. */
function resolvesOn(path: Path, sheet: ResourceSheet): boolean {
  if (sheet.columnByName.has(path.text.toLowerCase())) return true;
  let prefix = '';
  for (const seg of path.segments) {
    if (!('key' in seg)) break;
    prefix = prefix === '' ? seg.key : `${prefix}.${seg.key}`;
    if (sheet.columnByName.has(prefix.toLowerCase())) return true;
  }
  return false;
}

function acrossOperands(expr: Expr, out: AcrossOperand[] = []): AcrossOperand[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      for (const e of expr.items) acrossOperands(e, out);
      break;
    case 'not':
      acrossOperands(expr.item, out);
      break;
    case 'quantifier':
      if (expr.where) acrossOperands(expr.where, out);
      acrossOperands(expr.body, out);
      break;
    case 'check':
      operandAcross(expr.left, out);
      if (expr.right) operandAcross(expr.right, out);
      break;
  }
  return out;
}

/** Every lookup and others() an operand holds, however deep: in arguments, `where` filters and arithmetic. */
function operandAcross(o: Operand, out: AcrossOperand[]): void {
  if (o.kind === 'lookup' || o.kind === 'others') {
    out.push(o);
    for (const c of o.where) operandAcross(c.value, out);
  } else if (o.kind === 'call') {
    for (const a of o.args) operandAcross(a, out);
    if (o.where) acrossOperands(o.where, out);
  } else if (o.kind === 'arithmetic') {
    operandAcross(o.left, out);
    operandAcross(o.right, out);
  }
}
