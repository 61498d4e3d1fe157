// The benchmark's default rulebook with join rules added: the workbook it times and the targets judged on it.
import { readRulebook, validate } from '../../core';
import { generateWorkbook, type BenchSize } from '../../bench/generate';
import { JOIN_RULES } from '../../bench/joins';
import { joinedClusterRows, withJoinRules } from '../../bench/joins-book';
import { joinsInBook, joinsTargets, secondsWithJoins, WITH_JOINS_MARK } from '../../bench/joins-report';
import type { Figures } from '../../bench/report';

const tiny: BenchSize = { rules: 20, resources: 500, types: 4, seed: 7, workload: 'distinct' };

describe('the distinct rulebook with the join rules added', () => {
  const plain = generateWorkbook(tiny);
  const joined = withJoinRules(plain, tiny);

  test('keeps every workload rule and resource and adds the join rules and a cluster', () => {
    const before = readRulebook(plain);
    const after = readRulebook(joined);
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(after.rules.map((r) => r.id)).toEqual([
      ...before.rules.map((r) => r.id),
      ...JOIN_RULES.slice(1).map((r) => r[0]),
    ]);
    expect(after.resources.length).toBe(before.resources.length + joinedClusterRows(joined));
    expect(joinedClusterRows(joined)).toBeGreaterThanOrEqual(tiny.resources * 0.2);
  });

  test("leaves the peers' sheets as they were", () => {
    expect(withJoinRules(plain, tiny)[1]).toBe(plain[1]);
    expect(generateWorkbook(tiny)).toEqual(plain);
  });

  test("the workload's results do not change, and the join rules judge the cluster", () => {
    const now = new Date('2026-01-15T09:00:00Z');
    const statuses = (grids: typeof plain, keep: (id: string) => boolean) =>
      validate(grids, { now })
        .results.toArray()
        .filter((r) => keep(r.rule.id))
        .map((r) => `${r.rule.id} ${r.resource?.id ?? ''} ${r.status}`);
    const workload = (id: string) => id.startsWith('R-');
    expect(statuses(joined, workload)).toEqual(statuses(plain, workload));
    const joins = statuses(joined, (id) => id.startsWith('J-'));
    for (const rule of ['J-1', 'J-2', 'J-3', 'J-4', 'J-5', 'J-6', 'J-7'])
      expect(joins.some((s) => s.startsWith(`${rule} `) && / (PASS|FAIL)$/.test(s))).toBe(true);
  });
});

describe('figures and targets with joins', () => {
  const m = { joinRules: 7, resources: 60_000 };
  test.each<[string, number, number, number, number, number]>([
    // name, without s, with s, validate s, share, ratio
    ['joins a tenth of the time', 0.9, 1.0, 3.0, 0.1, 3],
    ['joins half the time', 1.0, 2.0, 6.0, 0.5, 3],
    ['validate slow beside it', 1.0, 1.0, 6.0, 0, 6],
  ])('%s', (_name, without, withS, validateS, share, ratio) => {
    const j = joinsInBook({ ...m, withoutSeconds: without, withSeconds: withS }, validateS);
    expect(j.share).toBeCloseTo(share, 3);
    expect(j.validateRatio).toBeCloseTo(ratio, 2);
    expect(joinsTargets(j, {})[0].met).toBe(ratio <= 5);
  });

  const fig = (checks: number, seconds: number): Figures => ({
    checks,
    seconds,
    checksPerSecond: checks / seconds,
    peakRssMB: 100,
    baselineRssMB: 50,
    sample: 1,
    scaled: false,
    projectedSeconds: seconds,
    firstRunSeconds: seconds,
    firstRunChecksPerSecond: checks / seconds,
    readSeconds: 0,
    withReadingSeconds: seconds,
    withReadingChecksPerSecond: checks / seconds,
  });

  test.each<[string, number, number, number, [boolean, boolean, boolean]]>([
    // rulesheet on the workload 1 s; peers: hand-written 1 s, json-logic-js 15 s, json-rules-engine 90 s.
    // Its seconds with joins are 1 s × with ÷ without: 1.2 s meets every target, 2 s none.
    ['joins add a fifth', 1, 1.2, 1.2, [true, true, true]],
    ['joins double the time', 1, 2, 2, [false, false, false]],
    ['a fifth, the joins process busier than the workload', 2, 2.4, 1.2, [true, true, true]],
    ['double, the joins process idler than the workload', 0.5, 1, 2, [false, false, false]],
  ])('%s', (_name, without, withS, asIf, met) => {
    const f = {
      rulesheet: fig(1_000_000, 1),
      jsonLogic: fig(1_000_000, 15),
      handWritten: fig(1_000_000, 1),
      jsonRulesEngine: fig(1_000_000, 90),
    };
    const j = joinsInBook({ ...m, withoutSeconds: without, withSeconds: withS }, withS * 3);
    expect(secondsWithJoins(1, j)).toBeCloseTo(asIf, 6);
    const [, jre, logic, hand] = joinsTargets(j, f);
    // ≥ 50× json-rules-engine, ≥ 10× json-logic-js, hand-written ÷ rulesheet ≤ 1.5
    expect([jre.met, logic.met, hand.met]).toEqual(met);
    for (const t of [jre, logic, hand]) expect(t.text).toContain(WITH_JOINS_MARK);
  });

  test('without the run or the peers the targets cannot be judged', () => {
    expect(joinsTargets(undefined, {}).map((t) => t.met)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
