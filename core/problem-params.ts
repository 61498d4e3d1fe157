// What each problem code carries: its params, by code. Both problems.ts and messages.ts build on these types.

export type ProblemSeverity = 'error' | 'warning';

/** A param as a problem stores it: messages quote text and show numbers as they are. */
export type ProblemParam = string | number | undefined;
export type ProblemParams = Record<string, ProblemParam>;

/** A "did you mean" guess, when a near name was found. */
type Guess = { suggestion?: string };

/**
 * The params of every problem code: `problem(code, params)` and the code's message are checked against this,
 * so a misspelt or missing param does not compile.
 */
export interface ProblemParamsByCode {
  missing_sheet: { sheet: string } & Guess;
  missing_column: { sheet: string; column: string } & Guess;
  empty_required: {
    column: string;
    /** A waiver's blank: `*` is how to say every rule or resource. */ every?: 'rule' | 'resource';
  };
  duplicate_rule_id: { id: string; first: string };
  duplicate_resource_id: { id: string; type: string; first: string };
  unknown_operator: { operator: string } & Guess;
  unknown_severity: { value: string } & Guess;
  unknown_match: { value: string } & Guess;
  invalid_boolean: { column: string; value: string };
  expression_syntax: { position: number; detail: string } & Guess;
  invalid_regex: { operator: string; pattern: string; reason: string };
  invalid_date: { value: string };
  invalid_number: { operator: string; value: string };
  invalid_network: { operator: string; value: string };
  expected_missing: { operator: string };
  invalid_selector: { operator: string; value: string; reason: string };
  unknown_lookup_type: { type: string } & Guess;
  unknown_lookup_field: { type: string; path: string } & Guess;
  invalid_lookup: { detail: string };
  expected_ignored: { operator: string; value: string };
  expected_single: { operator: string; count: number } & Guess;
  no_check: NoParams;
  both_forms: NoParams;
  unknown_sheet_ref: { sheet: string } & Guess;
  unknown_column_ref: { sheet: string; column: string } & Guess;
  invalid_path: { path: string; reason: string };
  unknown_function: { name: string } & Guess;
  unknown_resource_type: { type: string } & Guess;
  unknown_field: { path: string } & Guess;
  shadowed_field: { path: string; column: string; value: string; documentValue: string; suggestion: string };
  rule_judged_nothing: { resources: number; by: string };
  waiver_no_approver: NoParams;
  waiver_no_expiry: NoParams;
  waiver_unknown_rule: { ruleId: string } & Guess;
  waiver_unknown_resource: { ruleId: string; resourceId: string } & Guess;
  invalid_json: { column: string; reason: string };
  unknown_setting: { key: string } & Guess;
  invalid_setting: { key: string; value: string; reason: string };
  too_many_rows: { sheet: string; rows: number; limit: number; host: string };
  too_many_cells: { sheet: string; cells: number; limit: number; host: string };
  results_capped: { listed: number; total: number; host: string };
  cell_too_long: { length: number; limit: number; host: string };
  no_rules: NoParams;
  data_unreadable: { detail: string };
  duplicate_default_owner: { owner: string; businessUnit: string; first: string };
  cells_too_long: { sheet: string; count: number; length: number; limit: number; host: string };
}

/** A code whose message needs nothing. */
type NoParams = Record<string, never>;

export type ProblemCode = keyof ProblemParamsByCode;
export type ParamsOf<C extends ProblemCode> = ProblemParamsByCode[C];

/** The codes whose message needs no params: their params may be left out. */
export type BareCode = { [C in ProblemCode]: NoParams extends ParamsOf<C> ? C : never }[ProblemCode];

/** A code's params as trailing arguments: optional for a bare code, required for any other. */
export type ParamsArg<C extends ProblemCode> = C extends BareCode
  ? [params?: ParamsOf<C>]
  : [params: ParamsOf<C>];
