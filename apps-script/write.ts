// The write path on Sheets (add rule, add rule pack, new rulebook): under the document lock, core plans, Validate's applier writes.
import type { Grid, SheetWrite } from '../core';
import { applyPlans } from './apply';
import { BUSY } from './messages';
import { planPatch } from './plan';
import { readGrids } from './read';
import { LOCK_WAIT_MS } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Runs `work` holding the document lock, so no two writes (or a write and a validation) interleave; BUSY when it is taken. */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error(BUSY);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

export interface WriteOptions {
  /** The plan needs only the sheets' names (New rulebook): their cells are not read. */
  namesOnly?: boolean;
}

/**
 * Reads the spreadsheet, has core plan the write, and applies its patches (every value converted before the
 * first write), all under the lock. Throws the plan's refusal, having written nothing.
 */
export function runWrite<W extends SheetWrite>(
  ss: Spreadsheet,
  plan: (grids: Grid[]) => W,
  options: WriteOptions = {},
): W {
  return withDocumentLock(() => {
    const timeZone = ss.getSpreadsheetTimeZone();
    const grids = options.namesOnly
      ? ss.getSheets().map((s) => ({ name: s.getName(), rows: [] }))
      : readGrids(ss, timeZone);
    const write = plan(grids);
    if (write.refusal !== undefined) throw new Error(write.refusal);
    applyPlans(
      ss,
      write.patches.map((p) => planPatch(p, timeZone)),
    );
    return write;
  });
}
