// The Validate button's work: read the grids, run core with Excel's limits, write the patches back.
import {
  EXCEL_LIMITS,
  formatProblem,
  HISTORY_SHEET,
  normalizeName,
  overHostLimits,
  overLimitsRefusal,
  runHeadline,
  validate,
  type Grid,
  type RunOutput,
} from '../../core';
import type { ProgressFn } from '../../ui/host-actions';
import { applyPatches } from './apply-patches';
import { readWorkbook } from './read-grids';
import { withRunGuard, type GuardOptions } from './run-guard';

/** Run History's rows up to its last non-blank one, as read: the rows core's patch keeps as they are. */
function historyRows(grids: Grid[]): number {
  const grid = grids.find((g) => normalizeName(g.name) === normalizeName(HISTORY_SHEET.name));
  let end = grid?.rows.length ?? 0;
  while (end > 0 && (grid?.rows[end - 1] ?? []).every((c) => c === null || c === undefined || c === ''))
    end--;
  return end;
}

export interface ValidateWorkbookOptions {
  onProgress?: ProgressFn;
  /** Checked before writing starts; once writing has begun the run goes to the end. */
  signal?: AbortSignal;
  budgetBytes?: number;
  /** The run guard's clock and owner (tests). */
  guard?: GuardOptions;
}

export interface WorkbookRun {
  output: RunOutput;
  /** Every problem as `Rules!D7: …`. */
  problems: string[];
  /** The run in one line, as every host words it (core's runHeadline). */
  headline: string;
  writes: { syncs: number; halvings: number };
}

function abortIfAsked(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const err = new Error('The run was cancelled before anything was written.');
  err.name = 'AbortError';
  throw err;
}

/** The ribbon's Validate and the task pane's both come here: one run at a time per workbook (run-guard.ts). */
export async function validateWorkbook(
  context: Excel.RequestContext,
  now: Date,
  options: ValidateWorkbookOptions = {},
): Promise<WorkbookRun> {
  return withRunGuard(context, () => validateUnguarded(context, now, options), options.guard);
}

async function validateUnguarded(
  context: Excel.RequestContext,
  now: Date,
  options: ValidateWorkbookOptions,
): Promise<WorkbookRun> {
  const progress = options.onProgress ?? (() => undefined);
  progress('reading', 0);
  // The last Results are read for tracking only: their other columns are rewritten, never read.
  const book = await readWorkbook(context, { resultsForTracking: true });
  progress('reading', 1);
  abortIfAsked(options.signal);
  progress('checking', 0);
  const output = validate(book.grids, { now, limits: EXCEL_LIMITS });
  progress('checking', 1);
  abortIfAsked(options.signal);
  // Output over Excel's limits (rows, 32,767 characters a cell) would be cut to fit: refuse it before writing.
  const over = overHostLimits(output.problems);
  if (over.length > 0) throw new Error(overLimitsRefusal("Excel's", over));
  progress('writing', 0);
  const writes = await applyPatches(context, output.patches, {
    sheetNames: book.sheetNames,
    hasTrendChart: book.hasTrendChart,
    historyRows: historyRows(book.grids),
    budgetBytes: options.budgetBytes,
    onProgress: (f) => progress('writing', f),
  });
  return {
    output,
    problems: output.problems.map(formatProblem),
    headline: runHeadline(output.summary),
    writes: { syncs: writes.syncs, halvings: writes.halvings },
  };
}
