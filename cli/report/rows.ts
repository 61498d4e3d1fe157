// Results and problems flattened to plain rows, the shape every report format starts from.
import {
  isoDateOrTime,
  type RenderedProblem,
  renderProblem,
  type Result,
  type RunOutput,
  type RunSummary,
} from '../../core';

export interface ResultRow {
  ruleId: string;
  resourceId: string;
  resourceType: string;
  status: string;
  severity: string;
  fixOwner: string;
  businessUnit: string;
  field: string;
  expected: string;
  actual: string;
  message: string;
  firstSeen: string;
  due: string;
  overdue: boolean;
}

/** What a report needs besides the run itself. */
export interface ReportContext {
  /** The rulebook as given on the command line. */
  rulebookPath: string;
  /** The file holding a sheet: the workbook itself, or a sheet's CSV file inside the folder. */
  fileOf: (sheet: string) => string;
  version: string;
  /** SARIF only (`--max-results`): list at most this many results, the most severe (sarif-cap.ts). */
  maxResults?: number;
}

/** A report in chunks, made as they are written: its size is bounded by the disk, not by V8's longest string. */
export type Report = (output: RunOutput, ctx: ReportContext) => Iterable<string>;

const iso = (d: Date | undefined) => (d && !Number.isNaN(d.getTime()) ? d.toISOString() : '');

export function resultRow(r: Result): ResultRow {
  return {
    ruleId: r.rule.id,
    resourceId: r.resource?.id ?? '',
    resourceType: r.resource?.type ?? '',
    status: r.status,
    severity: r.rule.severity,
    fixOwner: r.fixOwner ?? '',
    businessUnit: r.resource?.businessUnit ?? '',
    field: r.field ?? '',
    expected: r.expected ?? '',
    actual: r.actual ?? '',
    message: r.message ?? '',
    // First Seen and Due are calendar dates: YYYY-MM-DD.
    firstSeen: r.firstSeen ? isoDateOrTime(r.firstSeen) : '',
    due: r.due ? isoDateOrTime(r.due) : '',
    overdue: r.overdue ?? false,
  };
}

export const RESULT_COLUMNS: (keyof ResultRow)[] = [
  'ruleId',
  'resourceId',
  'resourceType',
  'status',
  'severity',
  'fixOwner',
  'businessUnit',
  'field',
  'expected',
  'actual',
  'message',
  'firstSeen',
  'due',
  'overdue',
];

export function problemRows(output: RunOutput): RenderedProblem[] {
  return output.problems.map(renderProblem);
}

/** A run's figures as the JSON reports give them, in their order. */
export function summaryFigures(s: RunSummary) {
  return {
    rules: s.rules,
    resources: s.resources,
    checks: s.checks,
    passing: s.passing,
    failing: s.failing,
    waived: s.waived,
    errors: s.errors,
    notApplicable: s.notApplicable,
    passRate: s.passRate,
  };
}

/** A problem as the JSON reports give it: the cell as `sheet` and `cell`, the words already rendered. */
export function problemFields(p: RenderedProblem) {
  return {
    code: p.code,
    severity: p.severity,
    sheet: p.sheet,
    cell: p.cell,
    message: p.message,
    suggestion: p.suggestion,
  };
}

export const isoDate = iso;
