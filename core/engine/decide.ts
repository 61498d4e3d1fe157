// Routing and waivers over an evaluation: who must fix each finding, and which failures a waiver turns to WAIVED.
import type { Resource, Rule, Waiver } from '../rulebook/model';
import { CODE } from './codes';
import type { Evaluation, RuleRun } from './evaluate';
import type { Decision } from './result';
import type { FixOwnerOf } from './route';
import type { WaiverMatch } from './waivers';

/** What routing and waivers decided for one run; the run itself is left as evaluation made it. */
export interface RunDecisions {
  /**
   * A status code per resource: the run's codes with WAIVED where a waiver holds. It is the run's own array
   * (read-only) when no waiver holds, so most runs cost nothing here.
   */
  readonly statuses: Uint8Array;
  /** One decision per non-passing check, in the run's order (k as in `run.outcome(k)`). */
  readonly decisions: readonly Decision[];
}

export type WaiverOf = (rule: Rule, resource: Resource) => WaiverMatch;

/** Decisions for every run of an evaluation, in the same order as `evaluation.runs`. */
export function decide(evaluation: Evaluation, fixOwnerOf: FixOwnerOf, waiverOf: WaiverOf): RunDecisions[] {
  // Most decisions are a fix owner alone: one object an owner, shared (decisions are read-only).
  const routed = new Map<string, Decision>();
  const routedTo = (fixOwner: string): Decision => {
    let d = routed.get(fixOwner);
    if (!d) routed.set(fixOwner, (d = { fixOwner }));
    return d;
  };
  return evaluation.runs.map((run) => decideRun(run, fixOwnerOf, waiverOf, routedTo));
}

function decideRun(
  run: RuleRun,
  fixOwnerOf: FixOwnerOf,
  waiverOf: WaiverOf,
  routedTo: (fixOwner: string) => Decision,
): RunDecisions {
  const rule = run.compiled.rule;
  const n = run.positions.length;
  const decisions = new Array<Decision>(n);
  let statuses = run.codes;
  for (let k = 0; k < n; k++) {
    const position = run.positions[k];
    const resource: Resource | undefined = run.resources[position];
    const fixOwner = fixOwnerOf(rule, resource);
    // A broken rule's one ERROR has no resource; only a FAIL can be waived.
    const match = resource !== undefined && run.codes[position] === CODE.FAIL ? waiverOf(rule, resource) : {};
    if (match.active) {
      if (statuses === run.codes) statuses = run.codes.slice();
      statuses[position] = CODE.WAIVED;
      decisions[k] = { fixOwner, waiver: match.active };
    } else if (match.expired?.expires) {
      decisions[k] = { fixOwner, note: expiredNote(match.expired) };
    } else {
      decisions[k] = routedTo(fixOwner);
    }
  }
  return { statuses, decisions };
}

function expiredNote(waiver: Waiver): string {
  return `waiver expired on ${(waiver.expires as Date).toISOString().slice(0, 10)}`;
}
