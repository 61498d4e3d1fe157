// Everything after evaluation: tracking, figures, Run History, and the patches every host writes back.
import type { Result } from '../engine/result';
import type { ResultSet } from '../engine/result-set';
import { problem, type Problem } from '../problems';
import type { Rule, Rulebook } from '../rulebook/model';
import { historySheet } from './history-sheet';
import { historyRowsOf } from './history';
import { applyLimits, CellFitter } from './limits';
import { listsSheet, ruleLists } from './lists-sheet';
import type { Patch } from './patch';
import { resultsSheet } from './results-sheet';
import { rulesColumnsOf, type RuleInfo } from './rules-columns';
import { summaryOf } from './summary';
import { summarySheet } from './summary-sheet';
import { tally } from './tally';
import { Tracker } from './tracking';
import type { HistoryRow, HostLimits, RunSummary } from './types';

export interface OutputInput {
  rulebook: Rulebook;
  /** Every (rule, resource) pair whose type matches, NOT_APPLICABLE included (a set, or results already made). */
  results: ResultSet | readonly Result[];
  /** Per rule: Reads As text, all its problems (load + compile), whether it could not run. */
  ruleInfo: Map<Rule, RuleInfo>;
  now: Date;
  limits: HostLimits;
}

export interface Output {
  /** The results given, the open ones (FAIL, WAIVED, ERROR) with First Seen, Due and Overdue. */
  results: ResultSet;
  summary: RunSummary;
  history: HistoryRow[];
  /** Results, Summary, Run History, Rulesheet Lists, then the Rules columns (whose dropdowns point at the lists). */
  patches: Patch[];
  /** Host-limit problems only; the rulebook's and the rules' own problems are the caller's. */
  problems: Problem[];
}

/**
 * Tracks the results (the open ones dated in a new set; `results` is only read), then builds the figures and
 * patches. The status arrays are read once for tracking and every count (`tally`); then only the results the
 * Results sheet lists are read, each straight into its row.
 */
export function buildOutput(input: OutputInput): Output {
  const { rulebook, results, ruleInfo, now, limits } = input;
  const t = tally(rulebook, results, {
    tracker: new Tracker(rulebook, now),
    includePassing: rulebook.settings.includePassing,
  });
  const summary = summaryOf(rulebook, t, now, { newFailures: t.newFailures, fixed: t.fixed });
  const total = t.listed.size;
  const capped = limits.maxListedRows !== undefined && total > limits.maxListedRows;
  if (capped) summary.resultsShown = { listed: limits.maxListedRows as number, total, host: limits.host };
  const history = historyRowsOf(rulebook, t, summary);
  const lists = ruleLists();

  // The Results sheet is by far the largest: its text is fitted to the host as its rows are made.
  const fit = new CellFitter(limits.maxCellChars, limits.maxRows);
  const resultsPatch = resultsSheet(t.results, rulebook.settings, {
    listed: { results: t.listed, keys: t.listedKeys },
    fit,
    maxRows: limits.maxListedRows,
  });
  const patches: Patch[] = [
    resultsPatch,
    summarySheet(summary, rulebook.previousHistory, history),
    historySheet(rulebook.previousHistory, history),
    listsSheet(lists),
  ];
  if (rulebook.rulesSheet) {
    patches.push(rulesColumnsOf(rulebook.rulesSheet, rulebook.rules, t.rules, ruleInfo, lists, now));
  }
  const fitted = applyLimits(patches, limits, [...rulebook.grids.values()], new Map([[resultsPatch, fit]]));
  const problems = capped
    ? [
        problem('results_capped', {
          listed: limits.maxListedRows as number,
          total,
          host: limits.host,
        }),
        ...fitted.problems,
      ]
    : fitted.problems;
  return { results: t.results, summary, history, patches: fitted.patches, problems };
}
