// The operator table: every operator of the rule language, in the order the dropdown and the docs show them.
import { COMPARE_OPERATORS } from './compare';
import { DATE_OPERATORS } from './dates';
import { LIST_OPERATORS } from './lists';
import { MATCHING_CASE_OPERATORS } from './matching-case';
import { MEMBERSHIP_OPERATORS } from './membership';
import { NETWORK_OPERATORS } from './network';
import { PATTERN_OPERATORS } from './pattern';
import { PRESENCE_OPERATORS } from './presence';
import { SELECTOR_OPERATORS } from './selectors';
import { TEXT_OPERATORS } from './text';
import type { OperatorSpec } from './types';

export const OPERATOR_LIST: OperatorSpec[] = [
  ...COMPARE_OPERATORS,
  ...TEXT_OPERATORS,
  ...MEMBERSHIP_OPERATORS,
  ...PATTERN_OPERATORS,
  ...PRESENCE_OPERATORS,
  ...DATE_OPERATORS,
  ...NETWORK_OPERATORS,
  ...LIST_OPERATORS,
  ...SELECTOR_OPERATORS,
  ...MATCHING_CASE_OPERATORS,
];
