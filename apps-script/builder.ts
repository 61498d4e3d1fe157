// The rule builder on Sheets: core/builder does the work; this reads the grids and applies the planned row.
import { builderData, planRuleWrite, previewRule, type RuleCandidate } from '../core';
import type { AddedRule, BuilderData, PreviewView } from '../ui/host-actions';
import { readGrids } from './read';
import { runWrite } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function getBuilderData(ss: Spreadsheet): BuilderData {
  return builderData(readGrids(ss, ss.getSpreadsheetTimeZone()));
}

export function preview(ss: Spreadsheet, candidate: RuleCandidate, now: Date): PreviewView {
  return previewRule(readGrids(ss, ss.getSpreadsheetTimeZone()), candidate, now);
}

/** Writes the planned row (and the header when there is no Rules sheet); nothing is written when the plan has errors. */
export function addRuleRow(ss: Spreadsheet, candidate: RuleCandidate): AddedRule {
  const { ruleId, sheet, cell } = runWrite(ss, (grids) => planRuleWrite(grids, candidate));
  return { ruleId, sheet, cell };
}
