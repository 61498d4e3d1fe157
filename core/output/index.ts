// The output stage's public face: build everything at once, or use one piece (tracking, a sheet, limits).
export { buildOutput, type OutputInput, type Output } from './build';
export { Tracker, trackingKey, resultKey } from './tracking';
export { summaryOf, frameworkIds, NO_BUSINESS_UNIT, UNASSIGNED } from './summary';
export { tally, type Tally } from './tally';
export { historyRowsOf, HISTORY_HEADER, ALL_BUSINESS_UNITS } from './history';
export { historySheet, historyTrend, type TrendPoint } from './history-sheet';
export { resultsSheet, RESULTS_HEADER, waiverText, compareResults } from './results-sheet';
export { summarySheet } from './summary-sheet';
export {
  rulesColumnsOf,
  placeGeneratedColumns,
  ruleStatusText,
  problemLine,
  type RuleInfo,
} from './rules-columns';
export { listsSheet, ruleLists, type RuleList } from './lists-sheet';
export { applyLimits, isValidSheetName } from './limits';
export * from './formats';
export * from './patch';
export * from './types';
