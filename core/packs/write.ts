// Add rule pack: a pack merged into the Rules sheet, as cells patches a host applies (header cells, then new rows).
import type { CellsPatch, WriteCell } from '../output/patch';
import { findSheet, RULES_SHEET } from '../rulebook/sheets';
import type { Cell, Grid } from '../types';
import type { SheetWrite } from '../builder/write';
import { mergeRulePack, type PackMerge } from './merge';
import { listRulePacks, rulePack, unknownPackMessage } from './index';

export interface PackWrite extends SheetWrite {
  /** The Rules sheet written (added when the workbook has none). */
  sheet: string;
  added: number;
  /** Rule IDs the user already has, left alone. */
  skipped: number;
}

/** The patches that append a pack's new rules below the user's (known Rule IDs left alone), or a refusal for an unknown pack. */
export function planPackWrite(grids: readonly Grid[], name: string): PackWrite {
  const grid = findSheet(grids, RULES_SHEET) ?? { name: RULES_SHEET.name, rows: [] as Cell[][] };
  const pack = rulePack(name);
  if (!pack)
    return { sheet: grid.name, added: 0, skipped: 0, patches: [], refusal: unknownPackMessage(name) };
  const merge = mergeRulePack(grid, pack, { update: false });
  return {
    sheet: grid.name,
    added: merge.append.length,
    skipped: merge.skipped.length,
    patches: mergePatches(grid.name, merge),
  };
}

/** Header cells in row 0 (one run: the columns a pack adds sit side by side), then the appended rows. */
function mergePatches(sheet: string, merge: PackMerge): CellsPatch[] {
  const out: CellsPatch[] = [];
  if (merge.header.length > 0) {
    const from = merge.header.reduce((m, h) => Math.min(m, h.col), Infinity);
    const to = merge.header.reduce((m, h) => Math.max(m, h.col), -Infinity);
    const row: WriteCell[] = Array.from({ length: to - from + 1 }, () => null);
    for (const h of merge.header) row[h.col - from] = h.value;
    out.push({ kind: 'cells', sheet, row: 0, col: from, rows: [row], create: true });
  }
  if (merge.append.length > 0) {
    // The rows go below the last row holding anything, so their blank cells are blank already: '' instead of
    // null lets a host write the block in one piece.
    const rows = merge.append.map((r) => r.map((c) => c ?? ''));
    out.push({ kind: 'cells', sheet, row: merge.appendAt, col: 0, rows, create: true });
  }
  return out;
}

/** A pack as the task pane lists it. */
export interface RulePackView {
  name: string;
  title: string;
  description: string;
  rules: number;
}

/** The packs the project ships, as every host's pane lists them. */
export function rulePackViews(): RulePackView[] {
  return listRulePacks().map((p) => ({
    name: p.name,
    title: p.title,
    description: p.description,
    rules: p.ruleCount,
  }));
}
