// The results a Results sheet lists, as places in a ResultSet (run, position, open-result index): no object each.
import type { Result } from '../engine/result';
import type { ResultSet } from '../engine/result-set';

/** Places of results in a set, in the order added; grown by doubling. */
export class ListedResults {
  /** Filled to `size`: the run, the position in it, and k among its open results (-1 for a passing one). */
  run = new Int32Array(1024);
  at = new Int32Array(1024);
  k = new Int32Array(1024);
  size = 0;

  constructor(readonly set: ResultSet) {}

  add(run: number, at: number, k: number): void {
    const n = this.size;
    if (n === this.run.length) this.grow();
    this.run[n] = run;
    this.at[n] = at;
    this.k[n] = k;
    this.size = n + 1;
  }

  /** The j-th result added, made now. */
  result(j: number): Result {
    return this.set.at(this.run[j], this.at[j], this.k[j]);
  }

  private grow(): void {
    const double = (from: Int32Array) => {
      const to = new Int32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.run = double(this.run);
    this.at = double(this.at);
    this.k = double(this.k);
  }
}
