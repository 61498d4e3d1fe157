// A rule row compiled once: its type matcher, its scope, its check closure, its Reads As and its problems.
import type { Expr, Operand } from '../lang/ast';
import { isFieldCall, parseFieldCall } from '../lang/field-call';
import { parseRowPath } from '../lang/path';
import { parseExpression } from '../lang/parser';
import { renderExpression } from '../lang/render';
import { didYouMean } from '../names';
import { lookupOperator, OPERATOR_NAMES } from '../operators';
import { locate, problem, type Problem } from '../problems';
import type { Rule, RuleColumn, RulesSheet } from '../rulebook/model';
import type { Cell } from '../types';
import { isoDateOrTime } from '../values/cells';
import { compileGlob } from '../values/glob';
import type { Check, ColumnCheck, CompileEnv } from './checks';
import { compileExpr } from './expressions';

export interface CompiledRule {
  rule: Rule;
  /** Absent when the rule cannot run (see `problems`). */
  check?: Check;
  /** Present when the whole check is one field against a literal (see ColumnCheck). */
  column?: ColumnCheck;
  appliesWhen?: Check;
  matchesType: (type: string) => boolean;
  /** Lower-cased business units, empty for all. */
  businessUnits: Set<string>;
  readsAs: string;
  problems: Problem[];
  broken: boolean;
}

export function compileRule(rule: Rule, sheet: RulesSheet | undefined, env: CompileEnv): CompiledRule {
  const problems: Problem[] = [...rule.problems];
  const at = (col: RuleColumn | undefined, found: Problem[]) =>
    locate(found, {
      sheet: sheet?.name,
      row: rule.row,
      col: col === undefined ? undefined : sheet?.columns[col],
    });

  const matchers = rule.resourceTypes.map(compileGlob);
  const base = {
    rule,
    matchesType: (type: string) => matchers.some((m) => m(type)),
    businessUnits: new Set(rule.businessUnits.map((b) => b.toLowerCase())),
  };

  let condition: Expr | undefined;
  if (rule.condition.trim() !== '') {
    if (rule.field.trim() !== '' || rule.operator.trim() !== '')
      for (const p of at('condition', [problem('both_forms')])) problems.push(p);
    const parsed = parseExpression(rule.condition);
    for (const p of at('condition', parsed.problems)) problems.push(p);
    condition = parsed.value;
  } else if (rule.field.trim() !== '' || rule.operator.trim() !== '') {
    const row = rowFormExpr(rule);
    for (const p of at(row.column, row.problems)) problems.push(p);
    condition = row.value;
  } else if (!rule.broken && rule.enabled) {
    // A disabled rule without a check is a draft: it runs nowhere, so it is not an error yet.
    for (const p of at('field', [problem('no_check')])) problems.push(p);
  }

  let check: Check | undefined;
  let column: ColumnCheck | undefined;
  if (condition) {
    const compiled = compileExpr(condition, env, rule.match);
    const where: RuleColumn = rule.condition.trim() !== '' ? 'condition' : columnOf(compiled.problems);
    for (const p of at(where, compiled.problems)) problems.push(p);
    check = compiled.check;
    column = compiled.column;
  }

  let appliesWhen: Check | undefined;
  let scopeExpr: Expr | undefined;
  if (rule.appliesWhen.trim() !== '') {
    const parsed = parseExpression(rule.appliesWhen);
    for (const p of at('appliesWhen', parsed.problems)) problems.push(p);
    if (parsed.value) {
      scopeExpr = parsed.value;
      const compiled = compileExpr(parsed.value, env);
      for (const p of at('appliesWhen', compiled.problems)) problems.push(p);
      appliesWhen = compiled.check;
    }
  }

  const broken = rule.broken || problems.some((p) => p.severity === 'error') || !check;
  return {
    ...base,
    check: broken ? undefined : check,
    column: broken ? undefined : column,
    appliesWhen,
    readsAs: readsAs(rule, condition, scopeExpr),
    problems,
    broken,
  };
}

// Row-form problems from the operator table concern Expected; an unknown operator concerns Operator.
function columnOf(found: Problem[]): RuleColumn {
  return found.some((p) => p.code === 'unknown_operator') ? 'operator' : 'expected';
}

/** The comparison a count operator becomes when its Field ends in `[*]`: the list's length against Expected. */
const COUNTS_OF_LIST: Record<string, string | undefined> = {
  'count at least': 'at least',
  'count at most': 'at most',
};

/** Field / Operator / Expected as the same tree the expression form gives. */
function rowFormExpr(rule: Rule): { value?: Expr; problems: Problem[]; column: RuleColumn } {
  if (rule.field.trim() === '')
    return { problems: [problem('empty_required', { column: 'Field' })], column: 'field' };
  // `tag(podSpec.containers[*].image)`: a function of a path, judged like the path under Match.
  const call = isFieldCall(rule.field) ? parseFieldCall(rule.field) : undefined;
  if (call && !call.value) return { problems: call.problems, column: 'field' };
  const field = call ? { value: { text: '', segments: [] }, problems: [] } : parseRowPath(rule.field);
  if (!field.value) return { problems: field.problems, column: 'field' };
  const op = lookupOperator(rule.operator);
  if (!op) {
    const operator = rule.operator.trim();
    if (operator === '')
      return { problems: [problem('empty_required', { column: 'Operator' })], column: 'operator' };
    return {
      problems: [problem('unknown_operator', { operator, suggestion: didYouMean(operator, OPERATOR_NAMES) })],
      column: 'operator',
    };
  }
  const expected = literalOf(rule.expected);
  const problems: Problem[] = [];
  if (op.expected === 'none' && expected !== undefined) {
    problems.push(problem('expected_ignored', { operator: op.name, value: String(expected.value) }));
  }
  const path: Operand = call?.value ?? { kind: 'path', path: field.value };
  const counted = COUNTS_OF_LIST[op.name];
  // `containers[*]` with a count operator means "how many containers", not "each container counted as one".
  const last = field.value.segments[field.value.segments.length - 1];
  const countsList = !call && counted !== undefined && last !== undefined && 'wildcard' in last;
  return {
    value: {
      kind: 'check',
      left: countsList ? { kind: 'call', name: 'count', args: [path] } : path,
      op: countsList ? counted : op.name,
      right: op.expected === 'none' ? undefined : expected,
    },
    problems,
    column: 'expected',
  };
}

function literalOf(cell: Cell): Extract<Operand, { kind: 'literal' }> | undefined {
  if (cell === null) return undefined;
  if (cell instanceof Date) return { kind: 'literal', value: isoDateOrTime(cell) };
  if (typeof cell === 'string') {
    const text = cell.trim();
    // A blank cell is no Expected; `""` written in the cell is empty text, as in a formula.
    if (text === '') return undefined;
    return { kind: 'literal', value: text === '""' ? '' : text };
  }
  return { kind: 'literal', value: cell };
}

/** The rule in plain words, so its author sees what the engine understood. */
function readsAs(rule: Rule, condition: Expr | undefined, scope: Expr | undefined): string {
  const types = rule.resourceTypes.join(', ') || '(no type)';
  const units = rule.businessUnits.length ? ` in ${rule.businessUnits.join(', ')}` : '';
  const when = scope ? ` where ${renderExpression(scope)}` : '';
  if (!condition) return `Every ${types}${units}${when}: (no valid check)`;
  let body = renderExpression(condition);
  const rowForm =
    rule.condition.trim() === '' &&
    !(condition.kind === 'check' && condition.left.kind === 'call' && condition.left.name === 'count');
  if (rowForm && rule.match !== 'all' && /\[\*\]/.test(rule.field))
    body = `${rule.match === 'any' ? 'at least one' : 'no'} ${body}`;
  else if (rowForm && /\[\*\]/.test(rule.field)) body = `every ${body}`;
  return `Every ${types}${units}${when}: ${body}`;
}
