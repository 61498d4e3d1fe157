// A live preview: the candidate rule run alone through core's validate on the rulebook's resources.
import { validate } from '../run/validate';
import type { Result } from '../engine/result';
import { compileRule } from '../engine/compile-rule';
import { renderProblem } from '../problems';
import { findSheet, RULES_SHEET } from '../rulebook/sheets';
import type { Grid } from '../types';
import { candidateGrid } from './candidate';
import type { PreviewExample, PreviewView, RuleCandidate } from './types';

/**
 * Replaces the Rules sheet by one holding only the candidate and runs `validate`, so the counts are exactly
 * those a real run gives the rule (scope, Applies When, waivers included). Nothing is written.
 */
export function previewRule(
  grids: Grid[],
  candidate: RuleCandidate,
  now: Date,
  maxExamples = 3,
): PreviewView {
  const rules = findSheet(grids, RULES_SHEET);
  const alone = candidateGrid(candidate, rules?.name ?? RULES_SHEET.name);
  const run = validate([alone, ...grids.filter((g) => g !== rules)], { now });
  const rule = run.rulebook.rules[0];
  const readsAs = rule
    ? compileRule(rule, run.rulebook.rulesSheet, { grids: run.rulebook.grids }).readsAs
    : '';

  const counts = run.results.counts;
  const view: PreviewView = { readsAs, ...counts, examples: [], problems: [] };
  // Examples: the first open results (FAIL, WAIVED, ERROR), then the first passing ones; no other result is made.
  const failing: PreviewExample[] = [];
  for (const r of run.results.open()) {
    if (failing.length >= maxExamples) break;
    failing.push(example(r));
  }
  const passing: PreviewExample[] = [];
  if (counts.passing > 0 && maxExamples > 0)
    for (const r of run.results) {
      if (r.status !== 'PASS') continue;
      passing.push(example(r));
      if (passing.length >= maxExamples) break;
    }
  view.examples = [...failing, ...passing];
  // Only the candidate's own problems: the rest of the workbook's are the Problems tab's business.
  view.problems = run.problems.filter((p) => p.location.sheet === alone.name).map(renderProblem);
  return view;
}

/** An open or passing result as an example (never a NOT_APPLICABLE one). */
function example(r: Result): PreviewExample {
  return {
    resourceId: r.resource?.id ?? '',
    resourceName: r.resource?.name ?? '',
    status: r.status as PreviewExample['status'],
    actual: r.actual ?? '',
    message: r.message ?? '',
  };
}
