// The engine's public face: grids and a clock in; results, problems, figures and patches out.
export * from './types';
export * from './problems';
export * from './a1';
export type { ProblemCode } from './messages';
export type { Rule, Resource, Rulebook, Waiver, OwnerRow, Settings } from './rulebook/model';
export type { Result, Outcome } from './engine/result';
export type { Patch, SheetPatch, ColumnsPatch, WriteCell, SheetFormat } from './output/patch';
export { looksLikeFormula, safeText } from './output/patch';
export * from './output/types';
export { OPERATORS, lookupOperator, OPERATOR_NAMES } from './operators';
export { validate, compileRulebook } from './run/validate';
export { evaluateRules, Evaluation, CODE } from './engine/evaluate';
export type { RuleRun } from './engine/evaluate';
export { readRulebook } from './rulebook/read';
export type { ValidateOptions, RunOutput } from './run/validate';
