// Rule packs as the Sheets host offers them: core/packs merges, this reads the Rules sheet and writes the rows.
import type { AddedRows, RulePackView } from '../ui/host-actions';
import { listRulePacks, mergeRulePack, readRulebook, rulePack, unknownPackMessage } from '../core';
import { toSheetRows, toSheetValue } from './cells';
import { readGrids } from './read';
import { ensureSize } from './sheet-size';

export function listPacks(): RulePackView[] {
  return listRulePacks().map((p) => ({
    name: p.name,
    title: p.title,
    description: p.description,
    rules: p.ruleCount,
  }));
}

/** Appends the pack's rules below the user's; Rule IDs already there are left alone and counted as skipped. */
export function addPack(name: string): AddedRows {
  const pack = rulePack(name);
  if (!pack) throw new Error(unknownPackMessage(name));
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const grids = readGrids(ss, timeZone);
  const sheetName = readRulebook(grids).rulesSheet?.name ?? 'Rules';
  const grid = grids.find((g) => g.name === sheetName) ?? { name: sheetName, rows: [] };
  const merge = mergeRulePack(grid, pack, { update: false });
  const sheet = ss.getSheetByName(sheetName) ?? ss.insertSheet(sheetName);
  const width = Math.max(...merge.append.map((r) => r.length), ...merge.header.map((h) => h.col + 1), 1);
  ensureSize(sheet, Math.max(1, merge.appendAt + merge.append.length), width);
  for (const h of merge.header) sheet.getRange(1, h.col + 1).setValue(toSheetValue(h.value, timeZone));
  if (merge.append.length > 0) {
    sheet
      .getRange(merge.appendAt + 1, 1, merge.append.length, width)
      .setValues(toSheetRows(merge.append, width, timeZone));
  }
  return { added: merge.append.length, skipped: merge.skipped.length, sheet: sheetName, problems: [] };
}
