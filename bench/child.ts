// One engine in its own process, so its peak memory is its own: builds the workbook, runs, reports over IPC.
import { runEngine, type EngineName, type EngineOutcome } from './engines';
import { generateWorkbook, type BenchSize } from './generate';
import { rssMB, sampleRss } from './measure';

export interface ChildRequest {
  engine: EngineName;
  size: BenchSize;
  perType: number | null;
  compareAt: number[];
  runs: number;
}

export type ChildReply =
  | { ok: true; outcome: EngineOutcome; peakRssMB: number; baselineRssMB: number }
  | { ok: false; error: string };

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]) as ChildRequest;
  let reply: ChildReply;
  try {
    const grids = generateWorkbook(request.size);
    const baselineRssMB = rssMB();
    const sampler = sampleRss();
    const outcome = await runEngine(request.engine, grids, request.perType, request.compareAt, request.runs);
    reply = { ok: true, outcome, peakRssMB: sampler.stop(), baselineRssMB };
  } catch (e) {
    reply = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (process.send) process.send(reply, () => process.exit(0));
  else process.stdout.write(`${JSON.stringify(reply)}\n`);
}

void main();
