// The worker thread that parses the first half of a large worksheet's XML while the main thread parses the rest.
import { StringDecoder } from 'string_decoder';
import { parentPort, workerData } from 'worker_threads';
import { CellLog, transferList, type CellLogData } from './cell-log';
import { cellParser } from './xlsx-values';

/** What the worker is started with. */
export interface HalfSheetJob {
  part: string;
  dateStyles: number[];
  date1904: boolean;
}

/** What it sends back once its XML has ended: the log of what it parsed, or the parser's error. */
export type HalfSheetReply = { log: CellLogData } | { error: string };

/** Parses the chunks posted to it (Uint8Arrays, then null for the end) and posts one HalfSheetReply. */
function serve(port: NonNullable<typeof parentPort>, job: HalfSheetJob): void {
  const log = new CellLog({ dateStyles: new Set(job.dateStyles), date1904: job.date1904 });
  const parser = cellParser(job.part, log);
  const decoder = new StringDecoder('utf8');
  let failed = false;
  port.on('message', (chunk: Uint8Array | null) => {
    if (failed) return;
    try {
      if (chunk === null) {
        parser.write(decoder.end()).close();
        const done = log.done();
        port.postMessage({ log: done } satisfies HalfSheetReply, transferList(done));
      } else parser.write(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    } catch (err) {
      failed = true;
      port.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies HalfSheetReply);
    }
  });
}

if (parentPort && (workerData as { halfSheet?: HalfSheetJob } | undefined)?.halfSheet)
  serve(parentPort, (workerData as { halfSheet: HalfSheetJob }).halfSheet);
