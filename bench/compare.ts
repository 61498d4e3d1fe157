// The correctness check: two engines' per-rule pass/fail counts on the same (rule, resource) pairs.
import { ruleId } from './generate';
import type { Counts } from './peers/types';

export interface Agreement {
  agree: boolean;
  /** One line per differing rule, at most a few. */
  differences: string[];
  differing: number;
}

export function compareCounts(a: Counts, b: Counts, aName: string, bName: string): Agreement {
  const differences: string[] = [];
  let differing = 0;
  for (let i = 0; i < a.pass.length; i++) {
    if (a.pass[i] === b.pass[i] && a.fail[i] === b.fail[i] && a.other[i] === b.other[i]) continue;
    differing++;
    if (differences.length < 5) {
      const show = (c: Counts) =>
        `pass ${c.pass[i]} fail ${c.fail[i]}${c.other[i] ? ` other ${c.other[i]}` : ''}`;
      differences.push(`${ruleId(i)}: ${aName} ${show(a)} vs ${bName} ${show(b)}`);
    }
  }
  return { agree: differing === 0, differences, differing };
}

export function totals(c: Counts): { pass: number; fail: number; other: number } {
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return { pass: sum(c.pass), fail: sum(c.fail), other: sum(c.other) };
}
