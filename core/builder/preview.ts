// A live preview: the candidate rule run alone through core's validate on the rulebook's resources.
import { validate } from '../run/validate';
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

  const view: PreviewView = {
    readsAs,
    passing: 0,
    failing: 0,
    waived: 0,
    errors: 0,
    notApplicable: 0,
    examples: [],
    problems: [],
  };
  const failing: PreviewExample[] = [];
  const passing: PreviewExample[] = [];
  for (const r of run.results) {
    if (r.status === 'NOT_APPLICABLE') {
      view.notApplicable++;
      continue;
    }
    if (r.status === 'PASS') view.passing++;
    else if (r.status === 'FAIL') view.failing++;
    else if (r.status === 'WAIVED') view.waived++;
    else view.errors++;
    const into = r.status === 'PASS' ? passing : failing;
    if (into.length < maxExamples) {
      into.push({
        resourceId: r.resource?.id ?? '',
        resourceName: r.resource?.name ?? '',
        status: r.status,
        actual: r.actual ?? '',
        message: r.message ?? '',
      });
    }
  }
  view.examples = [...failing, ...passing];
  // Only the candidate's own problems: the rest of the workbook's are the Problems tab's business.
  view.problems = run.problems.filter((p) => p.location.sheet === alone.name).map(renderProblem);
  return view;
}
