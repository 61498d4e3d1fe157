// Every compiled rule against every resource of its types, synchronously: PASS, FAIL, ERROR or NOT_APPLICABLE.
import { formatProblem } from '../problems';
import type { EvalContext } from '../operators/types';
import type { Resource } from '../rulebook/model';
import type { Status } from '../types';
import { ROOT } from './resolve';
import { ColumnStore, UNJUDGED } from './columns';
import type { ColumnCheck } from './checks';
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
  /** Positions in `resources` of the non-passing checks (FAIL or ERROR), in order. */
  positions: Int32Array;
  /** Why the k-th non-passing check did not pass. */
  outcome(k: number): Outcome;
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
  const columns = prepareColumns(rules, byType);
  const runs: RuleRun[] = [];
  for (const compiled of rules) {
    if (!compiled.rule.enabled) continue;
    if (compiled.broken || !compiled.check) {
      const broken = brokenOutcome(compiled);
      runs.push({
        compiled,
        resources: [],
        codes: new Uint8Array(0),
        positions: Int32Array.of(-1),
        outcome: () => broken,
        findings: [new Finding(compiled.rule, undefined, 'ERROR', broken)],
      });
      continue;
    }
    for (const [type, group] of byType) {
      if (compiled.matchesType(type)) runs.push(runGroup(compiled, group, ctx, columns));
    }
  }
  return new Evaluation(runs);
}

/** The whole list of results; see evaluateRules for the compact form. */
export function evaluate(rules: CompiledRule[], resources: Resource[], ctx: EvalContext): Result[] {
  return evaluateRules(rules, resources, ctx).results;
}

function runGroup(
  compiled: CompiledRule,
  group: Resource[],
  ctx: EvalContext,
  columns: ColumnStore,
): RuleRun {
  if (usesColumn(compiled)) return runColumn(compiled, compiled.column, group, ctx, columns);
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
  return {
    compiled,
    resources: group,
    codes,
    positions: Int32Array.from(positions),
    outcome: (k) => outcomes[k],
  };
}

/** A rule judged column-wise: one field against a literal, on every resource of its types. */
function usesColumn(c: CompiledRule): c is CompiledRule & { column: ColumnCheck } {
  return c.column !== undefined && !c.appliesWhen && c.businessUnits.size === 0;
}

/** A column check's verdict on a group: what every rule with that check on the group shares. */
interface ColumnJudgement {
  /** A status code per resource (PASS, FAIL or ERROR); each rule copies it, as waivers change codes. */
  codes: Uint8Array;
  positions: Int32Array;
  outcome: (k: number) => Outcome;
}

function runColumn(
  compiled: CompiledRule,
  column: ColumnCheck,
  group: Resource[],
  ctx: EvalContext,
  columns: ColumnStore,
): RuleRun {
  const check = compiled.check as NonNullable<CompiledRule['check']>;
  const shared = columns.judgement(group, column, () => judgeColumn(column, check, group, ctx, columns));
  return { compiled, resources: group, ...shared, codes: shared.codes.slice() };
}

/**
 * One field against a literal over a whole group: each distinct cell is judged once and its outcome shared
 * (outcomes are read-only, so sharing them is safe); cells the column could not encode get the full check.
 */
function judgeColumn(
  column: ColumnCheck,
  check: NonNullable<CompiledRule['check']>,
  group: Resource[],
  ctx: EvalContext,
  columns: ColumnStore,
): ColumnJudgement {
  const { ids, dictionary } = columns.encode(group, column.reader);
  const values = dictionary.values;
  const { outcomes: judged, codes: codeOf } = columns.memo(column, dictionary);
  const n = group.length;
  const codes = new Uint8Array(n);
  let unencoded: Map<number, Outcome> | undefined;
  let failing = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    let code: number;
    if (id >= 0) {
      code = codeOf[id];
      if (code === UNJUDGED) {
        const out = column.judge(values[id], ctx);
        judged[id] = out;
        codeOf[id] = code = codeFor(out);
      }
    } else {
      const out = check(group[i], ROOT, ctx);
      code = codeFor(out);
      if (code !== CODE.PASS) (unencoded ??= new Map()).set(i, out);
    }
    if (code !== CODE.PASS) {
      codes[i] = code;
      failing++;
    }
  }
  // Outcomes are looked up when findings are made, not copied: a run may have hundreds of thousands.
  const positions = new Int32Array(failing);
  for (let i = 0, k = 0; k < failing; i++) if (codes[i] !== CODE.PASS) positions[k++] = i;
  const outcome = (k: number): Outcome => {
    const i = positions[k];
    const id = ids[i];
    return id >= 0 ? judged[id] : (unencoded?.get(i) as Outcome);
  };
  return { codes, positions, outcome };
}

function codeFor(out: Outcome): number {
  return out.status === 'PASS' ? CODE.PASS : out.status === 'FAIL' ? CODE.FAIL : CODE.ERROR;
}

/** A run's findings, made once from its outcomes. */
export function findingsOf(run: RuleRun): Finding[] {
  if (!run.findings) {
    const rule = run.compiled.rule;
    const findings: Finding[] = new Array<Finding>(run.positions.length);
    for (let k = 0; k < findings.length; k++) {
      const out = run.outcome(k);
      findings[k] = new Finding(rule, run.resources[run.positions[k]], out.status, out);
    }
    run.findings = findings;
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
      const resource = run.resources[i];
      if (code === CODE.PASS) out.push({ rule, resource, status: STATUS_OF[code] });
      else if (code === CODE.NOT_APPLICABLE)
        out.push({
          rule,
          resource,
          status: 'NOT_APPLICABLE',
          message: notApplicableWhy(run.compiled, resource),
        });
      else out.push(findings[k++]);
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

/** A rule that cannot run gives one ERROR result pointing at its first problem, not one per resource. */
function brokenOutcome(compiled: CompiledRule): Outcome {
  const first = compiled.problems.find((p) => p.severity === 'error');
  const message = `The rule cannot run: ${first ? formatProblem(first) : 'it has no valid check'}`;
  return { status: 'ERROR', message };
}

/** Every column a column check reads, encoded per group up front. */
function prepareColumns(rules: CompiledRule[], byType: Map<string, Resource[]>): ColumnStore {
  const store = new ColumnStore();
  for (const [type, group] of byType) {
    const readers = [];
    for (const c of rules)
      if (usesColumn(c) && c.rule.enabled && c.matchesType(type)) readers.push(c.column.reader);
    if (readers.length) store.prepare(group, readers);
  }
  return store;
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
