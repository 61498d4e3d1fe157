// The run's results from the stages' outputs: the runs' status arrays as a ResultSet, with what was decided.
import { CODE } from './codes';
import type { RunDecisions } from './decide';
import type { Evaluation, RuleRun } from './evaluate';
import type { FixOwnerOf } from './route';
import { ResultSet, type ResultRun } from './result-set';
import type { CompiledRule } from './compile-rule';
import type { Resource } from '../rulebook/model';

export interface ResultsOptions {
  /** What routing and waivers decided, run by run (`decide`); without it, results are as evaluation judged them. */
  decisions?: readonly RunDecisions[];
  /** With Settings' Include Passing, passing results are listed too, so they are routed as well. */
  passingOwner?: FixOwnerOf;
}

/**
 * Every (rule, resource) pair whose type matches, NOT_APPLICABLE included, in rule then resource order. Nothing is
 * copied: the set reads the runs' and decisions' own arrays, and makes a result only when one is read.
 */
export function resultsOf(evaluation: Evaluation, options: ResultsOptions = {}): ResultSet {
  const { decisions, passingOwner } = options;
  return new ResultSet(
    evaluation.runs.map((run, r) => resultRun(run, decisions?.[r])),
    passingOwner,
  );
}

function resultRun(run: RuleRun, decided: RunDecisions | undefined): ResultRun {
  const compiled = run.compiled;
  const notApplicableWhy = (resource: Resource) => notApplicableOf(compiled, resource);
  if (run.resources.length === 0) {
    // A broken rule: one ERROR (a position of -1), with no resource, at position 0 of a run of its own.
    const n = run.positions.length;
    const positions = new Int32Array(n);
    for (let k = 0; k < n; k++) positions[k] = k;
    return {
      rule: compiled.rule,
      resources: new Array<undefined>(n).fill(undefined),
      statuses: new Uint8Array(n).fill(CODE.ERROR),
      positions,
      outcome: (k) => run.outcome(k),
      decisions: decided?.decisions,
      notApplicableWhy,
    };
  }
  return {
    rule: compiled.rule,
    resources: run.resources,
    statuses: decided?.statuses ?? run.codes,
    positions: run.positions,
    outcome: (k) => run.outcome(k),
    decisions: decided?.decisions,
    notApplicableWhy,
  };
}

/** Why a rule of the resource's type did not judge it: the Business Unit scope is checked first, then Applies When. */
function notApplicableOf(compiled: CompiledRule, resource: Resource): string {
  if (compiled.businessUnits.size > 0 && !compiled.businessUnits.has(resource.businessUnit.toLowerCase())) {
    const unit =
      resource.businessUnit === '' ? 'no Business Unit' : `Business Unit "${resource.businessUnit}"`;
    return `Not checked: the resource has ${unit}; the rule applies only to ${compiled.rule.businessUnits.join(', ')}`;
  }
  return `Not checked: Applies When (${compiled.rule.appliesWhen.trim()}) is false for this resource`;
}
