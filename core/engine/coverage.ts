// Rules that check nothing: a column no resource of their types has, or resources that Applies When leaves out.
import type { Expr, Operand, Path } from '../lang/ast';
import { isFieldCall, parseFieldCall } from '../lang/field-call';
import { parseRowPath } from '../lang/path';
import { parseExpression } from '../lang/parser';
import { didYouMean } from '../names';
import { locate, problem } from '../problems';
import type { Resource, ResourceSheet, RuleColumn, RulesSheet } from '../rulebook/model';
import { CODE } from './codes';
import type { CompiledRule } from './compile-rule';
import type { RuleRun } from './evaluate';

/**
 * Adds an `unknown_field` warning to each enabled, runnable rule for each path it reads against the row (Field,
 * or a path in Condition / Applies When outside a quantifier's body and outside first()) that no sheet holding
 * its types can resolve. Decided from headers alone, once per rule and sheet: a path resolves on a sheet with a
 * Document column, or whose header is the path or one of its dotted prefixes.
 */
export function reportUnknownFields(
  compiled: CompiledRule[],
  resources: readonly Resource[],
  rulesSheet: RulesSheet | undefined,
): void {
  const sheetsByType = new Map<string, Set<ResourceSheet>>();
  for (const res of resources) {
    let sheets = sheetsByType.get(res.type);
    if (!sheets) sheetsByType.set(res.type, (sheets = new Set()));
    sheets.add(res.sheet);
  }
  for (const c of compiled) {
    if (!c.rule.enabled || c.broken) continue;
    const sheets = new Set<ResourceSheet>();
    for (const [type, held] of sheetsByType) if (c.matchesType(type)) for (const s of held) sheets.add(s);
    // No resource of its types at all is unknown_resource_type's to say.
    if (sheets.size === 0 || [...sheets].some((s) => s.documentCol !== undefined)) continue;
    // The headers to suggest from, gathered only for a rule that has an unknown path (few do).
    let headers: string[] | undefined;
    for (const { column, paths } of pathsOf(c)) {
      const seen = new Set<string>();
      for (const path of paths) {
        const key = path.text.toLowerCase();
        if (seen.has(key) || [...sheets].some((s) => resolvesOn(path, s))) continue;
        seen.add(key);
        headers ??= [...new Set([...sheets].flatMap((s) => s.headers.filter((h) => h !== '')))];
        const params = { path: path.text, suggestion: didYouMean(path.text, headers) };
        const where = { sheet: rulesSheet?.name, row: c.rule.row, col: rulesSheet?.columns[column] };
        for (const p of locate([problem('unknown_field', params)], where)) c.problems.push(p);
      }
    }
  }
}

/**
 * Adds a `rule_judged_nothing` warning to each enabled, runnable rule that has resources of its types but judged
 * none of them (every one NOT_APPLICABLE), at its Applies When cell, or its Business Unit cell when only the scope
 * left them out. A rule already warned of an unknown field or type has its cause said and gets nothing more.
 */
export function reportRulesJudgingNothing(
  runs: readonly RuleRun[],
  rulesSheet: RulesSheet | undefined,
): void {
  const byRule = new Map<CompiledRule, RuleRun[]>();
  for (const run of runs) {
    const list = byRule.get(run.compiled);
    if (list) list.push(run);
    else byRule.set(run.compiled, [run]);
  }
  for (const [c, list] of byRule) {
    if (!c.rule.enabled || c.broken) continue;
    if (c.problems.some((p) => p.code === 'unknown_field' || p.code === 'unknown_resource_type')) continue;
    let resources = 0;
    let judged = false;
    for (const run of list) {
      resources += run.resources.length;
      judged ||= run.codes.some((code) => code !== CODE.NOT_APPLICABLE);
    }
    if (resources === 0 || judged) continue;
    const byAppliesWhen = c.rule.appliesWhen.trim() !== '';
    const column: RuleColumn = byAppliesWhen ? 'appliesWhen' : 'businessUnit';
    const params = { resources, by: byAppliesWhen ? 'Applies When' : 'Business Unit' };
    const where = { sheet: rulesSheet?.name, row: c.rule.row, col: rulesSheet?.columns[column] };
    for (const p of locate([problem('rule_judged_nothing', params)], where)) c.problems.push(p);
  }
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

/** The row paths each cell of the rule reads, re-read from the cells (compiling keeps no tree). */
export function pathsOf(c: CompiledRule): { column: RuleColumn; paths: Path[] }[] {
  const out: { column: RuleColumn; paths: Path[] }[] = [];
  const { rule } = c;
  if (rule.condition.trim() !== '') {
    const parsed = parseExpression(rule.condition);
    if (parsed.value) out.push({ column: 'condition', paths: rowPaths(parsed.value) });
  } else if (isFieldCall(rule.field)) {
    const call = parseFieldCall(rule.field);
    if (call.value) out.push({ column: 'field', paths: operandPaths(call.value, []) });
  } else if (rule.field.trim() !== '') {
    const field = parseRowPath(rule.field);
    if (field.value) out.push({ column: 'field', paths: [field.value] });
  }
  if (rule.appliesWhen.trim() !== '') {
    const parsed = parseExpression(rule.appliesWhen);
    if (parsed.value) out.push({ column: 'appliesWhen', paths: rowPaths(parsed.value) });
  }
  return out;
}

function rowPaths(expr: Expr, out: Path[] = []): Path[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      for (const item of expr.items) rowPaths(item, out);
      break;
    case 'not':
      rowPaths(expr.item, out);
      break;
    case 'check':
      operandPaths(expr.left, out);
      if (expr.right) operandPaths(expr.right, out);
      break;
    case 'quantifier':
      // The body reads each element, not the row.
      out.push(expr.over);
      break;
  }
  return out;
}

function operandPaths(operand: Operand, out: Path[]): Path[] {
  if (operand.kind === 'path' && operand.path.segments.length > 0) out.push(operand.path);
  // first() exists to fall back across paths that some resources lack.
  if (operand.kind === 'call' && operand.name !== 'first') for (const a of operand.args) operandPaths(a, out);
  if (operand.kind === 'arithmetic') {
    operandPaths(operand.left, out);
    operandPaths(operand.right, out);
  }
  // A lookup's clause values are read on this row; its other paths are lookup-types.ts's to check.
  if (operand.kind === 'lookup' || operand.kind === 'others')
    for (const c of operand.where) operandPaths(c.value, out);
  return out;
}
