// Where and how a new rule row goes into the Rules sheet, as cells a host appends.
import { RULE_COLUMNS } from '../rulebook/headers';
import type { RuleColumn } from '../rulebook/model';
import { readRulebook } from '../rulebook/read';
import { RULES_SHEET, findSheet, isBlankRow, rowAt } from '../rulebook/sheets';
import { problem, renderProblem, type Problem } from '../problems';
import { sheetRef } from '../a1';
import { safeText, type WriteCell } from '../output/patch';
import { lookupOperator } from '../operators';
import type { Grid } from '../types';
import { candidateCells, isConditionForm } from './candidate';
import { headerTexts } from '../rulebook/headers';
import type { RuleCandidate, RuleRowPlan } from './types';

/** The header a new Rules sheet gets: every user column, in the order the docs list them. */
export const NEW_RULES_HEADER: readonly string[] = Object.values(RULE_COLUMNS).map((c) => c.header);

const REQUIRED: readonly RuleColumn[] = ['ruleId', 'title', 'resourceType', 'field', 'operator'];
const REQUIRED_CONDITION: readonly RuleColumn[] = ['ruleId', 'title', 'resourceType', 'condition'];
/** Columns the builder adds to an existing Rules sheet that lacks them, instead of refusing the rule. */
const ADDABLE: readonly RuleColumn[] = ['condition'];

/**
 * The row for a candidate: cells placed under the sheet's own headers (aliases and order respected), written
 * after the last non-blank row. Errors (a blank required cell, a Rule ID in use, a column the sheet lacks) mean
 * the host must not write; the pane shows them.
 */
export function planRuleRow(grids: Grid[], candidate: RuleCandidate): RuleRowPlan {
  const grid = findSheet(grids, RULES_SHEET);
  const name = grid?.name ?? RULES_SHEET.name;
  const cells = candidateCells(candidate);
  const problems: Problem[] = [];
  const conditionForm = isConditionForm(candidate);
  for (const key of conditionForm ? REQUIRED_CONDITION : REQUIRED) {
    if (cells[key] === undefined)
      problems.push(problem('empty_required', { column: RULE_COLUMNS[key].header }));
  }
  const op = conditionForm ? undefined : lookupOperator(candidate.operator);
  if (op && op.expected !== 'none' && cells.expected === undefined) {
    problems.push(problem('empty_required', { column: RULE_COLUMNS.expected.header }));
  }

  if (!grid) {
    const row = NEW_RULES_HEADER.map((h) => {
      const key = (Object.keys(RULE_COLUMNS) as RuleColumn[]).find((k) => RULE_COLUMNS[k].header === h);
      const text = key ? cells[key] : undefined;
      return text === undefined ? null : safeText(text);
    });
    return {
      sheet: name,
      row: 1,
      cells: row,
      header: [...NEW_RULES_HEADER],
      problems: problems.map(renderProblem),
    };
  }

  const book = readRulebook(grids);
  const columns = book.rulesSheet?.columns ?? {};
  const used = book.rules.find((r) => r.id.toLowerCase() === (cells.ruleId ?? '').toLowerCase());
  if (used)
    problems.push(
      problem('duplicate_rule_id', { id: used.id, first: sheetRef(name, used.row, columns.ruleId ?? 0) }),
    );

  const out: WriteCell[] = [];
  const newHeaders: { col: number; header: string }[] = [];
  const headers = headerTexts(rowAt(grid, 0));
  let width = headers.length;
  while (width > 0 && headers[width - 1] === '') width--;
  for (const [key, text] of Object.entries(cells) as [RuleColumn, string][]) {
    let col = columns[key];
    if (col === undefined && ADDABLE.includes(key)) {
      // After every header the sheet has (generated ones included), so no column of the user's or the run's moves.
      col = width++;
      newHeaders.push({ col, header: RULE_COLUMNS[key].header });
    }
    if (col === undefined) {
      problems.push(
        problem('missing_column', { sheet: name, column: RULE_COLUMNS[key].header }, { sheet: name }),
      );
      continue;
    }
    while (out.length <= col) out.push(null);
    out[col] = safeText(text);
  }
  let last = grid.rows.length - 1;
  while (last > 0 && isBlankRow(rowAt(grid, last))) last--;
  return {
    sheet: name,
    row: Math.max(last + 1, 1),
    cells: out,
    ...(newHeaders.length > 0 ? { newHeaders } : {}),
    problems: problems.map(renderProblem),
  };
}
