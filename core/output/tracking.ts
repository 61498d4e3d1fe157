// Tracking across runs: First Seen carried over from the previous Results, Due, Overdue, New Failures and Fixed.
import type { Result, TrackedDates } from '../engine/result';
import { localDate } from '../engine/waivers';
import type { PreviousResult, Resource, Rule, Rulebook } from '../rulebook/model';
import { SEVERITIES, type Severity, type Status } from '../types';
import { ResourceIndex } from './resource-index';

const DAY_MS = 86_400_000;

/** Statuses that keep a finding open: its age carries over while it stays in one of them. */
const OPEN: ReadonlySet<string> = new Set<Status>(['FAIL', 'WAIVED', 'ERROR']);

export function isOpen(status: string): boolean {
  return OPEN.has(status);
}

/** What tracking an open result found: nothing to report, or a new failure (a fixed one is `wasFailing`'s). */
export const NO_CHANGE = 0;
export const NEW_FAILURE = 1;
export type Change = typeof NO_CHANGE | typeof NEW_FAILURE;

/** What tracking gives an open result: its dates, and whether it is a new failure. */
export interface Tracked extends TrackedDates {
  readonly change: Change;
}

const SEPARATOR = '\u0000';
const norm = (part: string) => part.trim().toLowerCase();

/** Rule ID + resource type + resource id, case-insensitive; a broken rule's result has blank resource parts. */
export function trackingKey(ruleId: string, resourceType: string, resourceId: string): string {
  // A separator that cannot appear in a cell keeps `a|b` + `c` apart from `a` + `b|c`.
  return [ruleId, resourceType, resourceId].map(norm).join(SEPARATOR);
}

export function resultKey(result: Result): string {
  return trackingKey(result.rule.id, result.resource?.type ?? '', result.resource?.id ?? '');
}

/** The resource part of a tracking key (type + id), the part a rule's previous rows are looked up by. */
function resourcePart(resourceType: string, resourceId: string): string {
  return norm(resourceType) + SEPARATOR + norm(resourceId);
}

/** The calendar date of `now` in a time zone, as a Date at UTC midnight of that date: how a sheet holds a plain date. */
export function runDate(now: Date, timeZone: string): Date {
  return new Date(`${localDate(now, timeZone)}T00:00:00.000Z`);
}

/** A plain date stays; a moment (First Seen written by an older version) becomes its calendar date in the time zone. */
function asDate(d: Date, timeZone: string): Date {
  return d.getTime() % DAY_MS === 0 ? d : runDate(d, timeZone);
}

/**
 * A rule's rows in the previous Results, by resource: each distinct resource part (type + id, normalised) of the
 * previous Results is numbered once, so finding a result's row takes a number, not a string built per result.
 */
export interface RuleHistory {
  rows: Map<number, PreviousResult>;
  /** The resources that were failing the rule, to find the fixed ones. */
  failing?: Set<number>;
}

/** No row of the previous Results is about this resource. */
const NONE = -1;

/**
 * Tracks results one at a time against the previous Results: gives an open result its First Seen, Due and Overdue
 * and tells whether it is a new failure, or whether a passing one is fixed; the results themselves are only read.
 * First Seen is a date: the run's calendar date in the rulebook's time zone for a new finding, else the date carried
 * over; Due is First Seen + the severity's SLA days; Overdue is a FAIL whose Due is before the run's date. Rule ids and resource parts are normalised once each
 * (rules by identity, resources by their id in `index`); a passing result is looked up only when its rule had
 * failures, and then by two numbers.
 */
export class Tracker {
  /** The run's calendar date in the rulebook's time zone. */
  readonly today: Date;
  /** The resources numbered; a tally that tracks numbers them with this same index. */
  readonly index: ResourceIndex;
  private readonly todayMs: number;
  private readonly timeZone: string;
  private readonly slaDays: Record<Severity, number>;
  private readonly byRuleId = new Map<string, RuleHistory>();
  private readonly ruleMemo = new Map<Rule, RuleHistory | undefined>();
  private lastRule: Rule | undefined;
  private lastHistory: RuleHistory | undefined;
  /** Resource part (normalised type + id) → its number, for the parts the previous Results hold. */
  private readonly partNumbers = new Map<string, number>();
  /** Resource id (in `index`) → its part's number, or NONE; worked out when first asked. */
  private readonly partOfId: number[] = [];
  /** Due for a First Seen (by its time), one Date a severity, shared by every result with that First Seen. */
  private readonly dues = new Map<number, (Date | undefined)[]>();
  private lastDueTime = NaN;
  private lastDues: (Date | undefined)[] | undefined;
  /** What open() gives, by First Seen's time, then by severity, overdue and change. */
  private readonly records = new Map<number, Tracked[]>();
  /** Carried First Seen values as dates, by the carried value's time. */
  private readonly carriedDates = new Map<number, Date>();
  private lastCarriedTime = NaN;
  private lastCarried: Date | undefined;

  constructor(rulebook: Rulebook, now: Date, index = new ResourceIndex(rulebook.resources)) {
    this.index = index;
    this.timeZone = rulebook.settings.timeZone;
    this.today = runDate(now, this.timeZone);
    this.todayMs = this.today.getTime();
    this.slaDays = rulebook.settings.slaDays;
    this.readPrevious(rulebook.previousResults);
  }

  /**
   * Indexes the previous Results by rule and resource part. Rows come rule by rule and type by type, so the last
   * rule, type and status are kept and compared first; a resource's part is normalised once for each way it is
   * spelled, not once a row: the previous Results can hold hundreds of thousands of rows.
   */
  private readPrevious(rows: readonly PreviousResult[]): void {
    let ruleIdAsRead: string | undefined;
    let history: RuleHistory | undefined;
    let typeAsRead: string | undefined;
    let partsOfType: Map<string, number> | undefined;
    let statusAsRead: string | undefined;
    let status = '';
    const partsByType = new Map<string, Map<string, number>>();
    for (const row of rows) {
      if (history === undefined || row.ruleId !== ruleIdAsRead) {
        ruleIdAsRead = row.ruleId;
        const ruleId = norm(row.ruleId);
        history = this.byRuleId.get(ruleId);
        if (!history) this.byRuleId.set(ruleId, (history = { rows: new Map() }));
      }
      if (partsOfType === undefined || row.resourceType !== typeAsRead) {
        typeAsRead = row.resourceType;
        partsOfType = partsByType.get(typeAsRead);
        if (!partsOfType) partsByType.set(typeAsRead, (partsOfType = new Map()));
      }
      let part = partsOfType.get(row.resourceId);
      if (part === undefined) {
        const text = resourcePart(row.resourceType, row.resourceId);
        part = this.partNumbers.get(text);
        if (part === undefined) this.partNumbers.set(text, (part = this.partNumbers.size));
        partsOfType.set(row.resourceId, part);
      }
      // The first row wins, as the reader does for duplicate resources.
      if (history.rows.has(part)) continue;
      if (row.status !== statusAsRead) {
        statusAsRead = row.status;
        status = row.status.trim().toUpperCase();
      }
      history.rows.set(part, row.status === status ? row : { ...row, status });
      if (status === 'FAIL') (history.failing ??= new Set()).add(part);
    }
  }

  /** The number of a resource's part among the previous Results' (NONE when they have no row about it). */
  private partOf(resource: Resource | undefined, id: number): number {
    let part = this.partOfId[id];
    if (part === undefined) {
      part =
        this.partNumbers.size === 0
          ? NONE
          : (this.partNumbers.get(resourcePart(resource?.type ?? '', resource?.id ?? '')) ?? NONE);
      this.partOfId[id] = part;
    }
    return part;
  }

  private dueFor(firstSeen: Date, severity: Severity): Date | undefined {
    const time = firstSeen.getTime();
    let dues = time === this.lastDueTime ? this.lastDues : this.dues.get(time);
    if (!dues) {
      dues = SEVERITIES.map((s) => {
        const days = this.slaDays[s];
        // A severity without an SLA (a Settings row left blank) has no due date, so it is never overdue.
        return Number.isFinite(days) ? new Date(time + days * DAY_MS) : undefined;
      });
      this.dues.set(time, dues);
    }
    this.lastDueTime = time;
    this.lastDues = dues;
    return dues[SEVERITIES.indexOf(severity)];
  }

  /** A carried First Seen as a date, unless it is unusable or after today (then the clock starts today). */
  private carried(firstSeen: Date | undefined): Date {
    if (!firstSeen) return this.today;
    const time = firstSeen.getTime();
    if (Number.isNaN(time)) return this.today;
    if (time === this.lastCarriedTime) return this.lastCarried as Date;
    let date = this.carriedDates.get(time);
    if (!date) {
      date = asDate(firstSeen, this.timeZone);
      if (date.getTime() > this.todayMs) date = this.today;
      this.carriedDates.set(time, date);
    }
    this.lastCarriedTime = time;
    this.lastCarried = date;
    return date;
  }

  /** A rule's rows in the previous Results, undefined when it had none: look it up once a rule, not once a result. */
  historyOf(rule: Rule): RuleHistory | undefined {
    if (rule === this.lastRule) return this.lastHistory;
    let history = this.ruleMemo.get(rule);
    if (history === undefined && !this.ruleMemo.has(rule)) {
      history = this.byRuleId.get(norm(rule.id));
      this.ruleMemo.set(rule, history);
    }
    this.lastRule = rule;
    this.lastHistory = history;
    return history;
  }

  /** Whether a resource (`id` in the index) was failing the rule whose history this is, in the previous Results. */
  wasFailing(resource: Resource | undefined, id: number, history: RuleHistory | undefined): boolean {
    const failing = history?.failing;
    if (failing === undefined) return false;
    const part = this.partOf(resource, id);
    return part !== NONE && failing.has(part);
  }

  /**
   * First Seen, Due and Overdue of an open result (FAIL, WAIVED, ERROR) of a rule with this history (the resource
   * has `id` in the index; a broken rule's result has none), and whether it
   * is a new failure. The records are read-only and shared: there are few distinct ones, and hundreds of thousands
   * of open results.
   */
  open(
    rule: Rule,
    resource: Resource | undefined,
    status: Status,
    history: RuleHistory | undefined,
    id: number,
  ): Tracked {
    const before = history === undefined ? undefined : history.rows.get(this.partOf(resource, id));
    const firstSeen = before && isOpen(before.status) ? this.carried(before.firstSeen) : this.today;
    const severity = rule.severity;
    const due = this.dueFor(firstSeen, severity);
    const overdue = status === 'FAIL' && due !== undefined && this.todayMs > due.getTime();
    const change = status === 'FAIL' && before?.status !== 'FAIL' ? NEW_FAILURE : NO_CHANGE;
    let records = this.records.get(firstSeen.getTime());
    if (!records) this.records.set(firstSeen.getTime(), (records = []));
    const slot = (SEVERITIES.indexOf(severity) * 2 + (overdue ? 1 : 0)) * 2 + change;
    return (records[slot] ??= { firstSeen, due, overdue, change });
  }
}
