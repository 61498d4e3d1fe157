// Turns core's RunOutput into the RunView the pane shows: plain values, dates as ISO text, cells as A1.
import { cellOf, renderProblem, type RunOutput, type Result, type Counts } from '../core';
import type { CountsView, ItemView, RunView } from './host-actions';

export function toRunView(run: RunOutput): RunView {
  const s = run.summary;
  return {
    runAt: run.runAt.toISOString(),
    rules: s.rules,
    resources: s.resources,
    totals: counts(s),
    bySeverity: s.bySeverity.filter((b) => b.checks > 0).map((b) => ({ name: b.name, ...counts(b) })),
    overdue: s.overdue.length,
    newFailures: s.newFailures,
    fixed: s.fixed,
    problems: run.problems.map((p) => {
      const { code, sheet, cell, message, suggestion, severity } = renderProblem(p);
      return { code, sheet, cell, message, suggestion, severity };
    }),
    // FAIL, ERROR and WAIVED: the open results, reached without making the passing ones.
    items: Array.from(run.results.open(), (r) => item(r, run.rulebook.rulesSheet?.name ?? 'Rules')),
    owners: run.rulebook.owners.map((o) => ({ name: o.owner, email: o.email })),
  };
}

function counts(c: Counts): CountsView {
  const { checks, passing, failing, waived, errors, notApplicable, passRate } = c;
  return { checks, passing, failing, waived, errors, notApplicable, passRate };
}

const isoDate = (d: Date | undefined): string =>
  d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : '';

function item(r: Result, rulesSheet: string): ItemView {
  const res = r.resource;
  return {
    ruleId: r.rule.id,
    title: r.rule.title,
    severity: r.rule.severity,
    status: r.status as ItemView['status'],
    resourceId: res?.id ?? '',
    resourceType: res?.type ?? '',
    resourceName: res?.name ?? '',
    businessUnit: res?.businessUnit ?? '',
    fixOwner: r.fixOwner ?? '',
    field: r.field ?? '',
    expected: r.expected ?? '',
    actual: r.actual ?? '',
    message: r.message ?? '',
    remediation: r.rule.remediation,
    firstSeen: isoDate(r.firstSeen),
    due: isoDate(r.due),
    overdue: r.overdue === true,
    // A broken rule's single ERROR has no resource: it points at the rule's row instead.
    sheet: res ? res.sheet.name : rulesSheet,
    cell: res
      ? cellOf({ sheet: res.sheet.name, row: res.row, col: res.sheet.idCol })
      : cellOf({ sheet: rulesSheet, row: r.rule.row, col: 0 }),
  };
}
