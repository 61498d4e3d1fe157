// Swapping a rewritten engine sheet in: the new one is written whole beside the old, then takes its name and place.
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Where the new sheet is written; a run that stops leaves it behind, and the next run deletes it. */
export const stagingName = (sheet: string) => `${sheet} (writing)`;
/** The old sheet between the two renames of a swap; the next run names it back if the swap stopped there. */
export const retiredName = (sheet: string) => `${sheet} (old)`;

/** A fresh staging sheet just after the old one (or at the end), replacing any left by a stopped run. */
export function insertStaging(ss: Spreadsheet, sheet: string): Sheet {
  const left = ss.getSheetByName(stagingName(sheet));
  if (left) ss.deleteSheet(left);
  const old = ss.getSheetByName(sheet);
  return old ? ss.insertSheet(stagingName(sheet), old.getIndex()) : ss.insertSheet(stagingName(sheet));
}

/**
 * Three small steps, each leaving a complete sheet under a name `recoverSwaps` understands: the old one is
 * renamed aside, the new one takes the name, the old one is deleted.
 */
export function swapIn(ss: Spreadsheet, sheet: string, staged: Sheet): void {
  const old = ss.getSheetByName(sheet);
  if (old) old.setName(retiredName(sheet));
  staged.setName(sheet);
  if (old) ss.deleteSheet(old);
}

/**
 * Puts back what a stopped run left: a retired sheet without a successor gets its name back (the old, complete
 * set), a retired one with a successor is deleted, and a half-written staging sheet is dropped.
 */
export function recoverSwaps(ss: Spreadsheet, sheets: readonly string[]): void {
  for (const sheet of sheets) {
    const retired = ss.getSheetByName(retiredName(sheet));
    if (retired) {
      if (ss.getSheetByName(sheet)) ss.deleteSheet(retired);
      else retired.setName(sheet);
    }
    const staged = ss.getSheetByName(stagingName(sheet));
    if (staged) ss.deleteSheet(staged);
  }
}
