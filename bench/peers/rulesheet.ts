// Rulesheet itself: the whole core run, validate(grids, { now }), timed; counts read back from its results.
import type { Grid } from '../../core';
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

/** The engine figures alone: reading the grids into the rulebook, then compiling every rule once and evaluating every pair. */
export async function timeRulesheet(grids: Grid[]): Promise<{ readSeconds: number; seconds: number }> {
  const { readRulebook, compileRulebook, evaluateRules } = await import('../../core');
  const readStart = process.hrtime.bigint();
  const rulebook = readRulebook(grids);
  const readSeconds = secondsSince(readStart);
  const start = process.hrtime.bigint();
  evaluateRules(compileRulebook(rulebook), rulebook.resources, { nowMs: BENCH_NOW.getTime() });
  return { readSeconds, seconds: secondsSince(start) };
}

/** Core is loaded on first use, so a core that does not build yet fails this engine only, not the benchmark. */
export async function runRulesheet(grids: Grid[], comparePerType: number[] = []): Promise<RulesheetRun> {
  const { validate, formatProblem, readRulebook, compileRulebook, evaluateRules, resultsOf } =
    await import('../../core');
  // Reading the grids (every sheet, with every problem), then the engine figure: compile every rule once and
  // evaluate every pair, a status for each and an explanation for each non-passing one to hand.
  const readStart = process.hrtime.bigint();
  const rulebook = readRulebook(grids);
  const readSeconds = secondsSince(readStart);
  const start = process.hrtime.bigint();
  const evaluation = evaluateRules(compileRulebook(rulebook), rulebook.resources, {
    nowMs: BENCH_NOW.getTime(),
  });
  const seconds = secondsSince(start);
  // The whole core run besides: routing, waivers, tracking, summary, history and every patch.
  const fullStart = process.hrtime.bigint();
  const out = validate(grids, { now: BENCH_NOW });
  const validateSeconds = secondsSince(fullStart);
  const outResults = resultsOf(evaluation);

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
    for (const group of readResources(grids, perType).byType.values())
      for (const r of group.gridRows) keep.add(r);
    return { perType, counts: tally(keep) };
  });
  const problems = out.problems.map(formatProblem);
  return {
    checks: countChecks(rules, table),
    resources: countResources(table),
    seconds,
    readSeconds,
    validateSeconds,
    counts: tally(),
    sampled,
    problems,
  };
}
