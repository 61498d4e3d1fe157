// One validation in Sheets: lock, put back what a stopped run left, read, run core, check limits and time, then write.
import {
  GENERATED_SHEET_NAMES,
  overHostLimits,
  overLimitsRefusal,
  SHEETS_LIMITS,
  validate,
  type RunOutput,
} from '../core';
import { applyPlans } from './apply';
import { budgetUntil, OutOfTime } from './budget';
import { BUSY, OUT_OF_TIME, tooManyCells, tooSlow, writeFailed } from './messages';
import { planPatch, type WritePlan } from './plan';
import { overLimit } from './preflight';
import { readGrids } from './read';
import { recoverSwaps } from './staging';

/** Apps Script stops a run at 6 minutes; writing must start early enough to finish well before. */
export const SIX_MINUTES_MS = 6 * 60_000;
export const WRITE_DEADLINE_MS = 4.5 * 60_000;
/** The last moment a write step may start: the largest step (one 50,000-cell chunk) takes seconds, not 30. */
export const LAST_STEP_MS = SIX_MINUTES_MS - 30_000;
/** How long a second run waits for the lock before it gives up with a message. */
export const LOCK_WAIT_MS = 2_000;

export interface RunOptions {
  /** The adapter's clock (default Date.now); core gets `now` from it and never reads a clock itself. */
  clock?: () => number;
  /** Fixes the run's moment (tests); default: the clock at the start. */
  now?: Date;
  deadlineMs?: number;
  lastStepMs?: number;
  /** Cells a setValues() call carries at most (tests: small, to write in many chunks). */
  chunkCells?: number;
}

export type RunOutcome =
  | { ok: true; run: RunOutput; plans: WritePlan[]; elapsedMs: number; engineMs: number }
  | { ok: false; reason: 'busy' | 'time' | 'cells' | 'limit' | 'write'; message: string; elapsedMs: number };

export function runValidation(options: RunOptions = {}): RunOutcome {
  const clock = options.clock ?? Date.now;
  const deadline = options.deadlineMs ?? WRITE_DEADLINE_MS;
  const start = clock();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS))
    return { ok: false, reason: 'busy', message: BUSY, elapsedMs: clock() - start };
  const fail = (reason: 'time' | 'cells' | 'limit' | 'write', message: string): RunOutcome => ({
    ok: false,
    reason,
    message,
    elapsedMs: clock() - start,
  });
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  try {
    recoverSwaps(ss, GENERATED_SHEET_NAMES);
    const timeZone = ss.getSpreadsheetTimeZone();
    // The last Results are read for tracking only: their other columns are rewritten, never read.
    const grids = readGrids(ss, timeZone, { resultsForTracking: true });
    const tooLate = () => clock() - start > deadline;
    if (tooLate()) return fail('time', tooSlow(clock() - start));
    const engineStart = clock();
    const run = validate(grids, { now: options.now ?? new Date(start), limits: SHEETS_LIMITS });
    const engineMs = clock() - engineStart;
    // Everything is converted and checked before the first write.
    // Output core had to fit to Sheets' limits (cells, rows, 50,000 characters a cell) is refused, never written cut.
    const over = overHostLimits(run.problems);
    if (over.length > 0) {
      const cells = over.find((p) => p.code === 'too_many_cells');
      if (!cells) return fail('cells', overLimitsRefusal("Google Sheets'", over));
      const { cells: count, limit } = cells.params as { cells: number; limit: number };
      return fail('cells', tooManyCells(count, limit));
    }
    const plans = run.patches.map((p) => planPatch(p, timeZone));
    const refusal = overLimit(ss, plans);
    if (refusal) return fail('limit', refusal);
    if (tooLate()) return fail('time', tooSlow(clock() - start));
    try {
      applyPlans(
        ss,
        plans,
        budgetUntil(clock, start, options.lastStepMs ?? LAST_STEP_MS, options.chunkCells),
      );
      SpreadsheetApp.flush();
    } catch (error) {
      // A step that threw did not finish; what it and the steps before it left is put back to a whole state.
      recoverSwaps(ss, GENERATED_SHEET_NAMES);
      if (error instanceof OutOfTime) return fail('time', OUT_OF_TIME);
      return fail('write', writeFailed(error instanceof Error ? error.message : String(error)));
    }
    return { ok: true, run, plans, elapsedMs: clock() - start, engineMs };
  } finally {
    lock.releaseLock();
  }
}
