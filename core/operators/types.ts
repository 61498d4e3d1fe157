// The shape of one operator-table entry: parsing its Expected, evaluating it, describing it.
import type { Problem } from '../problems';
import type { Value } from '../types';
import type { RunIndexes } from '../engine/run-index';

/** What an operator takes as Expected. */
export type ExpectedKind = 'none' | 'value' | 'list' | 'days' | 'count' | 'regex' | 'glob' | 'network';

/**
 * true: holds; false: does not hold; a string: does not hold, and says why (e.g. `is not a number`);
 * an Unjudgeable: the value cannot be judged at all (a duration met by a number), an ERROR that says why.
 */
export type Verdict = boolean | string | Unjudgeable;

/** A value of the wrong kind for a unit-bearing Expected: the check is an ERROR, not a FAIL. */
export interface Unjudgeable {
  error: string;
}

export interface EvalContext {
  /** The run's clock, in epoch milliseconds. */
  nowMs: number;
  /** Run-wide indexes for lookup(…) and others(…), built lazily once a run (engine/run-index.ts). */
  across?: RunIndexes;
}

export interface OperatorSpec<P = unknown> {
  /** Canonical name, lower-case words: `does not equal`. */
  name: string;
  /** Other words that mean the same: `not equals`, `is not`, `ne`. Matched case-insensitively. */
  aliases: readonly string[];
  /** Symbols: `!=`, `<>`. */
  symbols: readonly string[];
  expected: ExpectedKind;
  /** What a missing value gives. */
  onMissing: 'pass' | 'fail';
  /** true when a list value is judged as a whole (includes…, count…, is empty, exists); otherwise a list is an ordinary value the operator may reject. */
  wholeList: boolean;
  /** Plain words for the docs and the rule builder: "is exactly Expected (text ignores case)". */
  meaning: string;
  /** Coercions, in words, for the docs. */
  coercion: string;
  /** An example row for the docs: Field, Expected (blank when the operator takes none). */
  example: { field: string; expected: string };
  /**
   * Turns Expected into what `test` needs. `items` is Expected split into items for the `list`
   * kind and `[whole value]` for the others (`[]` when Expected is blank). Problems carry no location;
   * the caller adds it. Never throws.
   */
  prepare(items: Value[]): { value?: P; problems: Problem[] };
  /** Judges a present value (never undefined). Never throws. */
  test(actual: Value, expected: P, ctx: EvalContext): Verdict;
}
