// Swapping a rewritten engine sheet in: the new one is written whole beside the old, then takes its name and place.
import { GENERATED_SHEET_NAMES } from '../../core';

/** Where the new sheet is written; a run that stops leaves it behind, and the next run deletes it. */
export const stagingName = (sheet: string) => `${sheet} (writing)`;
/** The old sheet between the renames of a swap; the next run names it back if the swap stopped there. */
export const retiredName = (sheet: string) => `${sheet} (old)`;

const has = (names: readonly string[], name: string) =>
  names.some((n) => n.toLowerCase() === name.toLowerCase());

/**
 * Queues the three small steps of a swap, each leaving a complete sheet under a name `queueRecovery`
 * understands: the old one renamed aside, the new one named and placed where the old one was, the old one deleted.
 */
export function queueSwap(
  sheets: Excel.WorksheetCollection,
  sheet: string,
  old: { position: number } | undefined,
): void {
  if (old) sheets.getItem(sheet).name = retiredName(sheet);
  const staged = sheets.getItem(stagingName(sheet));
  staged.name = sheet;
  if (old) {
    sheets.getItem(sheet).position = old.position;
    sheets.getItem(retiredName(sheet)).delete();
  }
}

/**
 * Queues what puts back a stopped run's leftovers, given the sheet names as they are: a retired sheet without a
 * successor gets its name back (the old, complete set), one with a successor is deleted, staging sheets are
 * dropped. Returns the names as they will be.
 */
export function queueRecovery(sheets: Excel.WorksheetCollection, names: readonly string[]): string[] {
  let out = [...names];
  for (const sheet of GENERATED_SHEET_NAMES) {
    if (has(out, retiredName(sheet))) {
      if (has(out, sheet)) sheets.getItem(retiredName(sheet)).delete();
      else {
        sheets.getItem(retiredName(sheet)).name = sheet;
        out.push(sheet);
      }
      out = out.filter((n) => n.toLowerCase() !== retiredName(sheet).toLowerCase());
    }
    if (has(out, stagingName(sheet))) {
      sheets.getItem(stagingName(sheet)).delete();
      out = out.filter((n) => n.toLowerCase() !== stagingName(sheet).toLowerCase());
    }
  }
  return out;
}

/** Lists the sheets and puts back what a stopped run left, in at most two requests. */
export async function recoverSwaps(context: Excel.RequestContext): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  const after = queueRecovery(sheets, names);
  if (after.length !== names.length || after.some((n, i) => n !== names[i])) await context.sync();
}
