// The Results sheet: one row per result someone must look at, worst first, with First Seen, Due and the waiver.
import type { Result } from '../engine/result';
import type { Settings, Waiver } from '../rulebook/model';
import { SEVERITIES, type Status } from '../types';
import { isoDateOrTime } from '../values/cells';
import { columnWidths, DATE_FORMAT, RESULTS_SHEET, STATUS_COLORS } from './formats';
import { safeText, type SheetPatch, type WriteCell } from './patch';
import { compareText } from './summary';

export const RESULTS_HEADER = [
  'Rule ID',
  'Title',
  'Severity',
  'Status',
  'Resource ID',
  'Resource Type',
  'Resource Name',
  'Business Unit',
  'Fix Owner',
  'Field',
  'Expected',
  'Actual',
  'Message',
  'Remediation',
  'First Seen',
  'Due',
  'Overdue',
  'Waiver',
] as const;

const col = (name: (typeof RESULTS_HEADER)[number]) => RESULTS_HEADER.indexOf(name);

/** FAIL first: it needs action; ERROR next: the check could not tell; WAIVED and PASS are settled. */
const STATUS_ORDER: readonly Status[] = ['FAIL', 'ERROR', 'WAIVED', 'PASS'];

export function isWrittenToResults(result: Result, settings: Settings): boolean {
  if (result.status === 'PASS') return settings.includePassing;
  return result.status !== 'NOT_APPLICABLE';
}

export function compareResults(a: Result, b: Result): number {
  return (
    SEVERITIES.indexOf(a.rule.severity) - SEVERITIES.indexOf(b.rule.severity) ||
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    compareText(a.rule.id, b.rule.id) ||
    compareText(a.resource?.id ?? '', b.resource?.id ?? '')
  );
}

/** `SEC-12 (approved by Dana, until 2026-12-31)`: the ticket, else the reason, then who approved it and until when. */
export function waiverText(waiver: Waiver): string {
  const what = waiver.ticket.trim() || waiver.reason.trim() || 'waiver';
  const terms = [
    waiver.approvedBy.trim() ? `approved by ${waiver.approvedBy.trim()}` : '',
    waiver.expires ? `until ${isoDateOrTime(waiver.expires).slice(0, 10)}` : 'no expiry',
  ].filter(Boolean);
  return `${what} (${terms.join(', ')})`;
}

const text = (value: string | undefined): WriteCell => (value ? safeText(value) : null);

function resultRow(r: Result): WriteCell[] {
  return [
    text(r.rule.id),
    text(r.rule.title),
    r.rule.severity,
    r.status,
    text(r.resource?.id),
    text(r.resource?.type),
    text(r.resource?.name),
    text(r.resource?.businessUnit),
    text(r.fixOwner),
    text(r.field),
    text(r.expected),
    text(r.actual),
    text(r.message),
    text(r.rule.remediation),
    r.firstSeen ?? null,
    r.due ?? null,
    r.overdue === true,
    r.waiver ? safeText(waiverText(r.waiver)) : null,
  ];
}

export function resultsSheet(results: readonly Result[], settings: Settings): SheetPatch {
  const written = results.filter((r) => isWrittenToResults(r, settings)).sort(compareResults);
  const rows: WriteCell[][] = [[...RESULTS_HEADER], ...written.map(resultRow)];
  const last = rows.length - 1;
  const range = { fromRow: 1, toRow: last };
  return {
    kind: 'sheet',
    sheet: RESULTS_SHEET,
    rows,
    generated: true,
    format: {
      frozenRows: 1,
      headerRow: true,
      columnWidths: columnWidths(RESULTS_HEADER),
      // With no data rows there is nothing to format, and an empty range would confuse hosts.
      statusColors: last >= 1 ? [{ col: col('Status'), ...range, colors: STATUS_COLORS }] : [],
      numberFormats:
        last >= 1
          ? [
              { col: col('First Seen'), ...range, format: DATE_FORMAT },
              { col: col('Due'), ...range, format: DATE_FORMAT },
            ]
          : [],
    },
  };
}
