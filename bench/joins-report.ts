// The default rulebook with join rules beside it without: the joins' share, validate() with them, and the targets.
import type { EngineName } from './engines';
import { targets, type Figures, type Target } from './report';

/** What the run with the join rules measured, beside the same rulebook without them. */
export interface JoinsInBook {
  joinRules: number;
  /** Resources of the rulebook with the cluster added. */
  resources: number;
  /** rulesheet's compile + evaluate (median) without and with the join rules, seconds. */
  withoutSeconds: number;
  withSeconds: number;
  /** The part of compile + evaluate with joins that the joins add: (with − without) ÷ with. */
  share: number;
  /** The whole validate() on the rulebook with joins, and its ratio to compile + evaluate with joins. */
  validateSeconds: number;
  validateRatio: number;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function joinsInBook(
  m: { joinRules: number; resources: number; withoutSeconds: number; withSeconds: number },
  validateSeconds: number,
): JoinsInBook {
  const share = m.withSeconds > 0 ? (m.withSeconds - m.withoutSeconds) / m.withSeconds : 0;
  return {
    ...m,
    withoutSeconds: round(m.withoutSeconds, 3),
    withSeconds: round(m.withSeconds, 3),
    share: round(share, 3),
    validateSeconds: round(validateSeconds, 3),
    validateRatio: m.withSeconds > 0 ? round(validateSeconds / m.withSeconds, 2) : Infinity,
  };
}

/** Marks a target judged with rulesheet's seconds including the joins against the peers' seconds without. */
export const WITH_JOINS_MARK = "(rulesheet's seconds with joins, the peers' without)";

/**
 * rulesheet's compile + evaluate on the workload as if it had included the joins: its own seconds times the
 * with ÷ without ratio measured in the joins' process. A ratio, not a difference of seconds from two processes,
 * so a machine busier in one of them does not make the joins look free (or dear).
 */
export function secondsWithJoins(workloadSeconds: number, j: JoinsInBook): number {
  return j.withoutSeconds > 0 ? workloadSeconds * (j.withSeconds / j.withoutSeconds) : workloadSeconds;
}

/**
 * The targets on the rulebook with joins: whole validate() ≤ 5× compile + evaluate, judged as it is; then the
 * peer ratios as if rulesheet's time had included the joins (its checks are the peers' checks, its seconds
 * secondsWithJoins, so the joins count as cost and none of their checks as work).
 */
export function joinsTargets(j: JoinsInBook | undefined, f: Partial<Record<EngineName, Figures>>): Target[] {
  const validate: Target = {
    text: 'with joins: whole validate() ≤ 5× compile + evaluate',
    met: j === undefined ? undefined : j.validateRatio <= 5,
    actual: j === undefined ? 'n/a' : `${j.validateRatio.toFixed(1)}×`,
  };
  const rs = f.rulesheet;
  const seconds = rs === undefined || j === undefined ? undefined : secondsWithJoins(rs.seconds, j);
  const asIf: Partial<Record<EngineName, Figures>> = {
    ...f,
    rulesheet:
      rs === undefined || seconds === undefined
        ? undefined
        : { ...rs, seconds, checksPerSecond: seconds > 0 ? rs.checks / seconds : 0 },
  };
  const peers = targets(asIf)
    .slice(0, 3)
    .map((t) => ({ ...t, text: `with joins: ${t.text} ${WITH_JOINS_MARK}` }));
  return [validate, ...peers];
}

export function joinsBookLines(j: JoinsInBook): string[] {
  const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
  return [
    `the default rulebook plus ${j.joinRules} join rules (lookup, others, unique, selects, a keyed list) over ${j.resources.toLocaleString('en-US')} resources (a cluster sheet added), rulesheet alone:`,
    `  compile + evaluate without the joins ${ms(j.withoutSeconds)}, with them ${ms(j.withSeconds)}; the joins' share ${(100 * j.share).toFixed(1)}%`,
    `  whole validate() with joins ${j.validateSeconds.toFixed(3)} s; ÷ compile + evaluate: ${j.validateRatio.toFixed(1)}×`,
  ];
}
