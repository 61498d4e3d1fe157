// The Results sheet: one row per result someone must look at, worst first, with First Seen, Due and the waiver.
import { CODE, STATUS_OF } from '../engine/codes';
import type { Result } from '../engine/result';
import { ResultSet } from '../engine/result-set';
import type { Resource, Rule, Settings, Waiver } from '../rulebook/model';
import { SEVERITIES, STATUSES, type Status } from '../types';
import { isoDateOrTime } from '../values/cells';
import { columnWidths, DATE_FORMAT, RESULTS_SHEET, STATUS_COLORS, TABLE_PRINT, wrapColsOf } from './formats';
import { CellFitter } from './limits';
import { compareText, inOrder, ResultKeys, sortedOrder, STATUS_INDEX } from './order';
import { ListedResults } from './listed';
import { looksLikeFormula, type SheetPatch, type WriteCell } from './patch';
import { ResourceIndex } from './resource-index';

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

/** The Results sheet's order: severity, then status (STATUS_ORDER), then rule id and resource id. */
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

/** Each status's rank in the Results sheet's order, by STATUS_INDEX: 1 + its place in STATUS_ORDER, NOT_APPLICABLE 0. */
const STATUS_RANKS: number[] = STATUSES.map((status) => STATUS_ORDER.indexOf(status) + 1);

/** Positions of results in the Results sheet's order (compareResults), from their keys: ranks, then counting passes. */
export function resultsOrder(keys: ResultKeys): Int32Array {
  const severities = keys.rules.map((rule) => SEVERITIES.indexOf(rule.severity) + 1);
  const ids = keys.ruleIdRanks();
  const statuses = STATUS_ORDER.length + 1;
  // Severity, then status, then rule id, as one rank: (severity × statuses + status) × rule ids + rule id.
  const ruleAndStatus = keys.byRuleAndStatus(
    (rule, status) => (severities[rule] * statuses + STATUS_RANKS[status]) * ids.size + ids.ranks[rule],
    (SEVERITIES.length + 1) * statuses * ids.size,
  );
  return sortedOrder(keys.size, [ruleAndStatus, keys.byResourceId()]);
}

/** Results in the Results sheet's order (compareResults), sorted many at once. */
export function sortResults(results: readonly Result[]): Result[] {
  return inOrder(results, resultsOrder(ResultKeys.of(results)));
}

const NO_LIMIT = new CellFitter(Infinity);
const AT = 0x40;

/**
 * A text cell: blank text is an empty cell; other text is fitted (cut when too long, wrapped when formula-like).
 * Text opening with an ASCII letter (above `@`) and within the limit is neither, which is most text: it is written
 * straight away, without the call.
 */
function cell(fit: CellFitter, value: string | undefined, row: number, col: number): WriteCell {
  if (!value) return null;
  const first = value.charCodeAt(0);
  // Only ASCII settles it at once: a full-width `＝` or an invisible prefix may still open a formula.
  return value.length <= fit.maxChars && first > AT && first < 0x80 ? value : fit.text(value, row, col);
}

/** Whether a text is written exactly as it is: blank, or neither too long nor formula-like. */
function isPlain(value: string | undefined, fit: CellFitter): boolean {
  return !value || (value.length <= fit.maxChars && !looksLikeFormula(value));
}

const UNKNOWN = 0;
const PLAIN = 1;
const FITTED = 2;

/**
 * Makes rows. A rule's and a resource's own text is the same on every row they are in, so it is checked once
 * each: rows whose rule and resource text is plain take it as it is, without reading the text again.
 */
class RowMaker {
  private lastRule: Rule | undefined;
  private ruleIsPlain = false;
  private readonly resourceState: Uint8Array;
  private readonly waiverTexts = new Map<Waiver, string>();

  constructor(
    private readonly fit: CellFitter,
    index: ResourceIndex,
  ) {
    this.resourceState = new Uint8Array(index.size);
  }

  private waiverText(waiver: Waiver): string {
    let text = this.waiverTexts.get(waiver);
    if (text === undefined) {
      text = waiverText(waiver);
      this.waiverTexts.set(waiver, text);
    }
    return text;
  }

  /** Whether a resource's text is plain; `id` is its id in the index. */
  private resourceIsPlain(resource: Resource | undefined, id: number): boolean {
    if (resource === undefined) return true;
    let state = id < this.resourceState.length ? this.resourceState[id] : FITTED;
    if (state === UNKNOWN) {
      const fit = this.fit;
      const plain =
        isPlain(resource.id, fit) &&
        isPlain(resource.type, fit) &&
        isPlain(resource.name, fit) &&
        isPlain(resource.businessUnit, fit);
      state = plain ? PLAIN : FITTED;
      this.resourceState[id] = state;
    }
    return state === PLAIN;
  }

  /**
   * The row of the j-th listed result, in RESULTS_HEADER order, made straight from its set's arrays: no result
   * object on the way (but for results the set was given made).
   */
  listedRow(listed: ListedResults, j: number, row: number, resourceId: number): WriteCell[] {
    const fit = this.fit;
    const set = listed.set;
    const r = listed.run[j];
    const run = set.runs[r];
    const i = listed.at[j];
    const k = listed.k[j];
    if (run.given !== undefined) {
      // Each property read once, as a property: a made result may work them out on demand.
      const result = set.at(r, i, k);
      const cells = this.row(result.rule, result.resource, result.status, result.fixOwner, row, resourceId);
      cells[9] = cell(fit, result.field, row, 9);
      cells[10] = cell(fit, result.expected, row, 10);
      cells[11] = cell(fit, result.actual, row, 11);
      cells[12] = cell(fit, result.message, row, 12);
      this.dated(cells, result.firstSeen, result.due, result.overdue, result.waiver, row);
      return cells;
    }
    const rule = run.rule;
    const resource = run.resources[i];
    const status = STATUS_OF[run.statuses[i]];
    // A listed passing result is routed (Settings asks for passing rows) and has nothing else to say.
    if (k < 0) return this.row(rule, resource, status, set.passingOwner?.(rule, resource), row, resourceId);
    const decision = run.decisions?.[k];
    const cells = this.row(rule, resource, status, decision?.fixOwner, row, resourceId);
    const outcome = run.outcome(k);
    const note = decision?.note;
    cells[9] = cell(fit, outcome.field, row, 9);
    cells[10] = cell(fit, outcome.expected, row, 10);
    cells[11] = cell(fit, outcome.actual, row, 11);
    cells[12] = cell(
      fit,
      note === undefined ? outcome.message : `${outcome.message ?? ''}; ${note}`,
      row,
      12,
    );
    const dates = set.dates?.[r]?.[k];
    if (dates !== undefined || decision?.waiver !== undefined)
      this.dated(cells, dates?.firstSeen, dates?.due, dates?.overdue, decision?.waiver, row);
    return cells;
  }

  /**
   * A row, in RESULTS_HEADER order, with the cells of the rule, the resource (whose id in the index is
   * `resourceId`), the status and the fix owner; the explanation, dates and waiver are left empty for the caller.
   */
  private row(
    rule: Rule,
    resource: Resource | undefined,
    status: Status,
    fixOwner: string | undefined,
    row: number,
    resourceId: number,
  ): WriteCell[] {
    const fit = this.fit;
    if (rule !== this.lastRule) {
      this.lastRule = rule;
      this.ruleIsPlain = isPlain(rule.id, fit) && isPlain(rule.title, fit) && isPlain(rule.remediation, fit);
    }
    const rulePlain = this.ruleIsPlain;
    const resourcePlain = this.resourceIsPlain(resource, resourceId);
    return [
      rulePlain ? rule.id || null : cell(fit, rule.id, row, 0),
      rulePlain ? rule.title || null : cell(fit, rule.title, row, 1),
      rule.severity,
      status,
      resourcePlain ? resource?.id || null : cell(fit, resource?.id, row, 4),
      resourcePlain ? resource?.type || null : cell(fit, resource?.type, row, 5),
      resourcePlain ? resource?.name || null : cell(fit, resource?.name, row, 6),
      resourcePlain ? resource?.businessUnit || null : cell(fit, resource?.businessUnit, row, 7),
      cell(fit, fixOwner, row, 8),
      null,
      null,
      null,
      null,
      rulePlain ? rule.remediation || null : cell(fit, rule.remediation, row, 13),
      null,
      null,
      false,
      null,
    ];
  }

  /** Fills a row's First Seen, Due, Overdue and Waiver cells. */
  private dated(
    cells: WriteCell[],
    firstSeen: Date | undefined,
    due: Date | undefined,
    overdue: boolean | undefined,
    waiver: Waiver | undefined,
    row: number,
  ): void {
    cells[14] = firstSeen ?? null;
    cells[15] = due ?? null;
    cells[16] = overdue === true;
    cells[17] = waiver ? cell(this.fit, this.waiverText(waiver), row, 17) : null;
  }
}

export interface ResultsSheetOptions {
  /**
   * The results to list (every FAIL, WAIVED and ERROR; PASS too when Settings asks), as places in the set, with
   * their keys, as a tally gathers them (`Tally.listed`, `Tally.listedKeys`): the set is not read again to choose
   * or sort them.
   */
  listed?: { results: ListedResults; keys: ResultKeys };
  /** Fits text to the host's cell limit as rows are made, so applyLimits need not look at them again. */
  fit?: CellFitter;
  /** List at most this many rows, the first in Results' order (HostLimits.maxListedRows). */
  maxRows?: number;
}

/** The Results sheet: its rows made once each, in their final order. */
export function resultsSheet(
  results: ResultSet | readonly Result[],
  settings: Settings,
  options: ResultsSheetOptions = {},
): SheetPatch {
  const { results: listed, keys } =
    options.listed ?? listedOf(results instanceof ResultSet ? results : ResultSet.of(results), settings);
  const order = resultsOrder(keys);
  const maker = new RowMaker(options.fit ?? NO_LIMIT, keys.index);
  // Results' order puts the most severe first, so a host that lists fewer rows keeps the ones that matter most.
  const shown = Math.min(order.length, options.maxRows ?? Infinity);
  const rows: WriteCell[][] = new Array<WriteCell[]>(shown + 1);
  rows[0] = [...RESULTS_HEADER];
  for (let i = 0; i < shown; i++) {
    const at = order[i];
    rows[i + 1] = maker.listedRow(listed, at, i + 1, keys.resource[at]);
  }
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
      autoFilter: true,
      wrapCols: wrapColsOf(RESULTS_HEADER),
      print: TABLE_PRINT,
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

/** The results a set's Results sheet lists, and their keys, when no tally gathered them. */
function listedOf(set: ResultSet, settings: Settings): { results: ListedResults; keys: ResultKeys } {
  const listed = new ListedResults(set);
  const keys = new ResultKeys(new ResourceIndex());
  const positions = new Map<Rule, number>();
  set.runs.forEach((run, r) => {
    let position = positions.get(run.rule);
    if (position === undefined) {
      positions.set(run.rule, (position = keys.rules.length));
      keys.rules.push(run.rule);
    }
    let k = 0;
    for (let i = 0; i < run.statuses.length; i++) {
      const code = run.statuses[i];
      const open = code !== CODE.PASS && code !== CODE.NOT_APPLICABLE;
      if (open || (code === CODE.PASS && settings.includePassing)) {
        listed.add(r, i, open ? k : -1);
        keys.add(position, keys.index.id(run.resources[i]), STATUS_INDEX[STATUS_OF[code]]);
      }
      if (open) k++;
    }
  });
  return { results: listed, keys };
}
