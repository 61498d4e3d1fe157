// One pass over the results for every figure of a run: totals, by rule, business unit and fix owner, overdue, listed.
import { CODE, STATUS_OF } from '../engine/codes';
import type { Result, TrackedDates } from '../engine/result';
import { ResultSet } from '../engine/result-set';
import type { Resource, Rule, Rulebook } from '../rulebook/model';
import { ListedResults } from './listed';
import { ResultKeys, STATUS_INDEX } from './order';
import { ResourceIndex } from './resource-index';
import { NEW_FAILURE, type RuleHistory, type Tracker } from './tracking';

/** The Business Unit name used for resources (and broken rules) with none. */
export const NO_BUSINESS_UNIT = '(none)';
export const UNASSIGNED = 'Unassigned';

export interface StatusCounts {
  passing: number;
  failing: number;
  waived: number;
  errors: number;
  notApplicable: number;
}

export interface RuleTally extends StatusCounts {
  rule: Rule;
  /** Its place among the tally's rules (and `listedKeys.rules`). */
  position: number;
  /** Its rows in the previous Results, when tracking. */
  history: RuleHistory | undefined;
}

export interface UnitTally extends StatusCounts {
  /** Trimmed and lower-cased: units differing only in case are one. Blank is NO_BUSINESS_UNIT's key. */
  key: string;
  /** As the rulebook's resources first spell it (Run History); NO_BUSINESS_UNIT for blank. */
  name: string;
  /** As the results first spell it (Summary); undefined while no result is in the unit. */
  seenAs: string | undefined;
  /** The rulebook's resources in the unit. */
  resources: number;
  newFailures: number;
  fixed: number;
}

/** Only results someone must act on have a fix owner, so there is no passing count. */
export interface OwnerTally {
  name: string;
  failing: number;
  waived: number;
  errors: number;
  overdue: number;
}

export interface Tally {
  all: StatusCounts;
  /** By rule, in the order rules first appear among the results. */
  rules: Map<Rule, RuleTally>;
  /** By resource; `units.byKey` has them all, resources' units first (in resource order), then any only the results have. */
  units: Units;
  /** By lower-cased name. */
  owners: Map<string, OwnerTally>;
  /** FAIL results past their Due, in engine order. */
  overdue: Result[];
  /**
   * What the Results sheet lists, as places in `results`: every non-passing result, and passing ones when Settings
   * asks, in engine order.
   */
  listed: ListedResults;
  /** Every result in engine order, the open ones with the dates tracking gave them (the results given, untracked). */
  results: ResultSet;
  /** The sort keys of `listed`, gathered on the way. */
  listedKeys: ResultKeys;
  newFailures: number;
  fixed: number;
}

export function emptyStatusCounts(): StatusCounts {
  return { passing: 0, failing: 0, waived: 0, errors: 0, notApplicable: 0 };
}

const unitKeyOf = (name: string) => (name === '' ? NO_BUSINESS_UNIT : name).toLowerCase();

/** Resources → their business unit's counters, each resource's unit worked out once. */
export class Units {
  readonly byKey = new Map<string, UnitTally>();
  private readonly byRawName = new Map<string, UnitTally>();
  /** Units by resource id. */
  private readonly unitOf: UnitTally[] = [];

  /** Counts the rulebook's resources into their units. */
  constructor(
    readonly index: ResourceIndex,
    resources: readonly Resource[],
  ) {
    for (const resource of resources) this.of(resource).resources++;
  }

  private named(raw: string): UnitTally {
    let unit = this.byRawName.get(raw);
    if (unit) return unit;
    const name = raw.trim();
    const key = unitKeyOf(name);
    unit = this.byKey.get(key);
    if (!unit) {
      unit = {
        key,
        name: name || NO_BUSINESS_UNIT,
        seenAs: undefined,
        resources: 0,
        newFailures: 0,
        fixed: 0,
        ...emptyStatusCounts(),
      };
      this.byKey.set(key, unit);
    }
    this.byRawName.set(raw, unit);
    return unit;
  }

  /** The unit of a result's resource; a broken rule's result, with no resource, is in NO_BUSINESS_UNIT. */
  of(resource: Resource | undefined): UnitTally {
    return this.ofId(this.index.id(resource), resource);
  }

  /** The unit of a resource whose id in the index is known. */
  ofId(id: number, resource: Resource | undefined): UnitTally {
    return this.unitOf[id] ?? (this.unitOf[id] = this.named(resource?.businessUnit ?? ''));
  }
}

/** How the results spell a unit (Summary keeps the first spelling it meets). */
function seenAs(resource: Resource | undefined): string {
  return resource?.businessUnit.trim() || NO_BUSINESS_UNIT;
}

export interface TallyOptions {
  /**
   * Tracks each result on the way (New Failures, Fixed, and First Seen, Due and Overdue on new copies of the open
   * results); without it, results are read as they are.
   */
  tracker?: Tracker;
  /** Whether passing results are listed (Settings' Include Passing). */
  includePassing?: boolean;
}

/**
 * Counts every result once, run by run from the status arrays: no result object is made but for the overdue ones.
 * Rules and resources are the keys (by identity), each run's rule and each group's resources looked up once;
 * strings are looked at only once a rule, resource or fix owner.
 */
export function tally(
  rulebook: Rulebook,
  given: ResultSet | readonly Result[],
  options: TallyOptions = {},
): Tally {
  const { tracker, includePassing = false } = options;
  const set = given instanceof ResultSet ? given : ResultSet.of(given);
  const all = emptyStatusCounts();
  const rules = new Map<Rule, RuleTally>();
  // A tracker numbers resources already: the tally numbers them the same way.
  const index = tracker?.index ?? new ResourceIndex(rulebook.resources);
  const units = new Units(index, rulebook.resources);
  const keys = new ResultKeys(index);
  const owners = new Map<string, OwnerTally>();
  const ownerByRaw = new Map<string | undefined, OwnerTally>();
  // With a tracker, the open results get dates in a new set; the set given is left as it is.
  const runs = set.runs;
  const dates: (TrackedDates | undefined)[][] | undefined =
    tracker && runs.map((run) => new Array(run.positions.length));
  const results = dates ? set.tracked(dates) : set;
  const listed = new ListedResults(results);
  const overdue: Result[] = [];
  // Groups' resources are shared by every rule of their type: each group is numbered once.
  const idsOf = new Map<readonly (Resource | undefined)[], Int32Array>();
  let newFailures = 0;
  let fixed = 0;

  let lastOwnerName: string | undefined;
  let lastOwner: OwnerTally | undefined;
  const ownerOf = (raw: string | undefined): OwnerTally => {
    if (raw === lastOwnerName && lastOwner !== undefined) return lastOwner;
    let owner = ownerByRaw.get(raw);
    if (!owner) owner = newOwner(raw);
    lastOwnerName = raw;
    lastOwner = owner;
    return owner;
  };
  const newOwner = (raw: string | undefined): OwnerTally => {
    const name = raw?.trim() || UNASSIGNED;
    const key = name.toLowerCase();
    let owner = owners.get(key);
    if (!owner) {
      owner = { name, failing: 0, waived: 0, errors: 0, overdue: 0 };
      owners.set(key, owner);
    }
    ownerByRaw.set(raw, owner);
    return owner;
  };

  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    const rule = run.rule;
    let ruleCounts = rules.get(rule);
    if (!ruleCounts) {
      ruleCounts = { rule, position: rules.size, history: tracker?.historyOf(rule), ...emptyStatusCounts() };
      rules.set(rule, ruleCounts);
      keys.rules.push(rule);
    }
    const position = ruleCounts.position;
    const history = ruleCounts.history;
    const resources = run.resources;
    const statuses = run.statuses;
    let ids = idsOf.get(resources);
    if (ids === undefined) {
      ids = new Int32Array(resources.length);
      for (let i = 0; i < resources.length; i++) ids[i] = index.id(resources[i]);
      idsOf.set(resources, ids);
    }
    const runDates = dates?.[r];
    const untracked = dates === undefined ? set.dates?.[r] : undefined;
    let k = 0;
    for (let i = 0; i < statuses.length; i++) {
      const code = statuses[i];
      const resource = resources[i];
      const id = ids[i];
      const unit = units.ofId(id, resource);
      if (unit.seenAs === undefined) unit.seenAs = seenAs(resource);
      if (code === CODE.PASS) {
        all.passing++;
        ruleCounts.passing++;
        unit.passing++;
        if (tracker !== undefined && history !== undefined && tracker.wasFailing(resource, id, history)) {
          fixed++;
          unit.fixed++;
        }
        if (includePassing) {
          listed.add(r, i, -1);
          keys.add(position, id, STATUS_INDEX.PASS);
        }
        continue;
      }
      if (code === CODE.NOT_APPLICABLE) {
        all.notApplicable++;
        ruleCounts.notApplicable++;
        unit.notApplicable++;
        continue;
      }
      const at = k++;
      let newFailure = false;
      let isOverdue: boolean;
      if (tracker !== undefined) {
        const t = tracker.open(rule, resource, STATUS_OF[code], history, id);
        newFailure = t.change === NEW_FAILURE;
        (runDates as (TrackedDates | undefined)[])[at] = t;
        isOverdue = t.overdue;
      } else {
        isOverdue = (run.given ? run.given[i].overdue : untracked?.[at]?.overdue) === true;
      }
      listed.add(r, i, at);
      const owner = ownerOf(run.decisions?.[at]?.fixOwner);
      if (code === CODE.FAIL) {
        keys.add(position, id, STATUS_INDEX.FAIL);
        all.failing++;
        ruleCounts.failing++;
        unit.failing++;
        owner.failing++;
        if (newFailure) {
          newFailures++;
          unit.newFailures++;
        }
        if (isOverdue) {
          overdue.push(results.at(r, i, at));
          owner.overdue++;
        }
      } else if (code === CODE.WAIVED) {
        keys.add(position, id, STATUS_INDEX.WAIVED);
        all.waived++;
        ruleCounts.waived++;
        unit.waived++;
        owner.waived++;
      } else {
        keys.add(position, id, STATUS_INDEX.ERROR);
        all.errors++;
        ruleCounts.errors++;
        unit.errors++;
        owner.errors++;
      }
    }
  }
  return { all, rules, units, owners, overdue, listed, results, listedKeys: keys, newFailures, fixed };
}
