// The four engines by name, each run on a workbook with its sample size and its comparison counts.
import type { Grid } from '../core/types';
import { runHandWritten } from './peers/handwritten';
import { runJsonLogic } from './peers/jsonlogic';
import { runJsonRulesEngine } from './peers/jsonrules';
import { runRulesheet } from './peers/rulesheet';
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
}

/** Runs one engine. `perType` samples the first n resources of each type; `compareAt` asks for counts on other samples. */
export async function runEngine(name: EngineName, grids: Grid[], perType: number | null, compareAt: number[]): Promise<EngineOutcome> {
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
