// One validation in Sheets: lock, read, run core, build every write, check the time budget, then write.
import { SHEETS_LIMITS, validate, type RunOutput } from '../core';
import { applyPlans } from './apply';
import { BUSY, tooManyCells, tooSlow } from './messages';
import { planPatch, type WritePlan } from './plan';
import { readGrids } from './read';

/** Apps Script stops a run at 6 minutes; writing must start early enough to finish well before. */
export const SIX_MINUTES_MS = 6 * 60_000;
export const WRITE_DEADLINE_MS = 4.5 * 60_000;
/** How long a second run waits for the lock before it gives up with a message. */
export const LOCK_WAIT_MS = 2_000;

export interface RunOptions {
  /** The adapter's clock (default Date.now); core gets `now` from it and never reads a clock itself. */
  clock?: () => number;
  /** Fixes the run's moment (tests); default: the clock at the start. */
  now?: Date;
  deadlineMs?: number;
}

export type RunOutcome =
  | { ok: true; run: RunOutput; plans: WritePlan[]; elapsedMs: number; engineMs: number }
  | { ok: false; reason: 'busy' | 'time' | 'cells'; message: string; elapsedMs: number };

export function runValidation(options: RunOptions = {}): RunOutcome {
  const clock = options.clock ?? Date.now;
  const deadline = options.deadlineMs ?? WRITE_DEADLINE_MS;
  const start = clock();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS))
    return { ok: false, reason: 'busy', message: BUSY, elapsedMs: clock() - start };
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const grids = readGrids(ss, timeZone);
    const tooLate = () => clock() - start > deadline;
    if (tooLate())
      return { ok: false, reason: 'time', message: tooSlow(clock() - start), elapsedMs: clock() - start };
    const engineStart = clock();
    const run = validate(grids, { now: options.now ?? new Date(start), limits: SHEETS_LIMITS });
    const engineMs = clock() - engineStart;
    // Everything is converted before the first write, so a run either writes every sheet or none.
    // Over Sheets' cell limit the writes would fail partway, after Results was cleared: refuse before the first.
    const over = run.problems.find((p) => p.code === 'too_many_cells');
    if (over) {
      const { cells, limit } = over.params as { cells: number; limit: number };
      return { ok: false, reason: 'cells', message: tooManyCells(cells, limit), elapsedMs: clock() - start };
    }
    const plans = run.patches.map((p) => planPatch(p, timeZone));
    if (tooLate())
      return { ok: false, reason: 'time', message: tooSlow(clock() - start), elapsedMs: clock() - start };
    applyPlans(ss, plans);
    SpreadsheetApp.flush();
    return { ok: true, run, plans, elapsedMs: clock() - start, engineMs };
  } finally {
    lock.releaseLock();
  }
}
