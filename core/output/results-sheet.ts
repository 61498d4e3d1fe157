// The Results sheet: one row per result someone must look at, worst first, with First Seen, Due and the waiver.
import { CODE, STATUS_OF } from '../engine/codes';
import type { Decision, Result, TrackedDates } from '../engine/result';
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

export function isWrittenToResults(result: Result, settings: Settings): boolean {
  if (result.status === 'PASS') return settings.includePassing;
  return result.status !== 'NOT_APPLICABLE';
}

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
    const set = listed.set;
    const r = listed.run[j];
    const run = set.runs[r];
    const i = listed.at[j];
    const k = listed.k[j];
    if (run.given !== undefined) {
      const result = set.at(r, i, k);
      const { rule, resource, status, fixOwner, waiver } = result;
      return this.row(rule, resource, status, fixOwner, result, waiver, result, row, resourceId);
    }
    const rule = run.rule;
    const resource = run.resources[i];
    const code = run.statuses[i];
    if (k < 0) {
      // A listed passing result: routed when Settings asks for passing rows, nothing else to say.
      const owner = code === CODE.PASS ? set.passingOwner?.(rule, resource) : undefined;
      return this.row(rule, resource, STATUS_OF[code], owner, NOTHING, undefined, undefined, row, resourceId);
    }
    const outcome = run.outcome(k);
    const decision: Decision = run.decisions?.[k] ?? NOTHING;
    const note = decision.note;
    const words = {
      field: outcome.field ?? '',
      expected: outcome.expected ?? '',
      actual: outcome.actual ?? '',
      message: (outcome.message ?? '') + (note === undefined ? '' : `; ${note}`),
    };
    const dates = set.dates?.[r]?.[k];
    return this.row(
      rule,
      resource,
      STATUS_OF[code],
      decision.fixOwner,
      words,
      decision.waiver,
      dates,
      row,
      resourceId,
    );
  }

  /** One row, in RESULTS_HEADER order, for a result whose resource has this id in the index. */
  row(
    rule: Rule,
    resource: Resource | undefined,
    status: Status,
    fixOwner: string | undefined,
    words: Words,
    waiver: Waiver | undefined,
    dates: Partial<TrackedDates> | undefined,
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
      cell(fit, words.field, row, 9),
      cell(fit, words.expected, row, 10),
      cell(fit, words.actual, row, 11),
      cell(fit, words.message, row, 12),
      rulePlain ? rule.remediation || null : cell(fit, rule.remediation, row, 13),
      dates?.firstSeen ?? null,
      dates?.due ?? null,
      dates?.overdue === true,
      waiver ? cell(fit, this.waiverText(waiver), row, 17) : null,
    ];
  }
}

/** A result's own words, each read once: a made result may work them out on demand. */
interface Words {
  readonly field?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly message?: string;
}

const NOTHING: Words & Decision = Object.freeze({});

export interface ResultsSheetOptions {
  /**
   * The results to list (isWrittenToResults), as places in the set, with their keys, as a tally gathers them
   * (`Tally.listed`, `Tally.listedKeys`): the set is not read again to choose or sort them.
   */
  listed?: { results: ListedResults; keys: ResultKeys };
  /** Fits text to the host's cell limit as rows are made, so applyLimits need not look at them again. */
  fit?: CellFitter;
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
  const rows: WriteCell[][] = new Array<WriteCell[]>(order.length + 1);
  rows[0] = [...RESULTS_HEADER];
  for (let i = 0; i < order.length; i++) {
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
