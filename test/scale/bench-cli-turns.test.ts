// The CLI ratio's rounds: the whole validate() timed, then the CLI run, round after round, on one generated book.
import { benchCliXlsxInTurns } from '../../bench/cli-end-to-end';

test('each round times validate() first and the .xlsx run after it; a round whose validate() failed keeps its run', async () => {
  const calls: string[] = [];
  let round = 0;
  const turns = await benchCliXlsxInTurns(
    { rules: 20, resources: 300, types: 3, seed: 7, workload: 'distinct' },
    3,
    async () => {
      calls.push(`validate ${++round}`);
      return round === 2 ? undefined : round / 10;
    },
  );
  expect(calls).toEqual(['validate 1', 'validate 2', 'validate 3']);
  expect(turns.validateSeconds).toEqual([0.1, 0.3]);
  expect(turns.runs).toHaveLength(3);
  for (const r of turns.runs) {
    expect(r.what).toBe('.xlsx in and out');
    expect(r.exitCode).toBe(0);
    expect(r.seconds).toBeGreaterThan(0);
    expect(r.peakRssMB).toBeGreaterThan(0);
  }
}, 180_000);
