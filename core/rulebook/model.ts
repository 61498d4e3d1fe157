// The rulebook as the engine sees it once the grids are read: rules, resources, waivers, owners, settings.
import type { Problem } from '../problems';
import type { Cell, Grid, MatchMode, Severity } from '../types';

/** A column the Rules sheet may have; the reader maps headers (and their aliases) to these keys. */
export type RuleColumn =
  | 'ruleId'
  | 'title'
  | 'resourceType'
  | 'field'
  | 'operator'
  | 'expected'
  | 'match'
  | 'condition'
  | 'appliesWhen'
  | 'businessUnit'
  | 'severity'
  | 'owner'
  | 'framework'
  | 'remediation'
  | 'enabled';

/** The engine's generated Rules columns, in the order they are first written. */
export const GENERATED_RULE_COLUMNS = [
  'Reads As',
  'Status',
  'Passing',
  'Failing',
  'Waived',
  'Problems',
  'Last Run',
] as const;

export interface Rule {
  /** 0-based row in the Rules grid (row 0 is the header). */
  row: number;
  id: string;
  title: string;
  /** Type patterns from Resource Type (comma list, `*` globs allowed), trimmed, non-empty. */
  resourceTypes: string[];
  severity: Severity;
  owner: string;
  framework: string;
  remediation: string;
  enabled: boolean;
  /** Business units the rule is scoped to; empty means all. */
  businessUnits: string[];
  /** Row form (used when `condition` is empty). Raw cells, parsed by the compiler. */
  field: string;
  operator: string;
  expected: Cell;
  match: MatchMode;
  /** Expression form. */
  condition: string;
  appliesWhen: string;
  /** Problems found while reading the row (required cells, severity, enabled, match, duplicates). */
  problems: Problem[];
  /** true when a reading problem of severity error stops the rule from running. */
  broken: boolean;
}

export interface RulesSheet {
  name: string;
  grid: Grid;
  /** RuleColumn → 0-based column. */
  columns: Partial<Record<RuleColumn, number>>;
  /** Generated column header → 0-based column, for those already present from an earlier run. */
  generated: Partial<Record<(typeof GENERATED_RULE_COLUMNS)[number], number>>;
  /** Number of columns the user's headers use (the first column after them is free). */
  userWidth: number;
}

export interface ResourceSheet {
  name: string;
  /** Position of this sheet among the resource sheets, for per-sheet caches. */
  index: number;
  headers: string[];
  /** Lower-cased trimmed header → 0-based column. */
  columnByName: Map<string, number>;
  idCol: number;
  typeCol: number;
  documentCol?: number;
}

export interface Resource {
  sheet: ResourceSheet;
  /** 0-based row in its grid. */
  row: number;
  cells: Cell[];
  id: string;
  type: string;
  name: string;
  owner: string;
  businessUnit: string;
  environment: string;
}

export interface Waiver {
  row: number;
  sheet: string;
  ruleId: string;
  /** A Resource ID or a glob. */
  resourceId: string;
  reason: string;
  approvedBy: string;
  expires?: Date;
  ticket: string;
  /** false when a problem (no approver, bad date) keeps it from being applied. */
  valid: boolean;
}

export interface OwnerRow {
  row: number;
  owner: string;
  email: string;
  businessUnit: string;
  defaultForBusinessUnit: boolean;
}

export interface Settings {
  slaDays: Record<Severity, number>;
  includePassing: boolean;
  /** Lowest severity whose FAIL/ERROR fails the CLI's exit code; undefined: none. */
  failOn?: Severity;
  /** IANA time zone for dates (today, due dates); default UTC. */
  timeZone: string;
}

/** A row of the previous run's Results, keyed for carrying First Seen over. */
export interface PreviousResult {
  ruleId: string;
  resourceId: string;
  resourceType: string;
  status: string;
  firstSeen?: Date;
}

export interface Rulebook {
  rulesSheet?: RulesSheet;
  rules: Rule[];
  resourceSheets: ResourceSheet[];
  resources: Resource[];
  waivers: Waiver[];
  owners: OwnerRow[];
  settings: Settings;
  previousResults: PreviousResult[];
  /** The existing Run History rows, header included, kept as they are and appended to. */
  previousHistory: Cell[][];
  /** Every grid by normalized sheet name, for cross-sheet Expected lists. */
  grids: Map<string, Grid>;
  problems: Problem[];
}
