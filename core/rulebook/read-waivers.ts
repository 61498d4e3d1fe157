// Reading the Exceptions sheet: one Waiver per row, invalid (never applied) when it has no approver or a bad date.
import { didYouMean } from '../names';
import { problem, type Problem } from '../problems';
import type { ParamsArg, ParamsOf, ProblemCode } from '../problem-params';
import type { Grid } from '../types';
import { calendarDay } from '../values/calendar';
import { cellText, isBlank } from '../values/cells';
import {
  headerTexts,
  mapHeaders,
  missingColumns,
  WAIVER_COLUMNS,
  WAIVER_REQUIRED,
  type WaiverColumn,
} from './headers';
import type { Waiver } from './model';
import type { TargetCheck } from './waiver-targets';
import { cellAt, isBlankRow, rowAt } from './sheets';

export interface WaiversRead {
  waivers: Waiver[];
  problems: Problem[];
}

/**
 * Reads waivers. Rule ID and Resource ID must both be filled (`*` for all): a blank is `empty_required`, never a
 * silent "everything", because a waiver that covers more than meant hides failures. `ruleIds` are the rules read.
 * `targets`, when given, says whether a Resource ID fits anything its rule checks; one that fits nothing is a warning.
 * Expires becomes the calendar date it names in `timeZone` (the rulebook's), as a UTC-midnight Date: a date-time
 * written with an offset, or handed over as an instant, counts on the day it falls on there.
 */
export function readWaivers(
  grid: Grid,
  ruleIds: readonly string[],
  timeZone = 'UTC',
  targets?: (ruleId: string, resourceId: string) => TargetCheck,
): WaiversRead {
  const headers = headerTexts(rowAt(grid, 0));
  const columns = mapHeaders(headers, WAIVER_COLUMNS);
  const missing = missingColumns(grid.name, headers, columns, WAIVER_COLUMNS, WAIVER_REQUIRED);
  if (missing.length > 0) return { waivers: [], problems: missing };

  const known = new Set(ruleIds.map((id) => id.toLowerCase()));
  const waivers: Waiver[] = [];
  const problems: Problem[] = [];
  for (let r = 1; r < grid.rows.length; r++) {
    const row = rowAt(grid, r);
    if (isBlankRow(row)) continue;
    const cell = (key: WaiverColumn) => cellAt(row, columns[key]);
    const text = (key: WaiverColumn) => cellText(cell(key));
    let valid = true;
    const report = <C extends ProblemCode>(key: WaiverColumn, code: C, ...[params]: ParamsArg<C>) => {
      const p = problem(code, params as ParamsOf<C>, { sheet: grid.name, row: r, col: columns[key] });
      if (p.severity === 'error') valid = false;
      problems.push(p);
    };
    const header = (key: WaiverColumn) => headers[columns[key] ?? -1] || WAIVER_COLUMNS[key].header;

    const ruleId = text('ruleId');
    const resourceId = text('resourceId');
    const approvedBy = text('approvedBy');
    if (ruleId === '') report('ruleId', 'empty_required', { column: header('ruleId'), every: 'rule' });
    if (resourceId === '')
      report('resourceId', 'empty_required', { column: header('resourceId'), every: 'resource' });
    if (approvedBy === '') report('approvedBy', 'waiver_no_approver');

    let expires: Date | undefined;
    if (isBlank(cell('expires'))) {
      report('expires', 'waiver_no_expiry');
    } else {
      expires = calendarDay(cell('expires'), timeZone);
      if (expires === undefined) report('expires', 'invalid_date', { value: text('expires') });
    }

    if (ruleId !== '' && !namesKnownRule(ruleId, known)) {
      report('ruleId', 'waiver_unknown_rule', { ruleId, suggestion: didYouMean(ruleId, ruleIds) });
    } else if (ruleId !== '' && resourceId !== '' && targets) {
      const target = targets(ruleId, resourceId);
      if (!target.found) {
        report('resourceId', 'waiver_unknown_resource', {
          ruleId,
          resourceId,
          suggestion: target.suggestion,
        });
      }
    }

    waivers.push({
      row: r,
      sheet: grid.name,
      ruleId,
      resourceId,
      reason: text('reason'),
      approvedBy,
      expires,
      ticket: text('ticket'),
      valid,
    });
  }
  return { waivers, problems };
}

// Only a lone `*` stands for every rule; `S3-*` is not a pattern to the waiver matcher, so it is an unknown rule here too.
function namesKnownRule(ruleId: string, known: ReadonlySet<string>): boolean {
  return ruleId === '*' || known.has(ruleId.toLowerCase());
}
