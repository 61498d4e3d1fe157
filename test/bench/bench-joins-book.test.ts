// The benchmark's default rulebook with join rules added: the workbook it times and the targets judged on it.
import { readRulebook, validate } from '../../core';
import { generateWorkbook, type BenchSize } from '../../bench/generate';
import { JOIN_RULES } from '../../bench/joins';
import { joinedClusterRows, withJoinRules } from '../../bench/joins-book';
import { joinsInBook, joinsTargets, WITH_JOINS_MARK } from '../../bench/joins-report';
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

  test.each<[string, number, number, [boolean, boolean, boolean]]>([
    // rulesheet without joins 1 s; peers' seconds: json-logic-js 20 s, hand-written 1 s, json-rules-engine 100 s
    ['joins cheap: every peer target still met', 1.2, 20, [true, true, true]],
    ['joins dear: the targets fail on rulesheet seconds with joins', 2, 15, [false, false, false]],
  ])('%s', (_name, withS, logicS, met) => {
    const f = {
      rulesheet: fig(1_000_000, 1),
      jsonLogic: fig(1_000_000, logicS),
      handWritten: fig(1_000_000, 1),
      jsonRulesEngine: fig(1_000_000, withS === 2 ? 90 : 100),
    };
    const j = joinsInBook({ ...m, withoutSeconds: 1, withSeconds: withS }, withS * 3);
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
