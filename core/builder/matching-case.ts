// The rule builder's "Match case" choice: an operator and its `… matching case` twin in the operator table.
import { lookupOperator } from '../operators';
import { MATCHING_CASE } from '../operators/matching-case';

/** The `… matching case` twin of an operator that compares text, or undefined when it has none. */
export function matchingCaseOf(operator: string): string | undefined {
  const op = lookupOperator(operator);
  if (!op || op.name.endsWith(` ${MATCHING_CASE}`)) return undefined;
  return lookupOperator(`${op.name} ${MATCHING_CASE}`)?.name;
}

/** True for a `… matching case` operator: the builder offers it as its base operator with "Match case" ticked. */
export function isMatchingCase(operator: string): boolean {
  return lookupOperator(operator)?.name.endsWith(` ${MATCHING_CASE}`) ?? false;
}
