// The rule builder's choices, from core: operators by their plain words, match modes, severities, readiness.
import {
  checkCondition,
  CONDITION_EXAMPLES,
  type ConditionExample,
  type ExpectedKind,
  isMatchingCase,
  lookupOperator,
  matchingCaseOf,
  OPERATORS,
  SEVERITIES,
} from '../core';
import type { PreviewView, RuleCandidate } from './host-actions';

export interface OperatorChoice {
  name: string;
  meaning: string;
  expected: ExpectedKind;
}

/** Every operator of the table, in table order, as the builder offers it; `… matching case` is the Match case box. */
export const OPERATOR_CHOICES: readonly OperatorChoice[] = OPERATORS.filter(
  (op) => !isMatchingCase(op.name),
).map((op) => ({
  name: op.name,
  meaning: op.meaning,
  expected: op.expected,
}));

const ORDERING = new Set(['greater than', 'at least', 'less than', 'at most']);

/** Whether the chosen operator compares text, so the builder offers "Match case". */
export const offersMatchCase = (operator: string): boolean => matchingCaseOf(operator) !== undefined;

/** The operator the rule gets: the chosen one, or its `… matching case` twin when Match case is ticked. */
export const withMatchCase = (operator: string, matchCase: boolean): string =>
  (matchCase && matchingCaseOf(operator)) || operator;

/** What the Expected box asks for, by the operator's expected kind; undefined when it takes no value. */
export function expectedHint(operator: string): string | undefined {
  const op = lookupOperator(operator);
  // The selector operators take a value of their own shape, which the kind alone does not say.
  if (op?.name === 'selects') return 'Labels such as app=web, tier=front.';
  if (op?.name === 'is selected by')
    return 'A label selector such as app=web (a label alone: it must exist).';
  const kind = op?.expected;
  switch (kind) {
    case undefined:
    case 'none':
      return undefined;
    case 'list':
      return "One or more values, separated by commas, or another sheet's column: 'Priorities'!Class, or only the rows for this resource: 'Priorities'!Class where Namespace = Namespace.";
    case 'days':
      return 'A number of days.';
    case 'count':
      return 'A number of elements.';
    case 'regex':
      return 'A regular expression (case is ignored).';
    case 'glob':
      return 'A pattern: * for any run of characters, ? for one.';
    case 'network':
      return 'A network such as 10.0.0.0/8; several separated by commas.';
    case 'value':
      // The comparisons read Expected with a unit by value (core/operators/units.ts).
      return ORDERING.has(lookupOperator(operator)?.name ?? '')
        ? 'A number, a date, or an amount with a unit: 500m, 1Gi, 8h, P30D.'
        : undefined;
    default:
      return undefined;
  }
}

export const takesExpected = (operator: string): boolean =>
  (lookupOperator(operator)?.expected ?? 'value') !== 'none';

export const MATCH_CHOICES = [
  { value: 'all', text: 'every element' },
  { value: 'any', text: 'at least one element' },
  { value: 'none', text: 'no element' },
] as const;

export const SEVERITY_CHOICES: readonly string[] = SEVERITIES;

/** How the check is written: a Field, an operator and Expected, or a Condition (which can say everything). */
export type CheckForm = 'row' | 'condition';
export const CHECK_CHOICES: readonly { value: CheckForm; text: string }[] = [
  { value: 'row', text: 'Field, operator, value' },
  { value: 'condition', text: 'Condition (expression)' },
];

/** The examples the Condition box offers, from core's one list (each parsed by test/builder). */
export const CONDITION_EXAMPLE_CHOICES: readonly ConditionExample[] = CONDITION_EXAMPLES;

/**
 * The Condition text with an example put in: in place of the selection, or, after text that ends where the
 * cursor is, joined to it with `and` (two checks side by side would not read). start/end select the example.
 */
export function insertExample(
  text: string,
  example: string,
  at: { start: number; end: number } = { start: text.length, end: text.length },
): { text: string; start: number; end: number } {
  const start = Math.max(0, Math.min(at.start, text.length));
  const end = Math.max(start, Math.min(at.end, text.length));
  const before = text.slice(0, start);
  const after = text.slice(end);
  const joined = start === end && after.trim() === '' && before.trim() !== '';
  const lead = joined ? `${before.trimEnd()}\nand ` : before;
  return { text: lead + example + after, start: lead.length, end: lead.length + example.length };
}

/** What still keeps the candidate from being added, in words; empty when it is ready. */
export function missingParts(
  c: RuleCandidate,
  preview: PreviewView | undefined,
  form: CheckForm = 'row',
): string[] {
  const missing: string[] = [];
  if (!c.resourceType.trim()) missing.push('a resource type');
  if (form === 'condition') {
    const text = c.condition ?? '';
    if (!text.trim()) missing.push('a condition');
    else if (checkCondition(text).problems.length > 0) missing.push('a condition that reads');
  } else {
    if (!c.field.trim()) missing.push('a field');
    if (!c.operator.trim()) missing.push('an operator');
    if (c.operator && takesExpected(c.operator) && !c.expected.trim()) missing.push('an expected value');
  }
  if (!c.ruleId.trim()) missing.push('a Rule ID');
  if (!c.title.trim()) missing.push('a title');
  if (preview?.problems.some((p) => p.severity === 'error')) missing.push('a rule without errors');
  return missing;
}
