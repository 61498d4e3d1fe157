// One engine in its own process, so its peak memory is its own: builds the workbook, runs, reports over IPC.
import { runEngine, type EngineName, type EngineOutcome } from './engines';
import { generateWorkbook, type BenchSize } from './generate';
import { joinedClusterRows, withJoinRules } from './joins-book';
import { rssMB, sampleRss } from './measure';

export interface ChildRequest {
  engine: EngineName;
  size: BenchSize;
  perType: number | null;
  compareAt: number[];
  runs: number;
  /** Also time rulesheet on the rulebook with the join rules added (joins-book.ts); the reply's outcome is that run. */
  joins?: boolean;
}

export type ChildReply =
  | {
      ok: true;
      outcome: EngineOutcome;
      peakRssMB: number;
      baselineRssMB: number;
      /** With `joins`: the same engine on the same rulebook without the join rules, timed in the same process. */
      without?: EngineOutcome;
      /** With `joins`: the resources on the cluster sheet the join rules read. */
      clusterResources?: number;
    }
  | { ok: false; error: string };

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]) as ChildRequest;
  let reply: ChildReply;
  try {
    const grids = generateWorkbook(request.size);
    const baselineRssMB = rssMB();
    const sampler = sampleRss();
    if (request.joins) {
      // Both in one process, one after the other, so the joins' share is not two processes' noise.
      const without = await runEngine(request.engine, grids, null, [], request.runs);
      const joined = withJoinRules(grids, request.size);
      const outcome = await runEngine(request.engine, joined, null, [], request.runs);
      const clusterResources = joinedClusterRows(joined);
      reply = { ok: true, outcome, without, clusterResources, peakRssMB: sampler.stop(), baselineRssMB };
    } else {
      const outcome = await runEngine(
        request.engine,
        grids,
        request.perType,
        request.compareAt,
        request.runs,
      );
      reply = { ok: true, outcome, peakRssMB: sampler.stop(), baselineRssMB };
    }
  } catch (e) {
    reply = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (process.send) process.send(reply, () => process.exit(0));
  else process.stdout.write(`${JSON.stringify(reply)}\n`);
}

void main();
