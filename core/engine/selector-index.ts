// Candidates for a selector clause narrowed by a run-wide index on label pairs, so a selects check visits few resources.
import type { Resource } from '../rulebook/model';
import type { Labels, Selector } from '../values/selector';

/**
 * The other resources of a type by label pair (`app=web`). For `selects` (the others hold selectors) a selector
 * is filed under the pairs of its first `In` requirement, which every labels it selects must hold; one without
 * such a requirement is filed under every pair (`any`). For `is selected by` (the others hold labels) each is
 * filed under every pair it has. The clause is still tested on each candidate: the index only leaves out
 * resources that cannot match.
 */
export class SelectorIndex {
  private readonly byPair = new Map<string, number[]>();
  /** Positions of the resources every query must visit. */
  private readonly any: number[] = [];

  constructor(
    private readonly others: readonly Resource[],
    othersHoldSelectors: boolean,
    read: (res: Resource) => Selector | Labels | string | undefined,
  ) {
    for (let i = 0; i < others.length; i++) {
      const got = read(others[i]);
      if (got === undefined || typeof got === 'string') continue; // never holds
      if (othersHoldSelectors) {
        const first = (got as Selector).requirements.find((r) => r.op === 'in');
        if (first === undefined) this.any.push(i);
        else for (const v of first.values) this.file(pair(first.key, v), i);
      } else for (const [k, v] of got as Labels) this.file(pair(k, v), i);
    }
  }

  private file(key: string, i: number): void {
    const list = this.byPair.get(key);
    if (list === undefined) this.byPair.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  }

  /** Candidates for this resource's labels (others hold selectors), in sheet order. */
  forLabels(labels: Labels): Resource[] {
    const lists: number[][] = [this.any];
    for (const [k, v] of labels) {
      const list = this.byPair.get(pair(k, v));
      if (list !== undefined) lists.push(list);
    }
    return this.merge(lists);
  }

  /** Candidates for this resource's selector (others hold labels), in sheet order; all when it has no `In`. */
  forSelector(selector: Selector): readonly Resource[] {
    const first = selector.requirements.find((r) => r.op === 'in');
    if (first === undefined) return this.others;
    const lists: number[][] = [];
    for (const v of first.values) {
      const list = this.byPair.get(pair(first.key, v));
      if (list !== undefined) lists.push(list);
    }
    return this.merge(lists);
  }

  private merge(lists: number[][]): Resource[] {
    const nonEmpty = lists.filter((l) => l.length > 0);
    if (nonEmpty.length === 1) return nonEmpty[0].map((i) => this.others[i]);
    const all = new Set<number>();
    for (const list of nonEmpty) for (const i of list) all.add(i);
    return Array.from(all)
      .sort((a, b) => a - b)
      .map((i) => this.others[i]);
  }
}

const pair = (k: string, v: string) => `${k}\u0000${v}`;
