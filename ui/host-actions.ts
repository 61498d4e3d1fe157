// HostActions: what every host (Excel, Google Sheets, tests) offers the task pane, in plain values only.
import type { BuilderData, Counts, PreviewView, RuleCandidate, RulePackView } from '../core';

/*
 * How a host implements it, all through core (no business rule in a host):
 *   validate        read grids → core validate(grids, { now }) → apply patches → toRunView(run) (./run-view)
 *   getBuilderData  builderData(grids)                       (core/builder)
 *   previewRule     previewRule(grids, candidate, new Date()) (core/builder)
 * The write path (core/builder/write.ts): core plans the write, the host applies its patches with the applier
 * it uses for Validate, or throws the plan's `refusal` (nothing written); Sheets takes the document lock first.
 *   addRule          planRuleWrite(grids, candidate)           (core/builder)
 *   listRulePacks    rulePackViews()                           (core/packs)
 *   addRulePack      planPackWrite(grids, name)                (core/packs)
 *   importResources  planTextImport(kind, file, text, grids)   (importers/from-text)
 *   New rulebook     planStarterWrite(grids, now)              (core/packs)
 */

/** The three phases of a run, in order. */
export type RunPhase = 'reading' | 'checking' | 'writing';

/** Reports progress: `fraction` is 0..1 within `phase`. */
export type ProgressFn = (phase: RunPhase, fraction: number) => void;

/** Check counts, as core's summary gives them (plain numbers, so they cross any bridge). */
export type CountsView = Counts;

export interface NamedCountsView extends CountsView {
  name: string;
}

/** One problem of the rulebook, with the cell to select: `Rules` / `D7`. */
export interface ProblemView {
  code?: string;
  sheet: string;
  cell: string;
  message: string;
  suggestion: string;
  severity: 'error' | 'warning';
}

/** One non-passing (rule, resource) result, as the Results sheet shows it; dates are ISO text. */
export interface ItemView {
  ruleId: string;
  title: string;
  severity: string;
  status: 'FAIL' | 'ERROR' | 'WAIVED' | 'PASS';
  resourceId: string;
  resourceType: string;
  resourceName: string;
  businessUnit: string;
  fixOwner: string;
  field: string;
  expected: string;
  actual: string;
  message: string;
  remediation: string;
  /** ISO date (YYYY-MM-DD) or ''. */
  firstSeen: string;
  /** ISO date (YYYY-MM-DD) or ''. */
  due: string;
  overdue: boolean;
  /** Where the resource's row is, to select it: sheet and A1 cell of its Resource ID ('' when none). */
  sheet: string;
  cell: string;
}

/** What the pane shows after a run. Plain data only, so it crosses google.script.run. */
export interface RunView {
  /** ISO timestamp of the run. */
  runAt: string;
  rules: number;
  resources: number;
  totals: CountsView;
  /** Critical … Info, in that order, only those with checks. */
  bySeverity: NamedCountsView[];
  overdue: number;
  newFailures: number;
  fixed: number;
  problems: ProblemView[];
  /** Every non-passing result (FAIL, ERROR, WAIVED), in Results order: the source of "My items". */
  items: ItemView[];
  /** The Owners sheet's rows, so "My items" can map a signed-in e-mail to the Fix Owner name it is written as. */
  owners: OwnerView[];
}

/** One row of the Owners sheet: the owner (a person or team) and their e-mail ('' when none). */
export interface OwnerView {
  name: string;
  email: string;
}

// The rule builder's shapes are core's own (core/builder), so hosts pass core/builder's results straight through.
export type { BuilderData, FieldView, TypeView, RuleCandidate, PreviewExample, PreviewView } from '../core';

/** Where an added rule went. */
export interface AddedRule {
  ruleId: string;
  sheet: string;
  /** A1 cell of the new row's first column. */
  cell: string;
}

/** A pack as the pane lists it: core's rulePackViews(). */
export type { RulePackView } from '../core';

export interface AddedRows {
  added: number;
  /** Rows not written, e.g. a Rule ID already in the rulebook. */
  skipped: number;
  sheet: string;
  problems: ProblemView[];
}

/** The import kinds of the CLI's `rulesheet import`. */
export type ImportKind = 'auto' | 'kubernetes' | 'terraform' | 'aws' | 'json' | 'csv';

/**
 * What a host does for the pane. Every argument and result is plain data (strings, numbers,
 * booleans, arrays, objects) so the same interface works over Office.js and google.script.run.
 */
export interface HostActions {
  /** Reads the workbook, runs core's validate, writes the patches. Rejects with an Error on failure; an aborted run rejects with an Error named 'AbortError'. */
  validate(onProgress: ProgressFn, signal?: AbortSignal): Promise<RunView>;
  /** Selects (and scrolls to) one cell, e.g. ('Rules', 'D7'). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Types, fields and values seen on the rulebook's resources (core/builder). */
  getBuilderData(): Promise<BuilderData>;
  /** Tries a candidate rule on the resources without writing anything (core/builder). */
  previewRule(candidate: RuleCandidate): Promise<PreviewView>;
  /** Appends the candidate as a row of the Rules sheet (cells from core/builder). */
  addRule(candidate: RuleCandidate): Promise<AddedRule>;
  /** The rule packs the project ships; a host may return [] until packs exist. */
  listRulePacks(): Promise<RulePackView[]>;
  /** Appends a pack's rules to the Rules sheet. */
  addRulePack(name: string): Promise<AddedRows>;
  /** Appends resources parsed from a file's text to a Resources sheet. Optional: hosts without it hide Import. */
  importResources?(kind: ImportKind, fileName: string, text: string): Promise<AddedRows>;
  /** The signed-in user's name or e-mail as the host knows it; '' when it does not. */
  getUserName(): Promise<string>;
}

/** Where the pane remembers small things (the name typed for "My items"); window.localStorage fits. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
