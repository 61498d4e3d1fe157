// Rule packs as the Sheets host offers them: core/packs plans the merge, Validate's applier writes it.
import { planPackWrite, rulePackViews } from '../core';
import type { AddedRows, RulePackView } from '../ui/host-actions';
import { runWrite } from './write';

export function listPacks(): RulePackView[] {
  return rulePackViews();
}

/** Appends the pack's rules below the user's; Rule IDs already there are left alone and counted as skipped. */
export function addPack(name: string): AddedRows {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { added, skipped, sheet } = runWrite(ss, (grids) => planPackWrite(grids, name));
  return { added, skipped, sheet, problems: [] };
}
