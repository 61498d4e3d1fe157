// The engine's public face: grids and a clock in; results, problems, figures and patches out. Nothing outside core imports deeper.
// Data shapes, cells and names
export * from './types';
export * from './a1';
export { normalizeName } from './names';
export { cellDate, cellText, isoDateOrTime } from './values/cells';

// Problems
export * from './problems';
export type { ProblemCode } from './messages';

// The rulebook
export type { Rule, Resource, Rulebook, Waiver, OwnerRow, Settings } from './rulebook/model';
export { readRulebook } from './rulebook/read';
export { columnRuns, previousResultsColumns } from './rulebook/read-previous';
export { findSheet, RULES_SHEET } from './rulebook/sheets';
export {
  HISTORY_SHEET,
  OWNERS_SHEET,
  RESOURCES_PREFIX,
  RESULTS_SHEET,
  SETTINGS_SHEET,
  WAIVERS_SHEET,
} from './rulebook/sheets';
export { referencedSheets } from './engine/expected';
export type { SheetRef } from './engine/expected';
export { columnNames, RESOURCE_COLUMNS } from './rulebook/headers';

// The rule language
export { OPERATORS, lookupOperator, OPERATOR_NAMES } from './operators';
export type { ExpectedKind, OperatorSpec } from './operators';

// A run
export { validate, compileRulebook } from './run/validate';
export type { ValidateOptions, RunOutput } from './run/validate';
export { runHeadline } from './run/headline';
export { evaluateRules, Evaluation, CODE } from './engine/evaluate';
export type { RuleRun } from './engine/evaluate';
export { resultsOf } from './engine/results';
export { ResultSet } from './engine/result-set';
export type { ResultRun, ResultCounts } from './engine/result-set';
export type { Result, Outcome } from './engine/result';

// What a run writes
export type {
  Patch,
  SheetPatch,
  ColumnsPatch,
  WriteCell,
  SheetFormat,
  Dropdown,
  StatusColor,
} from './output/patch';
export type { CellsPatch, HostPatch } from './output/patch';
export { looksLikeFormula, safeText } from './output/patch';
export * from './output/types';
export { overHostLimits, overLimitsRefusal } from './output/limits';
export { COLORS, STATUS_COLORS } from './output/formats';
export { GENERATED_SHEET_NAMES } from './output/formats';
export { historySheet } from './output/history-sheet';
export { listSource, listsSheet, ruleLists } from './output/lists-sheet';

// The rule builder, rule packs and the starter rulebook
export * from './builder';
export { listRulePacks, mergeRulePack, rulePack, unknownPackMessage, withRulePacks } from './packs';
export type { RulePackData } from './packs/types';
export { starterSheets } from './packs/starter';
export type { StarterSheet } from './packs/starter';

// The write path: add rule, add rule pack, import and new rulebook as patches into user sheets
export { applyCellsPatches, refusalText } from './builder/write';
export type { SheetWrite } from './builder/write';
export { planRuleWrite } from './builder/rule-write';
export type { RuleWrite } from './builder/rule-write';
export { planPackWrite, rulePackViews } from './packs/write';
export type { PackWrite, RulePackView } from './packs/write';
export { planStarterWrite } from './packs/starter';
export type { StarterOptions, StarterWrite } from './packs/starter';
