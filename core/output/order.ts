// Putting many results in order at once: each part ranked once (rules, resources, dates), then counting passes.
import type { Result } from '../engine/result';
import type { Rule } from '../rulebook/model';
import { STATUSES, type Status } from '../types';
import { ResourceIndex } from './resource-index';

/** Case-insensitive order by code unit, so every host sorts alike whatever its locale. */
export function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One part of an order: a rank for each item, 0 ≤ rank < size, lower first. */
export interface OrderPart {
  ranks: ArrayLike<number>;
  size: number;
}

/** Ranks of texts in compareText order: equal texts share a rank. */
export function textRanks(texts: readonly string[]): OrderPart {
  const n = texts.length;
  const lower = new Array<string>(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    lower[i] = texts[i].toLowerCase();
    order[i] = i;
  }
  // compareText, with each text lower-cased once rather than at every comparison.
  order.sort((a, b) => {
    const la = lower[a];
    const lb = lower[b];
    if (la !== lb) return la < lb ? -1 : 1;
    const ta = texts[a];
    const tb = texts[b];
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  });
  const ranks = new Int32Array(n);
  let rank = -1;
  let previous: string | undefined;
  for (let k = 0; k < n; k++) {
    const text = texts[order[k]];
    if (k === 0 || text !== previous) rank++;
    ranks[order[k]] = rank;
    previous = text;
  }
  return { ranks, size: rank + 1 };
}

/** Ranks of numbers, lowest first: equal numbers share a rank. */
export function numberRanks(numbers: readonly number[]): OrderPart {
  const distinct = [...new Set(numbers)].sort((a, b) => a - b);
  const rankOf = new Map(distinct.map((n, rank) => [n, rank]));
  const ranks = new Int32Array(numbers.length);
  for (let i = 0; i < numbers.length; i++) ranks[i] = rankOf.get(numbers[i]) as number;
  return { ranks, size: distinct.length };
}

/** One stable counting pass: `order` (all positions in order when undefined) sorted by one part. */
function countingPass(n: number, order: Int32Array | undefined, part: OrderPart): Int32Array {
  const { ranks, size } = part;
  const starts = new Int32Array(size + 1);
  for (let i = 0; i < n; i++) starts[ranks[i] + 1]++;
  for (let r = 0; r < size; r++) starts[r + 1] += starts[r];
  const out = new Int32Array(n);
  if (order === undefined) for (let i = 0; i < n; i++) out[starts[ranks[i]]++] = i;
  else
    for (let i = 0; i < n; i++) {
      const at = order[i];
      out[starts[ranks[at]]++] = at;
    }
  return out;
}

/** Parts next to each other taken as one while their ranks multiply to no more than this: fewer passes. */
const MERGED_SIZE = 1 << 20;

/**
 * Positions 0..n-1 sorted by the parts (the first the most significant); ties keep their order. Stable counting
 * passes over small integer ranks: no comparison per pair of items, which matters for hundreds of thousands.
 */
export function sortedOrder(n: number, parts: readonly OrderPart[]): Int32Array {
  const merged: OrderPart[] = [];
  for (const part of parts) {
    if (part.size <= 1) continue;
    const last = merged[merged.length - 1];
    if (last && last.size * part.size <= MERGED_SIZE) {
      const ranks = new Int32Array(n);
      for (let i = 0; i < n; i++) ranks[i] = last.ranks[i] * part.size + part.ranks[i];
      merged[merged.length - 1] = { ranks, size: last.size * part.size };
    } else merged.push(part);
  }
  // Least significant part first: each stable pass keeps the order of the passes before it within its ties.
  let order: Int32Array | undefined;
  for (let p = merged.length - 1; p >= 0; p--) order = countingPass(n, order, merged[p]);
  if (order !== undefined) return order;
  order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/** Items in the given order. */
export function inOrder<T>(items: readonly T[], order: Int32Array): T[] {
  const out = new Array<T>(order.length);
  for (let i = 0; i < order.length; i++) out[i] = items[order[i]];
  return out;
}

/** A Status's place in STATUSES, as ResultKeys holds it. */
export const STATUS_INDEX: Readonly<Record<Status, number>> = Object.fromEntries(
  STATUSES.map((status, i) => [status, i]),
) as Record<Status, number>;

/**
 * What putting results in order needs to know of each, gathered in a pass that reads the results anyway (a
 * tally's), so sorting reads no result again: its rule (a position in `rules`), its resource (an id in the
 * index) and its status (STATUS_INDEX).
 */
export class ResultKeys {
  readonly rules: Rule[] = [];
  /** Filled to `size`; grown by doubling. */
  rule = new Int32Array(1024);
  resource = new Int32Array(1024);
  status = new Int32Array(1024);
  size = 0;

  constructor(readonly index: ResourceIndex) {}

  add(rule: number, resource: number, status: number): void {
    const at = this.size;
    if (at === this.rule.length) this.grow();
    this.rule[at] = rule;
    this.resource[at] = resource;
    this.status[at] = status;
    this.size = at + 1;
  }

  private grow(): void {
    const double = (from: Int32Array) => {
      const to = new Int32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.rule = double(this.rule);
    this.resource = double(this.resource);
    this.status = double(this.status);
  }

  /** Keys of results no tally read: one pass over them. */
  static of(results: readonly Result[], index: ResourceIndex = new ResourceIndex()): ResultKeys {
    const keys = new ResultKeys(index);
    const positions = new Map<Rule, number>();
    let lastRule: Rule | undefined;
    let lastPosition = -1;
    for (const result of results) {
      const rule = result.rule;
      if (rule !== lastRule) {
        let position = positions.get(rule);
        if (position === undefined) {
          position = keys.rules.length;
          keys.rules.push(rule);
          positions.set(rule, position);
        }
        lastRule = rule;
        lastPosition = position;
      }
      keys.add(lastPosition, index.id(result.resource), STATUS_INDEX[result.status]);
    }
    return keys;
  }

  /** Ranks of the rules' ids (by position in `rules`), in compareText order. */
  ruleIdRanks(): OrderPart {
    return textRanks(this.rules.map((rule) => rule.id));
  }

  /**
   * A part from a rank for each rule and status (by STATUS_INDEX), worked out once a pair: one pass over the
   * keys however many things the rank is made of (severity, status, rule id …).
   */
  byRuleAndStatus(rankOf: (rule: number, status: number) => number, size: number): OrderPart {
    const statuses = STATUSES.length;
    const table = new Int32Array(this.rules.length * statuses);
    for (let rule = 0; rule < this.rules.length; rule++)
      for (let status = 0; status < statuses; status++)
        table[rule * statuses + status] = rankOf(rule, status);
    const ranks = new Int32Array(this.size);
    for (let i = 0; i < ranks.length; i++) ranks[i] = table[this.rule[i] * statuses + this.status[i]];
    return { ranks, size };
  }

  /** Resource ids in compareText order; none (a broken rule's result) first. */
  byResourceId(): OrderPart {
    // Only the resources present are ranked, renumbered in the order met.
    const local = new Int32Array(this.index.size).fill(-1);
    const present: string[] = [];
    const positions = new Int32Array(this.size);
    for (let i = 0; i < positions.length; i++) {
      const id = this.resource[i];
      if (local[id] < 0) {
        local[id] = present.length;
        present.push(this.index.resources[id]?.id ?? '');
      }
      positions[i] = local[id];
    }
    const ids = textRanks(present);
    for (let i = 0; i < positions.length; i++) positions[i] = ids.ranks[positions[i]];
    return { ranks: positions, size: ids.size };
  }
}
