// What every engine run reports back: how many checks, how long, and pass/fail counts per rule.

export interface Counts {
  /** Per rule (Rules sheet order). */
  pass: number[];
  fail: number[];
  /** Statuses other than PASS and FAIL (rulesheet only: ERROR, WAIVED, NOT_APPLICABLE). */
  other: number[];
}

export interface EngineRun {
  /** (rule, resource) pairs judged. */
  checks: number;
  /** Resources evaluated (after sampling). */
  resources: number;
  /** Compile + evaluate: translating the rules and judging every pair (what the targets are about). */
  seconds: number;
  /** Reading the grids into the engine's own input (rule rows, resource rows or fact objects), timed apart. */
  readSeconds: number;
  counts: Counts;
}

export function emptyCounts(rules: number): Counts {
  return { pass: new Array(rules).fill(0), fail: new Array(rules).fill(0), other: new Array(rules).fill(0) };
}

export function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}
