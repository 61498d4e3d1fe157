// One run: read the rulebook, compile every rule once, evaluate, route, waive, track, and build patches.
import type { Problem } from '../problems';
import { readRulebook } from '../rulebook/read';
import type { Rulebook } from '../rulebook/model';
import { buildOutput } from '../output/build';
import { EXCEL_LIMITS } from '../output/types';
import { compileRule, type CompiledRule } from '../engine/compile-rule';
import { CODE, evaluateRules, type Evaluation } from '../engine/evaluate';
import { reportUnknownFields } from '../engine/coverage';
import { fixOwnerRouter } from '../engine/route';
import { localDate, waiverMatcher } from '../engine/waivers';
import type { Grid } from '../types';
import type { Patch } from '../output/patch';
import type { HistoryRow, HostLimits, RunSummary } from '../output/types';
import type { Result } from '../engine/result';

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

export function validate(grids: Grid[], options: ValidateOptions): RunOutput {
  const now = options.now;
  const rulebook = readRulebook(grids);
  const compiled = compileRulebook(rulebook);
  const evaluation = evaluateRules(compiled, rulebook.resources, { nowMs: now.getTime() });
  routeAndWaive(evaluation, rulebook, now);
  const results = evaluation.results;
  if (rulebook.settings.includePassing) routePassing(results, rulebook);

  const ruleInfo = new Map(
    compiled.map((c) => [c.rule, { readsAs: c.readsAs, problems: c.problems, broken: c.broken }]),
  );
  const output = buildOutput({ rulebook, results, ruleInfo, now, limits: options.limits ?? EXCEL_LIMITS });
  // Reading problems are already in rulebook.problems; compiling adds the rest of each rule's.
  const compileProblems = compiled.flatMap((c) => c.problems.slice(c.rule.problems.length));
  return {
    runAt: now,
    rulebook,
    results,
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
  return compiled;
}

/** Fix Owner on every non-passing result; waivers on failures. */
function routeAndWaive(evaluation: Evaluation, rulebook: Rulebook, now: Date): void {
  const fixOwnerOf = fixOwnerRouter(rulebook.owners);
  const waiverOf = waiverMatcher(rulebook.waivers, localDate(now, rulebook.settings.timeZone));
  for (const { finding, run, position } of evaluation.findings()) {
    finding.fixOwner = fixOwnerOf(finding.rule, finding.resource);
    if (finding.status !== 'FAIL' || !finding.resource) continue;
    const match = waiverOf(finding.rule, finding.resource);
    if (match.active) {
      finding.status = 'WAIVED';
      finding.waiver = match.active;
      run.codes[position] = CODE.WAIVED;
    } else if (match.expired?.expires) {
      finding.addNote(`waiver expired on ${match.expired.expires.toISOString().slice(0, 10)}`);
    }
  }
}

/** With Settings' Include Passing, passing results are listed too, so they are routed as well. */
function routePassing(results: Result[], rulebook: Rulebook): void {
  const fixOwnerOf = fixOwnerRouter(rulebook.owners);
  for (const r of results) if (r.status === 'PASS') r.fixOwner = fixOwnerOf(r.rule, r.resource);
}
