// The four engines by name, each run on a workbook with its sample size and its comparison counts.
import type { Grid } from '../core/types';
import { runHandWritten } from './peers/handwritten';
import { runJsonLogic } from './peers/jsonlogic';
import { runJsonRulesEngine } from './peers/jsonrules';
import { runRulesheet, timeRulesheet } from './peers/rulesheet';
import type { Counts, EngineRun } from './peers/types';

export const ENGINES = ['rulesheet', 'handWritten', 'jsonLogic', 'jsonRulesEngine'] as const;
export type EngineName = (typeof ENGINES)[number];

export const ENGINE_LABELS: Record<EngineName, string> = {
  rulesheet: 'rulesheet',
  handWritten: 'hand-written',
  jsonLogic: 'json-logic-js',
  jsonRulesEngine: 'json-rules-engine',
};

export interface EngineOutcome extends EngineRun {
  /** Resources per type evaluated; null: all. */
  perType: number | null;
  /** Untimed counts on smaller samples, for comparing with sampled peers (rulesheet and hand-written only). */
  sampled: { perType: number; counts: Counts }[];
  /** Problems the engine reported (rulesheet only). */
  problems?: string[];
  /** rulesheet only: seconds of the whole validate(), outputs included. */
  validateSeconds?: number;
  /** Seconds of the engine's first run in this process (code not yet optimised by the JIT). */
  firstRunSeconds: number;
  /** Seconds of each measured run after the first; `seconds` is their median. */
  measuredSeconds: number[];
}

/** The engine's timed part once, on the same workload as the measured runs: its seconds. */
async function timedRun(name: EngineName, grids: Grid[], n: number): Promise<number> {
  switch (name) {
    case 'rulesheet':
      return timeRulesheet(grids);
    case 'handWritten':
      return runHandWritten(grids, n).seconds;
    case 'jsonLogic':
      return runJsonLogic(grids, n).seconds;
    case 'jsonRulesEngine':
      return (await runJsonRulesEngine(grids, n)).seconds;
  }
}

/** Collects what earlier work left, so the timed run does not pay for it (when node runs with --expose-gc). */
export function settleHeap(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Runs one engine `runs + 1` times on the same workload, each on a settled heap: the first run is timed as
 * `firstRunSeconds` (the code is cold); `seconds` is the median of the others (steady state, as benchmark
 * harnesses measure throughput). The last run also counts each rule's results. `perType` samples the first n
 * resources of each type; `compareAt` asks for counts on other samples.
 */
export async function runEngine(
  name: EngineName,
  grids: Grid[],
  perType: number | null,
  compareAt: number[],
  runs = 3,
): Promise<EngineOutcome> {
  const n = perType ?? Infinity;
  settleHeap();
  const firstRunSeconds = await timedRun(name, grids, n);
  const measuredSeconds: number[] = [];
  for (let r = 1; r < runs; r++) {
    settleHeap();
    measuredSeconds.push(await timedRun(name, grids, n));
  }
  settleHeap();
  const outcome = await countedRun(name, grids, perType, compareAt);
  measuredSeconds.push(outcome.seconds);
  return { ...outcome, seconds: median(measuredSeconds), firstRunSeconds, measuredSeconds };
}

async function countedRun(
  name: EngineName,
  grids: Grid[],
  perType: number | null,
  compareAt: number[],
): Promise<Omit<EngineOutcome, 'firstRunSeconds' | 'measuredSeconds'>> {
  const n = perType ?? Infinity;
  switch (name) {
    case 'rulesheet':
      return { ...(await runRulesheet(grids, compareAt)), perType: null };
    case 'handWritten': {
      const run = runHandWritten(grids, n);
      const sampled = compareAt.map((k) => ({ perType: k, counts: runHandWritten(grids, k).counts }));
      return { ...run, perType, sampled };
    }
    case 'jsonLogic':
      return { ...runJsonLogic(grids, n), perType, sampled: [] };
    case 'jsonRulesEngine':
      return { ...(await runJsonRulesEngine(grids, n)), perType, sampled: [] };
  }
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
