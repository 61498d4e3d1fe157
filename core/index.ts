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
export { findSheet, RULES_SHEET } from './rulebook/sheets';
export { columnNames, RESOURCE_COLUMNS } from './rulebook/headers';

// The rule language
export { OPERATORS, lookupOperator, OPERATOR_NAMES } from './operators';
export type { ExpectedKind, OperatorSpec } from './operators';

// A run
export { validate, compileRulebook } from './run/validate';
export type { ValidateOptions, RunOutput } from './run/validate';
export { evaluateRules, Evaluation, CODE } from './engine/evaluate';
export type { RuleRun } from './engine/evaluate';
export type { Result, Outcome } from './engine/result';

// What a run writes
export type { Patch, SheetPatch, ColumnsPatch, WriteCell, SheetFormat, Dropdown, StatusColor } from './output/patch';
export { looksLikeFormula, safeText } from './output/patch';
export * from './output/types';
export { COLORS, STATUS_COLORS } from './output/formats';
export { historySheet } from './output/history-sheet';
export { listSource, listsSheet, ruleLists } from './output/lists-sheet';

// The rule builder, rule packs and the starter rulebook
export * from './builder';
export { listRulePacks, mergeRulePack, rulePack, unknownPackMessage, withRulePacks } from './packs';
export type { RulePackData } from './packs/types';
export { starterSheets } from './packs/starter';
export type { StarterSheet } from './packs/starter';
