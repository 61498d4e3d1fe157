// The rule builder's pure logic: fields and values seen, a live preview, and the row a new rule becomes.
export * from './types';
export { builderData, fieldsByType, MAX_VALUES } from './fields';
export { nextRuleId, nextRuleIdForType } from './rule-id';
export { candidateCells, candidateGrid, isConditionForm } from './candidate';
export { checkCondition } from './condition';
export { CONDITION_EXAMPLES, type ConditionExample } from './condition-examples';
export { previewRule } from './preview';
export { planRuleRow, NEW_RULES_HEADER } from './rule-row';
export { isMatchingCase, matchingCaseOf } from './matching-case';
