// Figures of one run: totals, breakdowns and the Run History rows, shared by every output.
import type { Result } from '../engine/result';
import type { Severity } from '../types';

export interface Counts {
  /** PASS + FAIL + WAIVED + ERROR (NOT_APPLICABLE is not a check). */
  checks: number;
  passing: number;
  failing: number;
  waived: number;
  errors: number;
  notApplicable: number;
  /** passing ÷ (passing + failing + errors), 0..1; waived checks are set aside; 1 when there is nothing to judge. */
  passRate: number;
}

export interface NamedCounts extends Counts {
  name: string;
}

/**
 * A fix owner's counts. Only results someone must act on (FAIL, WAIVED, ERROR) have a fix owner, so passing and
 * notApplicable are always 0 here and passRate says nothing; read failing, errors, waived and overdue.
 */
export interface FixOwnerCounts extends NamedCounts {
  /** FAIL results past their Due. */
  overdue: number;
}

export interface RunSummary extends Counts {
  runAt: Date;
  /** Enabled rules that were read. */
  rules: number;
  /** Enabled rules that judged no resource: none of their types, or every one out of scope (a broken rule's ERROR counts as judged). */
  rulesCheckingNothing: number;
  resources: number;
  bySeverity: NamedCounts[];
  byBusinessUnit: NamedCounts[];
  /** Most failing first; passing is 0 in each (see FixOwnerCounts). */
  byFixOwner: FixOwnerCounts[];
  byFramework: NamedCounts[];
  topFailingRules: { ruleId: string; title: string; severity: Severity; failing: number }[];
  overdue: Result[];
  /** FAIL now, not FAIL in the previous Results. */
  newFailures: number;
  /** FAIL in the previous Results, PASS now. */
  fixed: number;
  /** Set when the host lists fewer Results rows than the run has (HostLimits.maxListedRows). */
  resultsShown?: { listed: number; total: number; host: string };
}

/** One Run History row. */
export interface HistoryRow {
  runAt: Date;
  businessUnit: string;
  rules: number;
  resources: number;
  checks: number;
  passing: number;
  failing: number;
  waived: number;
  errors: number;
  passRate: number;
  newFailures: number;
  fixed: number;
}

/** Limits of the host that will receive the patches. */
export interface HostLimits {
  host: string;
  maxRows: number;
  maxCellChars: number;
  maxCells?: number;
  /**
   * The most rows the Results sheet lists in this host; beyond it Results lists that many, most severe first (its own
   * order), the Summary says how many it left out, and a `results_capped` warning says so. Absent: every row.
   */
  maxListedRows?: number;
}

export const EXCEL_LIMITS: HostLimits = { host: 'Excel', maxRows: 1_048_576, maxCellChars: 32_767 };
export const SHEETS_LIMITS: HostLimits = {
  host: 'Google Sheets',
  maxRows: 10_000_000,
  maxCellChars: 50_000,
  maxCells: 10_000_000,
  // 50,000 rows × 18 columns is 900,000 cells: about 135 s of writing at 150 µs a cell, the cautious end of
  // published measurements (bench/README.md, "Host cost models"), inside Apps Script's 6-minute run.
  maxListedRows: 50_000,
};
