// The rule builder on Sheets: core/builder does the work; this reads the grids and writes the planned row.
import { a1, builderData, planRuleRow, previewRule, type RuleCandidate } from '../core';
import type { AddedRule, BuilderData, PreviewView } from '../ui/host-actions';
import { toSheetValue } from './cells';
import { readGrids } from './read';
import { ensureSize } from './sheet-size';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function getBuilderData(ss: Spreadsheet): BuilderData {
  return builderData(readGrids(ss, ss.getSpreadsheetTimeZone()));
}

export function preview(ss: Spreadsheet, candidate: RuleCandidate, now: Date): PreviewView {
  return previewRule(readGrids(ss, ss.getSpreadsheetTimeZone()), candidate, now);
}

/** Writes the planned row (and the header when there is no Rules sheet); nothing is written when the plan has errors. */
export function addRuleRow(ss: Spreadsheet, candidate: RuleCandidate): AddedRule {
  const timeZone = ss.getSpreadsheetTimeZone();
  const plan = planRuleRow(readGrids(ss, timeZone), candidate);
  const errors = plan.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new Error(errors.map((p) => [p.message, p.suggestion].filter(Boolean).join(' ')).join('\n'));
  const sheet = ss.getSheetByName(plan.sheet) ?? ss.insertSheet(plan.sheet);
  const width = Math.max(plan.cells.length, plan.header?.length ?? 0);
  ensureSize(sheet, plan.row + 1, width);
  if (plan.header)
    sheet
      .getRange(1, 1, 1, plan.header.length)
      .setValues([plan.header.map((h) => toSheetValue(h, timeZone))]);
  // Cells left null are the user's: only the runs of planned cells are written.
  let c = 0;
  while (c < plan.cells.length) {
    if (plan.cells[c] === null) {
      c++;
      continue;
    }
    const from = c;
    while (c < plan.cells.length && plan.cells[c] !== null) c++;
    const values = plan.cells.slice(from, c).map((cell) => toSheetValue(cell, timeZone));
    sheet.getRange(plan.row + 1, from + 1, 1, values.length).setValues([values]);
  }
  return { ruleId: candidate.ruleId, sheet: plan.sheet, cell: a1(plan.row, 0) };
}
