// Every compiled rule against every resource of its types, synchronously: PASS, FAIL, ERROR or NOT_APPLICABLE.
import { formatProblem } from '../problems';
import type { EvalContext } from '../operators/types';
import type { Resource, ResourceSheet } from '../rulebook/model';
import { ROOT, scalarValue } from './resolve';
import { RunIndexes } from './run-index';
import { CODE } from './codes';
import { ColumnStore, DIRECT, UNJUDGED } from './columns';
import type { ColumnCheck } from './checks';
import type { CompiledRule } from './compile-rule';
import type { Outcome } from './result';
import type { Value } from '../types';

export { CODE } from './codes';

/** One rule over one group of resources of a type it matches. Read-only once made: later stages add their own. */
export interface RuleRun {
  readonly compiled: CompiledRule;
  /** The resources judged, in order; empty for a broken rule. */
  readonly resources: readonly Resource[];
  /**
   * A status code per resource: PASS, FAIL, ERROR or NOT_APPLICABLE (never WAIVED: waivers give their own array).
   * Column checks share one array among the rules with that check, so it is never written to.
   */
  readonly codes: Uint8Array;
  /** Positions in `resources` of the non-passing checks (FAIL or ERROR), in order; -1 for a broken rule's one. */
  readonly positions: Int32Array;
  /** Why the k-th non-passing check did not pass. */
  outcome(k: number): Outcome;
}

/** What evaluation gives: compact per-rule runs; `resultsOf` (results.ts) keeps them as a ResultSet. */
export class Evaluation {
  constructor(readonly runs: readonly RuleRun[]) {}
}

export function evaluateRules(rules: CompiledRule[], resources: Resource[], runCtx: EvalContext): Evaluation {
  // Checks that reach across resources share indexes made on first use, once a run.
  const ctx: EvalContext = runCtx.across ? runCtx : { ...runCtx, across: new RunIndexes(resources) };
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
      });
      continue;
    }
    for (const [type, group] of byType) {
      if (compiled.matchesType(type)) runs.push(runGroup(compiled, group, ctx, columns));
    }
  }
  return new Evaluation(runs);
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
  /** A status code per resource (PASS, FAIL or ERROR), shared by every rule with the check: never written to. */
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
  return { compiled, resources: group, ...shared };
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
  const { ids, dictionary, encoded } = columns.encode(group, column.reader);
  const values = dictionary.values;
  const { outcomes: judged, codes: codeOf } = columns.memo(column, dictionary);
  if (encoded) return judgeEncoded(column, ids, values, judged, codeOf, ctx);
  const n = group.length;
  const codes = new Uint8Array(n);
  // Outcomes of cells judged on their own (not through the dictionary) that did not pass, by their place among the
  // non-passing cells (k in `positions`): holes where a cell's outcome is its dictionary value's.
  let unencoded: Outcome[] | undefined;
  let failing = 0;
  let sheet: ResourceSheet | undefined;
  let col = -1;
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    let code: number;
    if (id >= 0) {
      code = codeOf[id];
      if (code === UNJUDGED) code = judgeValue(column, values, id, judged, codeOf, ctx);
    } else {
      let out: Outcome;
      if (id === DIRECT) {
        const res = group[i];
        if (res.sheet !== sheet) col = column.reader.exactColumn((sheet = res.sheet));
        out = column.judge(scalarValue(res.cells[col] as string | number), ctx);
      } else out = check(group[i], ROOT, ctx);
      code = codeFor(out);
      if (code !== CODE.PASS) (unencoded ??= [])[failing] = out;
    }
    if (code !== CODE.PASS) {
      codes[i] = code;
      failing++;
    }
  }
  // Outcomes are looked up when findings are made, not copied: a run may have hundreds of thousands.
  const positions = positionsOf(codes, failing);
  const outcome = (k: number): Outcome => {
    const id = ids[positions[k]];
    return id >= 0 ? judged[id] : (unencoded as Outcome[])[k];
  };
  return { codes, positions, outcome };
}

/** The common case: every cell has a dictionary id, so a resource's code is one look-up (each value judged once). */
function judgeEncoded(
  column: ColumnCheck,
  ids: Int32Array,
  values: readonly Value[],
  judged: Outcome[],
  codeOf: Uint8Array,
  ctx: EvalContext,
): ColumnJudgement {
  const n = ids.length;
  const codes = new Uint8Array(n);
  let failing = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    let code = codeOf[id];
    if (code === UNJUDGED) code = judgeValue(column, values, id, judged, codeOf, ctx);
    codes[i] = code;
    if (code !== CODE.PASS) failing++;
  }
  const positions = positionsOf(codes, failing);
  return { codes, positions, outcome: (k) => judged[ids[positions[k]]] };
}

/** Judges a dictionary value met for the first time, keeping its outcome and code for every later cell; its code. */
function judgeValue(
  column: ColumnCheck,
  values: readonly Value[],
  id: number,
  judged: Outcome[],
  codeOf: Uint8Array,
  ctx: EvalContext,
): number {
  const out = column.judge(values[id], ctx);
  judged[id] = out;
  return (codeOf[id] = codeFor(out));
}

/** Where the `failing` codes that are not PASS stand, in order. */
function positionsOf(codes: Uint8Array, failing: number): Int32Array {
  const positions = new Int32Array(failing);
  for (let i = 0, k = 0; k < failing; i++) if (codes[i] !== CODE.PASS) positions[k++] = i;
  return positions;
}

function codeFor(out: Outcome): number {
  return out.status === 'PASS' ? CODE.PASS : out.status === 'FAIL' ? CODE.FAIL : CODE.ERROR;
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
