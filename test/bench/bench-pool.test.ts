// The bench's rounds: each engine's interleaved child processes pooled into one reply (medians over every measured run).
import { parseArgs } from '../../bench/args';
import type { ChildReply } from '../../bench/child';
import type { EngineOutcome } from '../../bench/engines';
import { median, poolReplies } from '../../bench/pool';

/** A round of an engine: its measured runs, first run, reading and validate seconds, peak and baseline RSS. */
function round(
  measured: number[],
  { first = 1, read = 0.1, validate, peak = 300, baseline = 100, fail = [1, 0] } = {} as {
    first?: number;
    read?: number;
    validate?: number;
    peak?: number;
    baseline?: number;
    fail?: number[];
  },
): ChildReply {
  const outcome: EngineOutcome = {
    checks: 10,
    resources: 5,
    seconds: median(measured),
    readSeconds: read,
    counts: { pass: [4, 5], fail, other: [0, 0] },
    perType: null,
    sampled: [],
    firstRunSeconds: first,
    measuredSeconds: measured,
    withReadingSeconds: median(measured) + read,
    firstRunWithReadingSeconds: first + read,
    ...(validate === undefined ? {} : { validateSeconds: validate }),
  };
  return { ok: true, outcome, peakRssMB: peak, baselineRssMB: baseline };
}

const outcomeOf = (r: ChildReply) => {
  if (!r.ok) throw new Error(r.error);
  return r;
};

test('seconds is the median of every measured run of every round, not the median of the rounds’ medians', () => {
  // Round medians 0.30 and 0.20 (their median 0.25); all six runs' median is 0.255.
  const pooled = outcomeOf(poolReplies([round([0.3, 0.3, 0.31]), round([0.2, 0.2, 0.21])]));
  expect(pooled.outcome.seconds).toBeCloseTo(0.255, 10);
  const skewed = outcomeOf(
    poolReplies([round([0.3, 0.4, 0.5]), round([0.2, 0.21, 0.22]), round([0.23, 0.6, 0.7])]),
  );
  expect(skewed.outcome.seconds).toBe(0.3);
  expect(skewed.outcome.measuredSeconds).toEqual([0.3, 0.4, 0.5, 0.2, 0.21, 0.22, 0.23, 0.6, 0.7]);
});

test('the other times are medians of the rounds; peak RSS is the largest round’s, with its baseline', () => {
  const pooled = outcomeOf(
    poolReplies([
      round([1], { first: 2, read: 0.3, validate: 5, peak: 400, baseline: 120 }),
      round([1], { first: 4, read: 0.1, validate: 3, peak: 450, baseline: 110 }),
      round([1], { first: 3, read: 0.2, validate: 4, peak: 420, baseline: 130 }),
    ]),
  );
  expect(pooled.outcome.firstRunSeconds).toBe(3);
  expect(pooled.outcome.readSeconds).toBe(0.2);
  expect(pooled.outcome.validateSeconds).toBe(4);
  expect(pooled.outcome.withReadingSeconds).toBeCloseTo(1.2, 10);
  expect(pooled.peakRssMB).toBe(450);
  expect(pooled.baselineRssMB).toBe(110);
  expect(pooled.outcome.counts).toEqual({ pass: [4, 5], fail: [1, 0], other: [0, 0] });
});

test('an engine without validate seconds gets none from pooling', () => {
  expect(outcomeOf(poolReplies([round([1]), round([2])])).outcome).not.toHaveProperty('validateSeconds');
});

test('one round is passed on as it is', () => {
  const only = round([0.5, 0.7]);
  expect(poolReplies([only])).toBe(only);
});

test('a failed round fails the engine, and rounds that count differently are a failure, not noise', () => {
  const failed: ChildReply = { ok: false, error: 'child exited (SIGKILL) without a reply' };
  expect(poolReplies([round([1]), failed])).toBe(failed);
  expect(poolReplies([])).toEqual({ ok: false, error: 'no round ran' });
  expect(poolReplies([round([1]), round([1]), round([1], { fail: [0, 1] })])).toEqual({
    ok: false,
    error: 'round 3 counted different results from round 1',
  });
});

test('--rounds: two by default, any positive whole number', () => {
  expect(parseArgs([]).rounds).toBe(2);
  expect(parseArgs(['--rounds', '3']).rounds).toBe(3);
  expect(() => parseArgs(['--rounds', '0'])).toThrow(/--rounds wants a positive whole number/);
});
