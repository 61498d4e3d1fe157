// Putting results in order many at once: the same order compareResults gives pair by pair, ties kept as they came.
import { compareText, numberRanks, sortedOrder, textRanks } from '../../core/output/order';
import { compareResults, sortResults } from '../../core/output/results-sheet';
import { sortOverdue } from '../../core/output/summary';
import { SEVERITIES, STATUSES } from '../../core/types';
import { day, resource, result, rule } from './helpers';

test('text ranks follow compareText: case-insensitive first, then by code unit; equal texts share a rank', () => {
  const texts = ['b', 'B', 'a', 'b', 'A-1', 'a-1', '', 'Z', 'é'];
  const { ranks, size } = textRanks(texts);
  const byRank = texts.map((t, i) => [ranks[i], t] as const).sort((x, y) => x[0] - y[0]);
  expect(byRank.map(([, t]) => t)).toEqual(['', 'a', 'A-1', 'a-1', 'B', 'b', 'b', 'Z', 'é']);
  expect(ranks[0]).toBe(ranks[3]);
  expect(size).toBe(8);
});

test('number ranks: lowest first, equal numbers share a rank', () => {
  expect(Array.from(numberRanks([30, 10, 20, 10]).ranks)).toEqual([2, 0, 1, 0]);
});

test('sorting by parts is lexicographic and stable', () => {
  const first = { ranks: [1, 0, 1, 0, 1], size: 2 };
  const second = { ranks: [0, 2, 0, 1, 0], size: 3 };
  expect([...sortedOrder(5, [first, second])]).toEqual([3, 1, 0, 2, 4]);
  // Parts too large to take as one are sorted one pass each, with the same outcome.
  const wide = { ranks: [0, 1_500_000, 3, 1_499_999, 2], size: 2_000_000 };
  expect([...sortedOrder(5, [first, wide])]).toEqual([3, 1, 0, 4, 2]);
});

describe('the Results order, many at once, is compareResults', () => {
  // A mixed bag: every severity and status, rule ids and resource ids differing in case, two rules sharing an
  // id, resources sharing an id under two types, a broken rule's result without a resource, and duplicates.
  const rules = SEVERITIES.flatMap((severity, i) => [
    rule({ id: `R-${i}`, severity }),
    rule({ id: `r-${i}`, severity }),
    rule({ id: `R-${i}`, severity }),
  ]);
  const resources = ['b', 'B', 'a', 'a-1', 'A', '@x'].flatMap((id) => [
    resource({ id }),
    resource({ id, type: 'gcp_bucket' }),
  ]);
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const mixed = Array.from({ length: 600 }, (_, k) => {
    const r = rules[next(rules.length)];
    const status = STATUSES[next(STATUSES.length - 1)];
    const res = next(20) === 0 ? undefined : resources[next(resources.length)];
    return result(r, res, status, { message: `#${k}` });
  });

  test('same rows, same order, ties in the order they came', () => {
    const expected = [...mixed].sort(compareResults);
    expect(sortResults(mixed).map((r) => r.message)).toEqual(expected.map((r) => r.message));
  });

  test('overdue items: soonest Due first, then rule and resource', () => {
    const dues = [day('2026-01-03'), day('2026-01-01'), day('2026-01-02')];
    const overdue = mixed.slice(0, 90).map((r, k) => ({ ...r, due: dues[k % 3] }));
    const expected = [...overdue].sort(
      (a, b) =>
        a.due.getTime() - b.due.getTime() ||
        compareText(a.rule.id, b.rule.id) ||
        compareText(a.resource?.id ?? '', b.resource?.id ?? ''),
    );
    expect(sortOverdue(overdue).map((r) => r.message)).toEqual(expected.map((r) => r.message));
  });
});
