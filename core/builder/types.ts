// Plain-data shapes of the rule builder: what it offers (types, fields, values) and what a preview gives.
import type { RenderedProblem } from '../problems';
import type { WriteCell } from '../output/patch';

/** A field seen on resources of one type, with the distinct values seen (most frequent first, capped). */
export interface FieldView {
  /** A path the engine resolves: `versioning.status`, `podSpec.containers[*].image`. */
  path: string;
  /** Resources of the type on which the path holds a value. */
  seen: number;
  /** Distinct scalar values as a cell would hold them (`Enabled`, `90`, `TRUE`), most frequent first. */
  values: string[];
}

export interface TypeView {
  type: string;
  /** Number of resources of this type. */
  count: number;
  fields: FieldView[];
  /** A Rule ID not yet used, in the prefix this type's rules use: `S3-007` for aws_s3_bucket. */
  nextRuleId: string;
}

/** Everything the rule builder needs to offer choices. */
export interface BuilderData {
  types: TypeView[];
  /** A Rule ID not yet used, suggested for the next rule: `RULE-004`. */
  nextRuleId: string;
}

/**
 * A rule the builder is composing: in row form (field, operator, expected), or as a Condition when `condition` is
 * not blank (then field, operator, expected and match are not written). Blank optional texts are left out of the row.
 */
export interface RuleCandidate {
  ruleId: string;
  title: string;
  resourceType: string;
  /** The check as an expression, for the Condition column. */
  condition?: string;
  field: string;
  /** Canonical operator name from OPERATORS: `equals`, `is one of` … */
  operator: string;
  /** Expected as the cell would hold it ('' for operators that take none). */
  expected: string;
  /** `all` (default), `any` or `none`, for fields with `[*]`. */
  match?: 'all' | 'any' | 'none';
  severity?: string;
  owner?: string;
  remediation?: string;
}

/** One resource the candidate rule was tried on. */
export interface PreviewExample {
  resourceId: string;
  resourceName: string;
  status: 'PASS' | 'FAIL' | 'WAIVED' | 'ERROR';
  actual: string;
  message: string;
}

/** The candidate rule tried on the rulebook's resources, before it is written. */
export interface PreviewView {
  /** The rule in plain words (what `Reads As` will say). */
  readsAs: string;
  passing: number;
  failing: number;
  waived: number;
  errors: number;
  /** Resources of the rule's type left out by its scope. */
  notApplicable: number;
  /** A few failing, then a few passing examples. */
  examples: PreviewExample[];
  /** What is wrong with the candidate (unknown operator, bad Expected …); empty when it is fine. */
  problems: RenderedProblem[];
}

/** One problem of a Condition being typed, with where it is (1-based line and column, 0-based offset). */
export interface ConditionProblem extends Omit<RenderedProblem, 'sheet' | 'cell'> {
  offset: number;
  line: number;
  column: number;
}

/** A Condition as the builder checks it while it is typed: parsed only, not run. */
export interface ConditionCheck {
  /** The parsed condition in plain words; '' when it cannot be read. */
  readsAs: string;
  problems: ConditionProblem[];
}

/** The cells to append to the Rules sheet for a candidate: hosts write `cells` at (`row`, column 0). */
export interface RuleRowPlan {
  sheet: string;
  /** 0-based row to write (the first row after the last non-blank one). */
  row: number;
  /** From column 0; null cells are left as they are; `{ text }` is text that must not become a formula (`-1`). */
  cells: WriteCell[];
  /** When the workbook has no Rules sheet: the header row to write at row 0 first. */
  header?: string[];
  /** Headers the existing Rules sheet lacks and the row needs (Condition): written in row 0 at their column. */
  newHeaders?: { col: number; header: string }[];
  /** Errors here mean nothing should be written (duplicate Rule ID, a needed column missing). */
  problems: RenderedProblem[];
}
