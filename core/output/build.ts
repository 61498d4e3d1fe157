// Everything after evaluation: tracking, figures, Run History, and the patches every host writes back.
import type { Result } from '../engine/result';
import type { Problem } from '../problems';
import type { Rule, Rulebook } from '../rulebook/model';
import { historySheet } from './history-sheet';
import { historyRows } from './history';
import { applyLimits } from './limits';
import { listsSheet, ruleLists } from './lists-sheet';
import type { Patch } from './patch';
import { resultsSheet } from './results-sheet';
import { rulesColumns, type RuleInfo } from './rules-columns';
import { summarize } from './summary';
import { summarySheet } from './summary-sheet';
import { applyTracking } from './tracking';
import type { HistoryRow, HostLimits, RunSummary } from './types';

export interface OutputInput {
  rulebook: Rulebook;
  /** Every (rule, resource) pair whose type matches, NOT_APPLICABLE included. */
  results: Result[];
  /** Per rule: Reads As text, all its problems (load + compile), whether it could not run. */
  ruleInfo: Map<Rule, RuleInfo>;
  now: Date;
  limits: HostLimits;
}

export interface Output {
  summary: RunSummary;
  history: HistoryRow[];
  /** Results, Summary, Run History, Rulesheet Lists, then the Rules columns (whose dropdowns point at the lists). */
  patches: Patch[];
  /** Host-limit problems only; the rulebook's and the rules' own problems are the caller's. */
  problems: Problem[];
}

/** Sets First Seen, Due and Overdue on `results` in place, then builds the figures and patches. */
export function buildOutput(input: OutputInput): Output {
  const { rulebook, results, ruleInfo, now, limits } = input;
  const tracking = applyTracking(results, rulebook, now);
  const summary = summarize(rulebook, results, tracking, now);
  const history = historyRows(rulebook, results, tracking, summary);
  const lists = ruleLists();

  const patches: Patch[] = [
    resultsSheet(results, rulebook.settings),
    summarySheet(summary, rulebook.previousHistory, history),
    historySheet(rulebook.previousHistory, history),
    listsSheet(lists),
  ];
  if (rulebook.rulesSheet) {
    patches.push(rulesColumns(rulebook.rulesSheet, rulebook.rules, results, ruleInfo, lists, now));
  }
  const fitted = applyLimits(patches, limits, [...rulebook.grids.values()]);
  return { summary, history, patches: fitted.patches, problems: fitted.problems };
}
