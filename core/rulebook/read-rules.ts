// Reading the Rules sheet: one Rule per non-blank row, each with the problems found in its own cells.
import { a1 } from '../a1';
import { didYouMean } from '../names';
import { problem, type Problem } from '../problems';
import { MATCH_MODES, SEVERITIES, type Cell, type Grid, type MatchMode, type Severity } from '../types';
import type { ParamsArg, ParamsOf, ProblemCode } from '../problem-params';
import { cellBoolean, cellText, isBlank } from '../values/cells';
import { compileGlob } from '../values/glob';
import {
  generatedColumn,
  headerTexts,
  mapHeaders,
  missingColumns,
  RULE_COLUMNS,
  RULE_REQUIRED,
} from './headers';
import type { Resource, Rule, RuleColumn, RulesSheet } from './model';
import { cellAt, commaList, isBlankRow, rowAt } from './sheets';

export interface RulesRead {
  sheet: RulesSheet;
  rules: Rule[];
  problems: Problem[];
}

/** Reads the Rules grid. Missing required columns leave the sheet without rules; bad rows are kept, marked broken. */
export function readRules(grid: Grid): RulesRead {
  const headers = headerTexts(rowAt(grid, 0));
  const generated: RulesSheet['generated'] = {};
  const generatedCols = new Set<number>();
  let userWidth = 0;
  headers.forEach((h, c) => {
    const gen = generatedColumn(h);
    if (gen) {
      generatedCols.add(c);
      if (generated[gen] === undefined) generated[gen] = c;
    } else if (h !== '') {
      userWidth = c + 1;
    }
  });
  const columns = mapHeaders(headers, RULE_COLUMNS, generatedCols);
  const sheet: RulesSheet = { name: grid.name, grid, columns, generated, userWidth };
  // Operator is optional while every rule is a Condition; once a row uses Field, a deleted Operator column is the
  // problem to name (once, at the header row), not an empty Operator on every row.
  const required = needsOperatorColumn(grid, columns, generatedCols)
    ? [...RULE_REQUIRED, 'operator' as const]
    : RULE_REQUIRED;
  const missing = missingColumns(grid.name, headers, columns, RULE_COLUMNS, required, generatedCols);
  if (missing.length > 0) return { sheet, rules: [], problems: missing };

  const rules: Rule[] = [];
  const problems: Problem[] = [];
  const firstById = new Map<string, number>();
  for (let r = 1; r < grid.rows.length; r++) {
    const row = rowAt(grid, r);
    if (isBlankRow(row, generatedCols)) continue;
    const rule = readRule(sheet, headers, row, r, firstById);
    rules.push(rule);
    for (const p of rule.problems) problems.push(p);
  }
  if (rules.length === 0) problems.push(problem('no_rules', {}, { sheet: grid.name }));
  return { sheet, rules, problems };
}

/** True when the sheet has no Operator column and a row writes its check as Field / Operator / Expected. */
function needsOperatorColumn(
  grid: Grid,
  columns: RulesSheet['columns'],
  generatedCols: ReadonlySet<number>,
): boolean {
  if (columns.operator !== undefined || columns.field === undefined) return false;
  for (let r = 1; r < grid.rows.length; r++) {
    const row = rowAt(grid, r);
    if (isBlankRow(row, generatedCols)) continue;
    if (cellText(cellAt(row, columns.field)) !== '' && cellText(cellAt(row, columns.condition)) === '')
      return true;
  }
  return false;
}

function readRule(
  sheet: RulesSheet,
  headers: readonly string[],
  row: readonly Cell[],
  r: number,
  firstById: Map<string, number>,
): Rule {
  const problems: Problem[] = [];
  const col = (key: RuleColumn) => sheet.columns[key];
  const cell = (key: RuleColumn) => cellAt(row, col(key));
  const text = (key: RuleColumn) => cellText(cell(key));
  const report = <C extends ProblemCode>(key: RuleColumn, code: C, ...[params]: ParamsArg<C>) =>
    problems.push(problem(code, params as ParamsOf<C>, { sheet: sheet.name, row: r, col: col(key) }));
  // Problems name a column as its header reads on the sheet, so the user recognises it.
  const header = (key: RuleColumn) => headers[col(key) ?? -1] || RULE_COLUMNS[key].header;

  const id = text('ruleId');
  const title = text('title');
  const resourceTypes = commaList(cell('resourceType'));
  if (id === '') report('ruleId', 'empty_required', { column: header('ruleId') });
  if (title === '') report('title', 'empty_required', { column: header('title') });
  if (resourceTypes.length === 0)
    report('resourceType', 'empty_required', { column: header('resourceType') });

  if (id !== '') {
    const key = id.toLowerCase();
    const first = firstById.get(key);
    if (first === undefined) firstById.set(key, r);
    else report('ruleId', 'duplicate_rule_id', { id, first: a1(first, col('ruleId') ?? 0) });
  }

  const severity = readSeverity(cell('severity'));
  if (severity === undefined) {
    const value = text('severity');
    report('severity', 'unknown_severity', { value, suggestion: didYouMean(value, SEVERITIES) });
  }

  // A broken rule still counts as enabled, so it shows as a rule error instead of vanishing.
  let enabled = true;
  if (!isBlank(cell('enabled'))) {
    const flag = cellBoolean(cell('enabled'));
    if (flag === undefined)
      report('enabled', 'invalid_boolean', { column: header('enabled'), value: text('enabled') });
    else enabled = flag;
  }

  const match = readMatch(cell('match'));
  if (match === undefined) {
    const value = text('match');
    report('match', 'unknown_match', { value, suggestion: didYouMean(value, MATCH_MODES) });
  }

  return {
    row: r,
    id,
    title,
    resourceTypes,
    severity: severity ?? 'Medium',
    owner: text('owner'),
    framework: text('framework'),
    remediation: text('remediation'),
    enabled,
    businessUnits: commaList(cell('businessUnit')),
    field: text('field'),
    operator: text('operator'),
    expected: cell('expected'),
    match: match ?? 'all',
    condition: text('condition'),
    appliesWhen: text('appliesWhen'),
    problems,
    broken: problems.some((p) => p.severity === 'error'),
  };
}

/** Blank is Medium; otherwise one of the severities in any case; undefined when unknown. */
function readSeverity(cell: Cell): Severity | undefined {
  const t = cellText(cell).toLowerCase();
  if (t === '') return 'Medium';
  return SEVERITIES.find((s) => s.toLowerCase() === t);
}

/** Blank is `all`; otherwise all, any or none in any case; undefined when unknown. */
function readMatch(cell: Cell): MatchMode | undefined {
  const t = cellText(cell).toLowerCase();
  if (t === '') return 'all';
  return MATCH_MODES.find((m) => m === t);
}

/**
 * `unknown_resource_type` for each enabled rule whose type patterns match no resource, one per pattern,
 * at the rule's Resource Type cell. Added to the rule's own problems too. Nothing when there are no resources.
 */
export function checkRuleTypes(
  sheet: RulesSheet,
  rules: readonly Rule[],
  resources: readonly Resource[],
): Problem[] {
  if (resources.length === 0) return [];
  // Distinct types only: a sheet of 100,000 buckets has one type to test against.
  const raw = new Set<string>();
  for (const res of resources) raw.add(res.type);
  const byLower = new Map<string, string>();
  for (const type of raw) if (!byLower.has(type.toLowerCase())) byLower.set(type.toLowerCase(), type);
  const types = [...byLower.values()];
  const out: Problem[] = [];
  for (const rule of rules) {
    if (!rule.enabled || rule.resourceTypes.length === 0) continue;
    const matchesSome = rule.resourceTypes.some((pattern) => {
      const test = compileGlob(pattern);
      return types.some((t) => test(t));
    });
    if (matchesSome) continue;
    for (const pattern of rule.resourceTypes) {
      const p = problem(
        'unknown_resource_type',
        { type: pattern, suggestion: didYouMean(pattern, types) },
        { sheet: sheet.name, row: rule.row, col: sheet.columns.resourceType },
      );
      rule.problems.push(p);
      out.push(p);
    }
  }
  return out;
}
