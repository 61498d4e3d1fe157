// Sends queued work in requests under a byte budget; a payload error halves the budget and resends that request.
import { isPayloadError } from './payload';

/** One piece of work for a request: its estimated bytes, how to queue it, and how to split it when too big. */
export interface Step {
  bytes: number;
  queue(): void;
  /** Row slices: the first of at most `firstMax` bytes, the others of at most `restMax`. */
  split?(firstMax: number, restMax: number): Step[];
}

export interface BatchStats {
  syncs: number;
  /** Times a request was refused as too large and resent in halves. */
  halvings: number;
  /** The budget the last request was packed with. */
  budget: number;
}

/** Below this, a refused request is not a matter of size; give up with a clear message. */
const MIN_BUDGET = 4_096;

/**
 * Packs steps in order into requests of at most `budget` estimated bytes (a step bigger than the budget is split
 * when it can be), each request starting with `before()` (e.g. suspending calculation), and syncs each one.
 */
export async function runSteps(
  context: Excel.RequestContext,
  steps: Step[],
  budget: number,
  before: () => void,
  onRequest?: (done: number, total: number) => void,
): Promise<BatchStats> {
  const stats: BatchStats = { syncs: 0, halvings: 0, budget };
  const total = steps.reduce((n, s) => n + s.bytes, 0) || 1;
  let done = 0;
  let pending = [...steps];
  while (pending.length > 0) {
    const batch: Step[] = [];
    let bytes = 0;
    while (pending.length > 0) {
      const step = pending[0];
      const room = stats.budget - bytes;
      // A big step fills the room left in this request (if there is a fair amount) and goes on in the next ones.
      if (step.split && step.bytes > room && (batch.length === 0 || room >= stats.budget / 4)) {
        const parts = step.split(room, stats.budget);
        if (parts.length > 1) {
          pending = [...parts, ...pending.slice(1)];
          continue;
        }
      }
      if (batch.length > 0 && bytes + step.bytes > stats.budget) break;
      batch.push(step);
      bytes += step.bytes;
      pending.shift();
    }
    before();
    for (const s of batch) s.queue();
    try {
      stats.syncs++;
      await context.sync();
    } catch (err) {
      if (!isPayloadError(err)) throw err;
      if (stats.budget / 2 < MIN_BUDGET)
        throw new Error(
          `Excel refused to take even a small piece of the results (${bytes} bytes): ${(err as Error).message}`,
        );
      stats.halvings++;
      stats.budget = Math.floor(stats.budget / 2);
      pending = [...batch, ...pending];
      continue;
    }
    done += bytes;
    onRequest?.(done, total);
  }
  return stats;
}
