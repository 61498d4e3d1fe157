// The run's results from the stages' outputs: each result made once, whole, from its run, decision and outcome.
import { CODE, STATUS_OF } from './codes';
import type { RunDecisions } from './decide';
import type { Evaluation } from './evaluate';
import type { FixOwnerOf } from './route';
import { Finding, type Result } from './result';
import type { CompiledRule } from './compile-rule';
import type { Resource } from '../rulebook/model';

export interface ResultsOptions {
  /** What routing and waivers decided, run by run (`decide`); without it, results are as evaluation judged them. */
  decisions?: readonly RunDecisions[];
  /** With Settings' Include Passing, passing results are listed too, so they are routed as well. */
  passingOwner?: FixOwnerOf;
}

/** Every (rule, resource) pair whose type matches, NOT_APPLICABLE included, in rule then resource order. */
export function resultsOf(evaluation: Evaluation, options: ResultsOptions = {}): Result[] {
  const { decisions, passingOwner } = options;
  const out: Result[] = [];
  const runs = evaluation.runs;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    const rule = run.compiled.rule;
    const decided = decisions?.[r];
    const resources = run.resources;
    if (resources.length === 0) {
      // A broken rule: one ERROR, with no resource.
      for (let k = 0; k < run.positions.length; k++)
        out.push(new Finding(rule, undefined, 'ERROR', run.outcome(k), decided?.decisions[k]));
      continue;
    }
    const statuses = decided?.statuses ?? run.codes;
    let k = 0;
    for (let i = 0; i < resources.length; i++) {
      const code = statuses[i];
      const resource = resources[i];
      if (code === CODE.PASS) {
        if (passingOwner)
          out.push({ rule, resource, status: 'PASS', fixOwner: passingOwner(rule, resource) });
        else out.push({ rule, resource, status: 'PASS' });
      } else if (code === CODE.NOT_APPLICABLE) {
        out.push({
          rule,
          resource,
          status: 'NOT_APPLICABLE',
          message: notApplicableWhy(run.compiled, resource),
        });
      } else {
        out.push(new Finding(rule, resource, STATUS_OF[code], run.outcome(k), decided?.decisions[k]));
        k++;
      }
    }
  }
  return out;
}

/** Why a rule of the resource's type did not judge it: the Business Unit scope is checked first, then Applies When. */
function notApplicableWhy(compiled: CompiledRule, resource: Resource): string {
  if (compiled.businessUnits.size > 0 && !compiled.businessUnits.has(resource.businessUnit.toLowerCase())) {
    const unit =
      resource.businessUnit === '' ? 'no Business Unit' : `Business Unit "${resource.businessUnit}"`;
    return `Not checked: the resource has ${unit}; the rule applies only to ${compiled.rule.businessUnits.join(', ')}`;
  }
  return `Not checked: Applies When (${compiled.rule.appliesWhen.trim()}) is false for this resource`;
}
