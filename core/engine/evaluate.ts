// Every compiled rule against every resource of its types, synchronously: PASS, FAIL, ERROR or NOT_APPLICABLE.
import { formatProblem } from '../problems';
import type { EvalContext } from '../operators/types';
import type { Resource } from '../rulebook/model';
import type { Status } from '../types';
import { ROOT } from '../values/resolve';
import type { CompiledRule } from './compile-rule';
import { Finding, type Outcome, type Result } from './result';

/** Status codes kept per (rule, resource) pair, so passing checks cost a byte, not an object. */
export const CODE = { PASS: 0, FAIL: 1, WAIVED: 2, ERROR: 3, NOT_APPLICABLE: 4 } as const;
const STATUS_OF: readonly Status[] = ['PASS', 'FAIL', 'WAIVED', 'ERROR', 'NOT_APPLICABLE'];

/** One rule over one group of resources of a type it matches. */
export interface RuleRun {
  compiled: CompiledRule;
  /** The resources judged, in order; empty for a broken rule. */
  resources: readonly Resource[];
  /** A status code per resource. */
  codes: Uint8Array;
  /** Why each non-passing check did not pass (FAIL or ERROR), in resource order, with the resource's position. */
  outcomes: Outcome[];
  positions: number[];
  /** The non-passing results, built from the outcomes when first asked for (routing, waivers, outputs). */
  findings?: Finding[];
}

/** What evaluation gives: compact per-rule runs; the full list of results is built only when asked for. */
export class Evaluation {
  private all?: Result[];
  constructor(readonly runs: RuleRun[]) {}

  /** Every (rule, resource) pair whose type matches, NOT_APPLICABLE included, in rule then resource order. */
  get results(): Result[] {
    if (!this.all) this.all = materialize(this.runs);
    return this.all;
  }

  *findings(): Iterable<{ finding: Finding; run: RuleRun; position: number }> {
    for (const run of this.runs) {
      const findings = findingsOf(run);
      for (let k = 0; k < findings.length; k++)
        yield { finding: findings[k], run, position: run.positions[k] };
    }
  }
}

export function evaluateRules(rules: CompiledRule[], resources: Resource[], ctx: EvalContext): Evaluation {
  const byType = groupByType(resources);
  const runs: RuleRun[] = [];
  for (const compiled of rules) {
    if (!compiled.rule.enabled) continue;
    if (compiled.broken || !compiled.check) {
      runs.push({
        compiled,
        resources: [],
        codes: new Uint8Array(0),
        outcomes: [],
        positions: [-1],
        findings: [brokenResult(compiled)],
      });
      continue;
    }
    for (const [type, group] of byType) {
      if (compiled.matchesType(type)) runs.push(runGroup(compiled, group, ctx));
    }
  }
  return new Evaluation(runs);
}

/** The whole list of results; see evaluateRules for the compact form. */
export function evaluate(rules: CompiledRule[], resources: Resource[], ctx: EvalContext): Result[] {
  return evaluateRules(rules, resources, ctx).results;
}

function runGroup(compiled: CompiledRule, group: Resource[], ctx: EvalContext): RuleRun {
  const { appliesWhen, businessUnits } = compiled;
  const check = compiled.check as NonNullable<CompiledRule['check']>;
  const scoped = businessUnits.size > 0;
  const codes = new Uint8Array(group.length);
  const outcomes: Outcome[] = [];
  const positions: number[] = [];
  for (let i = 0; i < group.length; i++) {
    const resource = group[i];
    if (scoped && !businessUnits.has(resource.businessUnit.toLowerCase())) {
      codes[i] = CODE.NOT_APPLICABLE;
      continue;
    }
    let out = appliesWhen ? appliesWhen(resource, ROOT, ctx) : undefined;
    if (out !== undefined && out.status === 'FAIL') {
      codes[i] = CODE.NOT_APPLICABLE;
      continue;
    }
    if (out === undefined || out.status === 'PASS') out = check(resource, ROOT, ctx);
    if (out.status === 'PASS') continue;
    codes[i] = out.status === 'FAIL' ? CODE.FAIL : CODE.ERROR;
    outcomes.push(out);
    positions.push(i);
  }
  return { compiled, resources: group, codes, outcomes, positions };
}

/** A run's findings, made once from its outcomes. */
export function findingsOf(run: RuleRun): Finding[] {
  if (!run.findings) {
    const rule = run.compiled.rule;
    run.findings = run.outcomes.map(
      (out, k) => new Finding(rule, run.resources[run.positions[k]], out.status, out),
    );
  }
  return run.findings;
}

function materialize(runs: RuleRun[]): Result[] {
  const out: Result[] = [];
  for (const run of runs) {
    const rule = run.compiled.rule;
    const findings = findingsOf(run);
    if (run.resources.length === 0) {
      out.push(...findings);
      continue;
    }
    let k = 0;
    for (let i = 0; i < run.resources.length; i++) {
      const code = run.codes[i];
      if (code === CODE.PASS || code === CODE.NOT_APPLICABLE)
        out.push({ rule, resource: run.resources[i], status: STATUS_OF[code] });
      else out.push(findings[k++]);
    }
  }
  return out;
}

/** A rule that cannot run gives one ERROR result pointing at its first problem, not one per resource. */
function brokenResult(compiled: CompiledRule): Finding {
  const first = compiled.problems.find((p) => p.severity === 'error');
  const message = `The rule cannot run: ${first ? formatProblem(first) : 'it has no valid check'}`;
  return new Finding(compiled.rule, undefined, 'ERROR', { status: 'ERROR', message });
}

/** Resources grouped by type, in first-seen order; a type's rules are matched once per type, not per resource. */
function groupByType(resources: Resource[]): Map<string, Resource[]> {
  const byType = new Map<string, Resource[]>();
  for (const r of resources) {
    let group = byType.get(r.type);
    if (!group) byType.set(r.type, (group = []));
    group.push(r);
  }
  return byType;
}
