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
  /** Seconds of the engine's first run in this process (code not yet optimised by the JIT); `seconds` is the second. */
  firstRunSeconds: number;
}

/** The engine's timed part once, on the same workload as the measured run: its seconds. */
async function firstRun(name: EngineName, grids: Grid[], n: number): Promise<number> {
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
 * Runs one engine twice on the same workload: the first run is timed as `firstRunSeconds` (the code is cold),
 * the second, after the heap is settled, is the measured run (steady state, as benchmark harnesses measure
 * throughput). `perType` samples the first n resources of each type; `compareAt` asks for counts on other samples.
 */
export async function runEngine(name: EngineName, grids: Grid[], perType: number | null, compareAt: number[]): Promise<EngineOutcome> {
  const n = perType ?? Infinity;
  settleHeap();
  const firstRunSeconds = await firstRun(name, grids, n);
  settleHeap();
  switch (name) {
    case 'rulesheet':
      return { ...(await runRulesheet(grids, compareAt)), perType: null, firstRunSeconds };
    case 'handWritten': {
      const run = runHandWritten(grids, n);
      const sampled = compareAt.map((k) => ({ perType: k, counts: runHandWritten(grids, k).counts }));
      return { ...run, perType, sampled, firstRunSeconds };
    }
    case 'jsonLogic':
      return { ...runJsonLogic(grids, n), perType, sampled: [], firstRunSeconds };
    case 'jsonRulesEngine':
      return { ...(await runJsonRulesEngine(grids, n)), perType, sampled: [], firstRunSeconds };
  }
}
