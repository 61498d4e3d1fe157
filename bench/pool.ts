// One engine's replies from several interleaved child processes, pooled into one: medians over every measured run.
import type { ChildReply } from './child';
import type { EngineOutcome } from './engines';
import type { Counts } from './peers/types';

/**
 * The rounds of one engine as one reply. The machine's load drifts while the engines take turns, and one process
 * can be luckier with the JIT than another, so each engine runs once a round, the engines in turn, and its
 * figures are medians over all its rounds: `seconds` over every measured run, the other times over the rounds'
 * own figures. Peak RSS is the largest round's. A round that failed fails the engine; rounds that counted
 * different results are a failure too (the engine is deterministic, so that is a bug, not noise).
 */
export function poolReplies(replies: readonly ChildReply[]): ChildReply {
  if (replies.length === 0) return { ok: false, error: 'no round ran' };
  const failed = replies.find((r) => !r.ok);
  if (failed) return failed;
  const oks = replies as Extract<ChildReply, { ok: true }>[];
  if (oks.length === 1) return oks[0];
  const first = oks[0].outcome;
  const differing = oks.findIndex((r) => !sameCounts(r.outcome.counts, first.counts));
  if (differing > 0)
    return { ok: false, error: `round ${differing + 1} counted different results from round 1` };
  const outcomes = oks.map((r) => r.outcome);
  const of = (pick: (o: EngineOutcome) => number) => median(outcomes.map(pick));
  const measuredSeconds = outcomes.flatMap((o) => o.measuredSeconds);
  const validate = outcomes.map((o) => o.validateSeconds).filter((s): s is number => s !== undefined);
  const outcome: EngineOutcome = {
    ...first,
    seconds: median(measuredSeconds),
    measuredSeconds,
    readSeconds: of((o) => o.readSeconds),
    withReadingSeconds: of((o) => o.withReadingSeconds),
    firstRunSeconds: of((o) => o.firstRunSeconds),
    firstRunWithReadingSeconds: of((o) => o.firstRunWithReadingSeconds),
    ...(validate.length > 0 ? { validateSeconds: median(validate) } : {}),
  };
  const peak = oks.reduce((a, b) => (b.peakRssMB > a.peakRssMB ? b : a));
  return { ok: true, outcome, peakRssMB: peak.peakRssMB, baselineRssMB: peak.baselineRssMB };
}

function sameCounts(a: Counts, b: Counts): boolean {
  const same = (x: number[], y: number[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.pass, b.pass) && same(a.fail, b.fail) && same(a.other, b.other);
}

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
