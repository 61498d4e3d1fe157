// The benchmark's generator is deterministic and its peer engines judge a tiny rulebook the way rulesheet does.
import { parseArgs } from '../../bench/args';
import { compareCounts } from '../../bench/compare';
import { runEngine } from '../../bench/engines';
import { generateWorkbook, type BenchSize } from '../../bench/generate';
import { runHandWritten } from '../../bench/peers/handwritten';
import { runJsonLogic } from '../../bench/peers/jsonlogic';
import { runJsonRulesEngine } from '../../bench/peers/jsonrules';
import { runRulesheet } from '../../bench/peers/rulesheet';

const tiny: BenchSize = { rules: 20, resources: 200, types: 4, seed: 7 };

describe('bench generator', () => {
  test('the same seed gives identical grids', () => {
    expect(generateWorkbook(tiny)).toEqual(generateWorkbook(tiny));
  });

  test('another seed gives a different rulebook', () => {
    expect(generateWorkbook({ ...tiny, seed: 8 })).not.toEqual(generateWorkbook(tiny));
  });

  test('builds a Rules row per rule and a Resources row per resource, spread over the types', () => {
    const [rules, resources] = generateWorkbook(tiny);
    expect(rules.name).toBe('Rules');
    expect(rules.rows).toHaveLength(tiny.rules + 1);
    expect(resources.name).toBe('Resources');
    expect(resources.rows).toHaveLength(tiny.resources + 1);
    const typeCol = resources.rows[0].indexOf('Type');
    expect(new Set(resources.rows.slice(1).map((r) => r[typeCol])).size).toBe(tiny.types);
  });
});

describe('bench peers on a tiny rulebook', () => {
  const grids = generateWorkbook(tiny);
  const hand = runHandWritten(grids);

  test('hand-written judges every matching pair, most of them passing', () => {
    expect(hand.checks).toBe(tiny.rules * (tiny.resources / tiny.types));
    const pass = hand.counts.pass.reduce((a, b) => a + b, 0);
    expect(pass / hand.checks).toBeGreaterThan(0.6);
    expect(pass / hand.checks).toBeLessThan(0.97);
  });

  test('json-logic-js agrees with hand-written, rule by rule', () => {
    expect(runJsonLogic(grids).counts).toEqual(hand.counts);
  });

  test('json-rules-engine agrees with hand-written, rule by rule', async () => {
    expect((await runJsonRulesEngine(grids)).counts).toEqual(hand.counts);
  });

  test('a sample keeps the first resources of each type', () => {
    const sampled = runHandWritten(grids, 10);
    expect(sampled.checks).toBe(tiny.rules * 10);
    expect(runJsonLogic(grids, 10).counts).toEqual(sampled.counts);
  });

  test("rulesheet's validate agrees with hand-written, rule by rule", async () => {
    expect((await runRulesheet(grids)).counts).toEqual(hand.counts);
  });
});

describe('bench timing protocol', () => {
  const grids = generateWorkbook(tiny);

  test.each(['rulesheet', 'handWritten', 'jsonLogic'] as const)(
    '%s: a cold first run, then the median of the measured runs, and the same counts',
    async (engine) => {
      const outcome = await runEngine(engine, grids, null, [], 3);
      expect(outcome.firstRunSeconds).toBeGreaterThan(0);
      expect(outcome.measuredSeconds).toHaveLength(3);
      const sorted = [...outcome.measuredSeconds].sort((a, b) => a - b);
      expect(outcome.seconds).toBe(sorted[1]);
      expect(outcome.counts).toEqual(runHandWritten(grids).counts);
    },
  );

  test('--runs sets the measured runs; the default is 3', () => {
    expect(parseArgs([]).runs).toBe(3);
    expect(parseArgs(['--runs', '5']).runs).toBe(5);
    expect(() => parseArgs(['--runs', '0'])).toThrow(/positive whole number/);
  });
});

describe('bench agreement check', () => {
  test('names the rules on which two engines differ', () => {
    const a = { pass: [5, 3], fail: [0, 2], other: [0, 0] };
    const b = { pass: [5, 2], fail: [0, 3], other: [0, 0] };
    const result = compareCounts(a, b, 'json-logic-js', 'rulesheet');
    expect(result.agree).toBe(false);
    expect(result.differing).toBe(1);
    expect(result.differences).toEqual(['R-0002: json-logic-js pass 3 fail 2 vs rulesheet pass 2 fail 3']);
  });
});
