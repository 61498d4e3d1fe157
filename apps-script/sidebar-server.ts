// The functions the sidebar calls through google.script.run: plain values in and out, errors as thrown messages.
import type { RuleCandidate } from '../core';
import type {
  AddedRows,
  AddedRule,
  BuilderData,
  PreviewView,
  RulePackView,
  RunView,
} from '../ui/host-actions';
import { addRuleRow, getBuilderData, preview } from './builder';
import { NO_SHEET } from './messages';
import { addPack, listPacks } from './packs';
import { runValidation } from './run';
import { toRunView } from '../ui/run-view';

function active(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error(NO_SHEET);
  return ss;
}

export function sidebarValidate(): RunView {
  const outcome = runValidation();
  if (!outcome.ok) throw new Error(outcome.message);
  return toRunView(outcome.run);
}

export function sidebarSelectCell(sheetName: string, cell: string): void {
  const ss = active();
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new Error(`There is no sheet named "${sheetName}".`);
  sheet.activate();
  sheet.setActiveRange(sheet.getRange(cell || 'A1'));
}

export function sidebarGetBuilderData(): BuilderData {
  return getBuilderData(active());
}

export function sidebarPreviewRule(candidate: RuleCandidate): PreviewView {
  return preview(active(), candidate, new Date());
}

/** Writes take the document lock inside (apps-script/write.ts). */
export function sidebarAddRule(candidate: RuleCandidate): AddedRule {
  return addRuleRow(active(), candidate);
}

export function sidebarListRulePacks(): RulePackView[] {
  return listPacks();
}

export function sidebarAddRulePack(name: string): AddedRows {
  return addPack(name);
}

/** The e-mail needs a wider scope than this add-on asks for; without it Apps Script gives '' and the pane asks. */
export function sidebarGetUserName(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}
