// One run: read the rulebook, compile every rule once, evaluate, route, waive, track, and build patches.
import type { Problem } from '../problems';
import { readRulebook } from '../rulebook/read';
import type { Rulebook } from '../rulebook/model';
import { buildOutput } from '../output/build';
import { EXCEL_LIMITS } from '../output/types';
import { compileRule, type CompiledRule } from '../engine/compile-rule';
import { decide } from '../engine/decide';
import { evaluateRules } from '../engine/evaluate';
import { resultsOf } from '../engine/results';
import { reportRulesJudgingNothing, reportUnknownFields } from '../engine/coverage';
import { reportShadowedFields } from '../engine/shadowing';
import { reportUnknownLookupTypes } from '../engine/lookup-types';
import { fixOwnerRouter } from '../engine/route';
import { localDate, waiverMatcher } from '../engine/waivers';
import type { Grid } from '../types';
import type { Patch } from '../output/patch';
import type { HistoryRow, HostLimits, RunSummary } from '../output/types';
import type { ResultSet } from '../engine/result-set';

export interface ValidateOptions {
  /** The moment of the run; core never reads the system clock. */
  now: Date;
  /** Limits of the host receiving the patches (default: Excel's). */
  limits?: HostLimits;
}

export interface RunOutput {
  runAt: Date;
  rulebook: Rulebook;
  /**
   * Every (rule, resource) pair whose Resource Type matches, NOT_APPLICABLE included, in rule then resource order,
   * kept columnar: iterate it (each result made as it is reached), or walk `results.open()` for FAIL, WAIVED and
   * ERROR alone; `length`, `counts` and `byRule()` need no result made.
   */
  results: ResultSet;
  /** Every problem, rulebook and rules first, then host limits. */
  problems: Problem[];
  summary: RunSummary;
  /** The Run History rows this run adds (`All` first, then each business unit). */
  history: HistoryRow[];
  patches: Patch[];
}

export function validate(grids: Grid[], options: ValidateOptions): RunOutput {
  const now = options.now;
  const rulebook = readRulebook(grids);
  const compiled = compileRulebook(rulebook);
  // Each stage adds its own part and leaves the others' as they were: evaluation judges, routing and waivers
  // decide, the results are made from both, and output tracks them into dated results of its own.
  const evaluation = evaluateRules(compiled, rulebook.resources, { nowMs: now.getTime() });
  reportRulesJudgingNothing(evaluation.runs, rulebook.rulesSheet);
  const fixOwnerOf = fixOwnerRouter(rulebook.owners);
  const waiverOf = waiverMatcher(rulebook.waivers, localDate(now, rulebook.settings.timeZone));
  const decisions = decide(evaluation, fixOwnerOf, waiverOf);
  const judged = resultsOf(evaluation, {
    decisions,
    passingOwner: rulebook.settings.includePassing ? fixOwnerOf : undefined,
  });

  const ruleInfo = new Map(
    compiled.map((c) => [c.rule, { readsAs: c.readsAs, problems: c.problems, broken: c.broken }]),
  );
  const output = buildOutput({
    rulebook,
    results: judged,
    ruleInfo,
    now,
    limits: options.limits ?? EXCEL_LIMITS,
  });
  // Reading problems are already in rulebook.problems; compiling adds the rest of each rule's.
  const compileProblems = compiled.flatMap((c) => c.problems.slice(c.rule.problems.length));
  return {
    runAt: now,
    rulebook,
    results: output.results,
    problems: [...rulebook.problems, ...compileProblems, ...output.problems],
    summary: output.summary,
    history: output.history,
    patches: output.patches,
  };
}

/** Every rule compiled once, in sheet order. */
export function compileRulebook(rulebook: Rulebook): CompiledRule[] {
  const env = { grids: rulebook.grids };
  const compiled = rulebook.rules.map((rule) => compileRule(rule, rulebook.rulesSheet, env));
  reportUnknownFields(compiled, rulebook.resources, rulebook.rulesSheet);
  reportShadowedFields(compiled, rulebook.resources, rulebook.rulesSheet);
  reportUnknownLookupTypes(compiled, rulebook.resources, rulebook.rulesSheet);
  return compiled;
}
