// Every problem's message, keyed by code: the one place wording lives.
import { ACROSS_NAMES, FUNCTION_NAMES } from './lang/ast';
import type { ParamsOf, ProblemCode, ProblemParams, ProblemSeverity } from './problem-params';

export type { ProblemCode } from './problem-params';

/** A code's wording; methods, so a code's own def is also a def over any params (problems.ts reads them so). */
export interface MessageDef<P = ProblemParams> {
  severity: ProblemSeverity;
  message(p: P): string;
  suggestion?(p: P): string | undefined;
}

const q = (v: unknown) => `'${String(v ?? '')}'`;
const mean = (p: { suggestion?: string }) => (p.suggestion ? `Did you mean ${q(p.suggestion)}?` : undefined);

export const MESSAGES: { readonly [C in ProblemCode]: MessageDef<ParamsOf<C>> } = {
  missing_sheet: {
    severity: 'error',
    message: (p) => `The workbook has no ${q(p.sheet)} sheet.`,
    suggestion: (p) =>
      p.suggestion ? `Did you mean ${q(p.suggestion)}?` : `Add a sheet named ${q(p.sheet)}.`,
  },
  missing_column: {
    severity: 'error',
    message: (p) => `The ${q(p.sheet)} sheet has no ${q(p.column)} column.`,
    suggestion: (p) =>
      p.suggestion ? `Did you mean ${q(p.suggestion)}?` : `Add a column headed ${q(p.column)}.`,
  },
  empty_required: {
    severity: 'error',
    message: (p) => `${p.column} is empty; every row needs one.`,
    suggestion: (p) => (p.every ? `Write * for every ${p.every}.` : undefined),
  },
  duplicate_rule_id: {
    severity: 'error',
    message: (p) => `Rule ID ${q(p.id)} is used again; it was first used at ${p.first}.`,
    suggestion: () => 'Give each rule its own ID.',
  },
  duplicate_resource_id: {
    severity: 'warning',
    message: (p) =>
      `Resource ${q(p.id)} of type ${q(p.type)} is listed again; the first row (${p.first}) is used.`,
  },
  unknown_operator: {
    severity: 'error',
    message: (p) => `Unknown operator ${q(p.operator)}.`,
    suggestion: (p) => mean(p) ?? 'Pick an operator from the dropdown.',
  },
  unknown_severity: {
    severity: 'error',
    message: (p) => `Unknown severity ${q(p.value)}; use Critical, High, Medium, Low or Info.`,
    suggestion: mean,
  },
  unknown_match: {
    severity: 'error',
    message: (p) => `Unknown match ${q(p.value)}; use all, any or none.`,
    suggestion: mean,
  },
  invalid_boolean: {
    severity: 'error',
    message: (p) => `${p.column} must be TRUE or FALSE, not ${q(p.value)}.`,
  },
  expression_syntax: {
    severity: 'error',
    message: (p) => `Cannot read the condition at character ${p.position}: ${p.detail}.`,
    suggestion: (p) => (p.suggestion ? `Did you mean ${q(p.suggestion)}?` : undefined),
  },
  invalid_regex: {
    severity: 'error',
    message: (p) => `${q(p.pattern)} is not a valid regular expression: ${p.reason}.`,
    suggestion: () => 'Regular expressions use RE2 syntax; lookarounds and backreferences are not supported.',
  },
  invalid_date: {
    severity: 'error',
    message: (p) => `${q(p.value)} is not a date.`,
    suggestion: () => 'Write dates as YYYY-MM-DD or use a date cell.',
  },
  invalid_number: {
    severity: 'error',
    message: (p) => `${q(p.operator)} needs a number, not ${q(p.value)}.`,
  },
  invalid_network: {
    severity: 'error',
    message: (p) => `${q(p.value)} is not an IP address or network.`,
    suggestion: () => 'Write a network as 10.0.0.0/8 or an address as 192.168.1.10.',
  },
  invalid_selector: {
    severity: 'error',
    message: (p) =>
      `${q(p.operator)} needs ${p.operator === 'selects' ? 'labels' : 'a label selector'}, but ${q(p.value)} ${p.reason}.`,
    suggestion: () => 'Write labels as app=web, tier=front, or a JSON object.',
  },
  unknown_lookup_type: {
    severity: 'warning',
    message: (p) => `No resource has type ${q(p.type)}, so looking it up finds nothing.`,
    suggestion: mean,
  },
  unknown_lookup_field: {
    severity: 'warning',
    message: (p) =>
      `No ${q(p.type)} resource has a column ${q(p.path)}, so it is missing on every one the rule reads.`,
    suggestion: mean,
  },
  invalid_lookup: {
    severity: 'error',
    message: (p) => `The lookup cannot run: ${p.detail}.`,
  },
  expected_missing: {
    severity: 'error',
    message: (p) => `${q(p.operator)} needs an Expected value.`,
  },
  expected_ignored: {
    severity: 'warning',
    message: (p) => `${q(p.operator)} takes no Expected value; ${q(p.value)} is ignored.`,
  },
  expected_single: {
    severity: 'error',
    message: (p) => `${q(p.operator)} compares with one value, but Expected holds ${p.count}.`,
    suggestion: (p) => (p.suggestion ? `Did you mean ${q(p.suggestion)}?` : undefined),
  },
  no_check: {
    severity: 'error',
    message: () => 'The rule has no check: fill Field, Operator and Expected, or Condition.',
  },
  both_forms: {
    severity: 'warning',
    message: () => 'The rule has both a Condition and Field/Operator; the Condition is used.',
  },
  unknown_sheet_ref: {
    severity: 'error',
    message: (p) => `There is no sheet named ${q(p.sheet)}.`,
    suggestion: mean,
  },
  unknown_column_ref: {
    severity: 'error',
    message: (p) => `The ${q(p.sheet)} sheet has no column ${q(p.column)}.`,
    suggestion: mean,
  },
  invalid_path: {
    severity: 'error',
    message: (p) => `${q(p.path)} is not a valid field path: ${p.reason}.`,
  },
  unknown_function: {
    severity: 'error',
    message: (p) =>
      `Unknown function ${q(p.name)}; the functions are ${[...FUNCTION_NAMES, ...ACROSS_NAMES].join(', ')}.`,
    suggestion: mean,
  },
  unknown_resource_type: {
    severity: 'warning',
    message: (p) => `No resource has type ${q(p.type)}, so the rule checks nothing.`,
    suggestion: mean,
  },
  unknown_field: {
    severity: 'warning',
    message: (p) =>
      `No resource of the rule's types has a column ${q(p.path)}, so it is missing on every resource.`,
    suggestion: mean,
  },
  shadowed_field: {
    severity: 'warning',
    message: (p) =>
      `${q(p.path)} reads the ${q(p.column)} column (${p.value}), not the Document's ${q(p.path)} (${p.documentValue}): a column comes first.`,
    suggestion: (p) => `To read the Document, write ${q(p.suggestion)}.`,
  },
  rule_judged_nothing: {
    severity: 'warning',
    message: (p) =>
      `No resource of the rule's types was judged: ${p.by} left out all ${p.resources}, so the rule checks nothing.`,
    suggestion: () => 'Compare the cell with the values the resources have, or disable the rule.',
  },
  waiver_no_approver: {
    severity: 'error',
    message: () => 'The waiver has no approver, so it is not applied.',
    suggestion: () => 'Fill Approved By.',
  },
  waiver_no_expiry: {
    severity: 'warning',
    message: () => 'The waiver has no expiry date, so it never expires.',
  },
  waiver_unknown_rule: {
    severity: 'warning',
    message: (p) => `The waiver names rule ${q(p.ruleId)}, which is not in Rules.`,
    suggestion: mean,
  },
  waiver_unknown_resource: {
    severity: 'warning',
    message: (p) =>
      p.ruleId === '*'
        ? `The waiver names resource ${q(p.resourceId)}, which matches no resource, so it waives nothing.`
        : `The waiver names resource ${q(p.resourceId)}, which matches no resource rule ${q(p.ruleId)} checks, so it waives nothing.`,
    suggestion: mean,
  },
  invalid_json: {
    severity: 'warning',
    message: (p) => `${p.column} holds text that looks like JSON but does not parse: ${p.reason}.`,
  },
  unknown_setting: {
    severity: 'warning',
    message: (p) => `Unknown setting ${q(p.key)}; it is ignored.`,
    suggestion: mean,
  },
  invalid_setting: {
    severity: 'error',
    message: (p) => `Setting ${q(p.key)} cannot be ${q(p.value)}: ${p.reason}.`,
  },
  too_many_rows: {
    severity: 'error',
    message: (p) =>
      `${p.sheet} needs ${p.rows} rows but ${p.host} allows ${p.limit}; the rows past the limit are not written.`,
  },
  too_many_cells: {
    severity: 'error',
    message: (p) => `${p.sheet} needs ${p.cells} cells but ${p.host} allows ${p.limit} in a workbook.`,
  },
  results_capped: {
    severity: 'warning',
    message: (p) =>
      `Results lists the ${p.listed.toLocaleString('en-US')} most severe of ${p.total.toLocaleString('en-US')} rows: ` +
      `${p.host} can write no more within its time and cell limits. Summary and Run History count them all. ` +
      'Validate with the command line for the whole list, or give each business unit its own rulebook.',
  },
  cell_too_long: {
    severity: 'warning',
    message: (p) =>
      `A value of ${p.length} characters is longer than ${p.host} allows in a cell (${p.limit}); it was cut and ends with "…".`,
  },
  no_rules: {
    severity: 'warning',
    message: () => 'The Rules sheet has no rules yet.',
  },
  data_unreadable: {
    severity: 'error',
    message: (p) => `${p.detail}`,
  },
  duplicate_default_owner: {
    severity: 'warning',
    message: (p) =>
      `${q(p.owner)} is a second default owner for business unit ${q(p.businessUnit)}; the first default (${p.first}) is used.`,
  },
  cells_too_long: {
    severity: 'warning',
    message: (p) =>
      `${p.count} values in ${p.sheet} are longer than ${p.host} allows in a cell (${p.limit}), the longest ${p.length} characters; they were cut and end with "…".`,
  },
};
