// The write budget: before each write step, whether it can still finish inside Apps Script's 6-minute limit; cells a call.

/** Thrown before a step that the time left could not finish; the steps already done are all complete. */
export class OutOfTime extends Error {
  constructor(readonly elapsedMs: number) {
    super(`out of time after ${elapsedMs} ms`);
  }
}

export interface WriteBudget {
  /** Throws OutOfTime when starting another step could run into the 6-minute limit. */
  check(): void;
  /** Cells one setValues() call carries at most (default CHUNK_CELLS). */
  chunkCells?: number;
}

/** No budget: the write path (add rule, add pack, import), whose few small steps need none. */
export const UNLIMITED: WriteBudget = { check() {} };

export function budgetUntil(
  clock: () => number,
  start: number,
  lastStartMs: number,
  chunkCells?: number,
): WriteBudget {
  return {
    chunkCells,
    check() {
      const elapsed = clock() - start;
      if (elapsed > lastStartMs) throw new OutOfTime(elapsed);
    },
  };
}
