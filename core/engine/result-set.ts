// A run's results kept columnar: a status byte per (rule, resource) pair; a result object is made only when read.
import type { Resource, Rule } from '../rulebook/model';
import type { Status } from '../types';
import { CODE, STATUS_OF } from './codes';
import { Finding, withDates, type Decision, type Outcome, type Result, type TrackedDates } from './result';
import type { FixOwnerOf } from './route';

/**
 * One rule's results over one group of resources, as evaluation, routing and waivers left them. Read-only: the
 * arrays may be shared with evaluation (and column checks share theirs among rules).
 */
export interface ResultRun {
  readonly rule: Rule;
  /** The resources, in order; `undefined` for a broken rule's ERROR, which has none. */
  readonly resources: readonly (Resource | undefined)[];
  /** A status code per resource (codes.ts), WAIVED included. */
  readonly statuses: Uint8Array;
  /** Positions in `resources` of the open results (FAIL, WAIVED, ERROR), in order: the k of `outcome(k)`. */
  readonly positions: Int32Array;
  /** Why the k-th open result did not pass. */
  outcome(k: number): Outcome;
  /** What routing and waivers decided for the k-th open result; none when the run was not decided. */
  readonly decisions?: readonly Decision[];
  /** Why a rule of the resource's type did not judge it (NOT_APPLICABLE's message). */
  notApplicableWhy(resource: Resource): string;
  /** Results made already (`ResultSet.of`): each is given back as it was, dated when tracked. */
  readonly given?: readonly Result[];
}

/** How many results of each status. */
export interface ResultCounts {
  passing: number;
  failing: number;
  waived: number;
  errors: number;
  notApplicable: number;
}

/** Per run, the dates tracking gave each open result (by k); undefined for a run (or result) not tracked. */
export type RunDates = readonly (readonly (TrackedDates | undefined)[] | undefined)[];

function emptyCounts(): ResultCounts {
  return { passing: 0, failing: 0, waived: 0, errors: 0, notApplicable: 0 };
}

function count(counts: ResultCounts, code: number, n = 1): void {
  if (code === CODE.PASS) counts.passing += n;
  else if (code === CODE.FAIL) counts.failing += n;
  else if (code === CODE.WAIVED) counts.waived += n;
  else if (code === CODE.ERROR) counts.errors += n;
  else counts.notApplicable += n;
}

/** A run's results read in its order; `n` statuses counted by code. */
function codeCounts(statuses: Uint8Array): Int32Array {
  const byCode = new Int32Array(STATUS_OF.length);
  for (let i = 0; i < statuses.length; i++) byCode[statuses[i]]++;
  return byCode;
}

/**
 * Every (rule, resource) pair whose Resource Type matches, NOT_APPLICABLE included, in rule then resource order.
 * Statuses stay in the runs' arrays; iterating makes each result as it is reached (PASS and NOT_APPLICABLE ones
 * only for that moment), and `open()` reaches the FAIL, WAIVED and ERROR ones without walking the passing ones.
 */
export class ResultSet implements Iterable<Result> {
  /** How many results: every pair, NOT_APPLICABLE included. */
  readonly length: number;
  private countsMemo: ResultCounts | undefined;
  private rulesMemo: Map<Rule, ResultCounts> | undefined;

  constructor(
    readonly runs: readonly ResultRun[],
    /** With Settings' Include Passing, passing results are routed too: who would fix each. */
    readonly passingOwner?: FixOwnerOf,
    /** The dates tracking gave the open results, run by run. */
    readonly dates?: RunDates,
  ) {
    let n = 0;
    for (const run of runs) n += run.resources.length;
    this.length = n;
  }

  /** The same results with the dates tracking gave their open ones. */
  tracked(dates: RunDates): ResultSet {
    return new ResultSet(this.runs, this.passingOwner, dates);
  }

  /** Results of each status. */
  get counts(): ResultCounts {
    if (this.countsMemo === undefined) {
      const counts = emptyCounts();
      for (const run of this.runs) {
        const byCode = codeCounts(run.statuses);
        for (let code = 0; code < byCode.length; code++) count(counts, code, byCode[code]);
      }
      this.countsMemo = counts;
    }
    return { ...this.countsMemo };
  }

  /** Each rule's counts, rules in the order they first appear among the results. */
  byRule(): Map<Rule, ResultCounts> {
    if (this.rulesMemo === undefined) {
      const rules = new Map<Rule, ResultCounts>();
      for (const run of this.runs) {
        let counts = rules.get(run.rule);
        if (!counts) rules.set(run.rule, (counts = emptyCounts()));
        const byCode = codeCounts(run.statuses);
        for (let code = 0; code < byCode.length; code++) count(counts, code, byCode[code]);
      }
      this.rulesMemo = rules;
    }
    return this.rulesMemo;
  }

  /** The result at position `i` of run `r`; `k` is its place among the run's open results (-1 when it is not one). */
  at(r: number, i: number, k: number): Result {
    const run = this.runs[r];
    const dates = k < 0 ? undefined : this.dates?.[r]?.[k];
    if (run.given !== undefined) {
      const given = run.given[i];
      return dates === undefined ? given : withDates(given, dates);
    }
    const rule = run.rule;
    const resource = run.resources[i];
    const code = run.statuses[i];
    if (code === CODE.PASS) {
      const owner = this.passingOwner;
      return owner
        ? { rule, resource, status: 'PASS', fixOwner: owner(rule, resource) }
        : { rule, resource, status: 'PASS' };
    }
    if (code === CODE.NOT_APPLICABLE) {
      return {
        rule,
        resource,
        status: 'NOT_APPLICABLE',
        message: run.notApplicableWhy(resource as Resource),
      };
    }
    return new Finding(rule, resource, STATUS_OF[code], run.outcome(k), run.decisions?.[k], dates);
  }

  /** Every result, in rule then resource order. */
  [Symbol.iterator](): Iterator<Result> {
    return this.inRuns(this.runs.keys());
  }

  /** Every result of the runs given (by index), in that order. */
  *inRuns(runs: Iterable<number>): Generator<Result> {
    for (const r of runs) {
      const statuses = this.runs[r].statuses;
      let k = 0;
      for (let i = 0; i < statuses.length; i++) {
        const code = statuses[i];
        const open = code !== CODE.PASS && code !== CODE.NOT_APPLICABLE;
        yield this.at(r, i, open ? k++ : -1);
      }
    }
  }

  /**
   * The FAIL, WAIVED and ERROR results, in rule then resource order: the ones someone must act on or has waived.
   * With `keep`, only those of the runs it keeps.
   */
  *open(keep?: (run: ResultRun) => boolean): Generator<Result> {
    const runs = this.runs;
    for (let r = 0; r < runs.length; r++) {
      const positions = runs[r].positions;
      if (positions.length === 0 || (keep !== undefined && !keep(runs[r]))) continue;
      for (let k = 0; k < positions.length; k++) yield this.at(r, positions[k], k);
    }
  }

  /** Each rule's runs (by index, in order), rules in the order they first appear among the results. */
  runsByRule(): Map<Rule, number[]> {
    const byRule = new Map<Rule, number[]>();
    this.runs.forEach((run, r) => {
      const runs = byRule.get(run.rule);
      if (runs) runs.push(r);
      else byRule.set(run.rule, [r]);
    });
    return byRule;
  }

  /** Every result as an array (tests, small runs): a large run is better walked. */
  toArray(): Result[] {
    return [...this];
  }

  /**
   * Results already made, as a set: consecutive results of one rule are one run, and each is given back as it
   * was (with new dates when tracked).
   */
  static of(results: readonly Result[], passingOwner?: FixOwnerOf): ResultSet {
    const runs: ResultRun[] = [];
    let start = 0;
    for (let i = 1; i <= results.length; i++) {
      if (i === results.length || results[i].rule !== results[start].rule) {
        runs.push(givenRun(results.slice(start, i)));
        start = i;
      }
    }
    return new ResultSet(runs, passingOwner);
  }
}

const CODE_OF: Readonly<Record<Status, number>> = {
  PASS: CODE.PASS,
  FAIL: CODE.FAIL,
  WAIVED: CODE.WAIVED,
  ERROR: CODE.ERROR,
  NOT_APPLICABLE: CODE.NOT_APPLICABLE,
};

/** A run of results already made, all of one rule. */
function givenRun(given: Result[]): ResultRun {
  const statuses = Uint8Array.from(given, (r) => CODE_OF[r.status]);
  const positions: number[] = [];
  const decisions: Decision[] = [];
  for (let i = 0; i < given.length; i++) {
    const code = statuses[i];
    if (code === CODE.PASS || code === CODE.NOT_APPLICABLE) continue;
    positions.push(i);
    decisions.push({ fixOwner: given[i].fixOwner, waiver: given[i].waiver });
  }
  const at = Int32Array.from(positions);
  return {
    rule: given[0].rule,
    resources: given.map((r) => r.resource),
    statuses,
    positions: at,
    // A result explains itself as an outcome would; its status is the set's, not this one.
    outcome: (k) => given[at[k]] as Outcome,
    decisions,
    notApplicableWhy: (resource) => given.find((r) => r.resource === resource)?.message ?? '',
    given,
  };
}
