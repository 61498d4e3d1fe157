// Rulesheet itself: the whole core run, validate(grids, { now }), timed; counts read back from its results.
import type { Grid } from '../../core/types';
import { countChecks, countResources, readResources, readRules } from '../sheet';
import { emptyCounts, secondsSince, type Counts, type EngineRun } from './types';

/** A fixed clock, so runs compare. */
export const BENCH_NOW = new Date('2026-01-15T09:00:00Z');

export interface RulesheetRun extends EngineRun {
  /** Counts on the first n resources of each type, for each n asked, to compare with sampled peers. */
  sampled: { perType: number; counts: Counts }[];
  /** Problems validate reported; the generated rulebook should have none. */
  problems: string[];
  /** Seconds of the whole validate() (outputs included), beside the engine figure. */
  validateSeconds: number;
}

/** The engine figure alone (read the grids, compile every rule once, evaluate every pair): seconds. */
export async function timeRulesheet(grids: Grid[]): Promise<number> {
  const { readRulebook, compileRulebook, evaluateRules } = await import('../../core');
  const start = process.hrtime.bigint();
  const rulebook = readRulebook(grids);
  evaluateRules(compileRulebook(rulebook), rulebook.resources, { nowMs: BENCH_NOW.getTime() });
  return secondsSince(start);
}

/** Core is loaded on first use, so a core that does not build yet fails this engine only, not the benchmark. */
export async function runRulesheet(grids: Grid[], comparePerType: number[] = []): Promise<RulesheetRun> {
  const { validate, formatProblem, readRulebook, compileRulebook, evaluateRules } = await import('../../core');
  // The engine figure: read the grids, compile every rule once, evaluate every pair (what the peers do too).
  const start = process.hrtime.bigint();
  const rulebook = readRulebook(grids);
  const evaluation = evaluateRules(compileRulebook(rulebook), rulebook.resources, { nowMs: BENCH_NOW.getTime() });
  const seconds = secondsSince(start);
  // The whole core run besides: routing, waivers, tracking, summary, history and every patch.
  const fullStart = process.hrtime.bigint();
  const out = validate(grids, { now: BENCH_NOW });
  const validateSeconds = secondsSince(fullStart);
  const outResults = evaluation.results;

  const rules = readRules(grids);
  const table = readResources(grids);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const tally = (keep?: Set<number>): Counts => {
    const counts = emptyCounts(rules.length);
    for (const result of outResults) {
      const i = ruleIndex.get(result.rule.id);
      if (i === undefined || !result.resource || (keep && !keep.has(result.resource.row))) continue;
      if (result.status === 'PASS') counts.pass[i]++;
      else if (result.status === 'FAIL') counts.fail[i]++;
      else counts.other[i]++;
    }
    return counts;
  };
  const sampled = comparePerType.map((perType) => {
    const keep = new Set<number>();
    for (const group of readResources(grids, perType).byType.values()) for (const r of group.gridRows) keep.add(r);
    return { perType, counts: tally(keep) };
  });
  const problems = out.problems.map(formatProblem);
  return { checks: countChecks(rules, table), resources: countResources(table), seconds, validateSeconds, counts: tally(), sampled, problems };
}
