// The four engines by name, each run on a workbook with its sample size and its comparison counts.
import type { Grid } from '../core';
import { runHandWritten } from './peers/handwritten';
import { runJsonLogic } from './peers/jsonlogic';
import { runJsonRulesEngine } from './peers/jsonrules';
import { runRulesheet, timeRulesheet } from './peers/rulesheet';
import type { Counts, EngineRun } from './peers/types';
import { median } from './pool';

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
  /** Compile + evaluate seconds of the engine's first run in this process (code not yet optimised by the JIT). */
  firstRunSeconds: number;
  /** Compile + evaluate seconds of each measured run after the first; `seconds` is their median. */
  measuredSeconds: number[];
  /** Median over the measured runs of reading plus compile + evaluate. */
  withReadingSeconds: number;
  firstRunWithReadingSeconds: number;
}

type Timing = { readSeconds: number; seconds: number };

/** The engine's timed parts once, on the same workload as the measured runs. */
async function timedRun(name: EngineName, grids: Grid[], n: number): Promise<Timing> {
  switch (name) {
    case 'rulesheet':
      return timeRulesheet(grids);
    case 'handWritten':
      return runHandWritten(grids, n);
    case 'jsonLogic':
      return runJsonLogic(grids, n);
    case 'jsonRulesEngine':
      return runJsonRulesEngine(grids, n);
  }
}

/** Collects what earlier work left, so the timed run does not pay for it (when node runs with --expose-gc). */
export function settleHeap(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Runs one engine `runs + 1` times on the same workload, each on a settled heap. Each run reads the grids
 * into the engine's own input (timed apart as `readSeconds`), then compiles and evaluates (`seconds`, what
 * the targets are about). The first run is reported as `firstRunSeconds` (the code is cold); the figures
 * are medians of the others (steady state, as benchmark harnesses measure throughput). The last run also
 * counts each rule's results. `perType` samples the first n resources of each type; `compareAt` asks for
 * counts on other samples.
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
  const first = await timedRun(name, grids, n);
  const measured: Timing[] = [];
  for (let r = 1; r < runs; r++) {
    settleHeap();
    measured.push(await timedRun(name, grids, n));
  }
  settleHeap();
  const outcome = await countedRun(name, grids, perType, compareAt);
  measured.push(outcome);
  return {
    ...outcome,
    seconds: median(measured.map((t) => t.seconds)),
    readSeconds: median(measured.map((t) => t.readSeconds)),
    withReadingSeconds: median(measured.map((t) => t.readSeconds + t.seconds)),
    firstRunSeconds: first.seconds,
    firstRunWithReadingSeconds: first.readSeconds + first.seconds,
    measuredSeconds: measured.map((t) => t.seconds),
  };
}

async function countedRun(
  name: EngineName,
  grids: Grid[],
  perType: number | null,
  compareAt: number[],
): Promise<
  Omit<
    EngineOutcome,
    'firstRunSeconds' | 'measuredSeconds' | 'withReadingSeconds' | 'firstRunWithReadingSeconds'
  >
> {
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
