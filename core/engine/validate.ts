// One run: read the rulebook, compile every rule once, evaluate, route, waive, track, and build patches.
import type { Problem } from '../problems';
import type { Rulebook } from '../rulebook/model';
import type { Grid } from '../types';
import type { Patch } from '../output/patch';
import type { HistoryRow, HostLimits, RunSummary } from '../output/types';
import type { Result } from './result';

export interface ValidateOptions {
  /** The moment of the run; core never reads the system clock. */
  now: Date;
  /** Limits of the host receiving the patches (default: Excel's). */
  limits?: HostLimits;
}

export interface RunOutput {
  runAt: Date;
  rulebook: Rulebook;
  /** Every (rule, resource) pair whose Resource Type matches, NOT_APPLICABLE included, in rule then resource order. */
  results: Result[];
  /** Every problem, rulebook and rules first, then host limits. */
  problems: Problem[];
  summary: RunSummary;
  /** The Run History rows this run adds (`All` first, then each business unit). */
  history: HistoryRow[];
  patches: Patch[];
}

export function validate(_grids: Grid[], _options: ValidateOptions): RunOutput {
  throw new Error('not built yet');
}
