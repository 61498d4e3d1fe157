// A large worksheet's values read in two halves at once: the first on a worker thread, the rest on this one.
import * as path from 'path';
import { StringDecoder } from 'string_decoder';
import { Worker } from 'worker_threads';
import type { Cell } from '../../core';
import { CellLog, replay } from './cell-log';
import { cellParser, RowsBuilder, sheetValues, type ValueContext } from './xlsx-values';
import type { HalfSheetJob, HalfSheetReply } from './xlsx-values-worker';

/** Worksheet XML this long (bytes) or longer is read in halves: below it, starting a worker costs more than it saves. */
export const HALVES_FROM_BYTES = 8 << 20;

/** What the part's first bytes say: its root tag's name, its sheetData tag's name and where that tag ends. */
interface Prolog {
  root: string;
  sheetData: string;
  end: number;
}

export interface HalvesOptions {
  /** The part's size as the zip declares it; undefined: read on this thread. */
  size?: number;
  /** A fresh stream of the part's bytes, to read it again whole; undefined: read on this thread. */
  reopen?: () => AsyncIterable<Buffer>;
  /** Receives every chunk in order as it is read (the caller keeps the part's bytes). */
  into?: Buffer[];
  /** The size from which the part is read in halves. */
  fromBytes?: number;
  /** Told how the part was read: in halves, or whole on this thread. */
  told?: (how: 'halves' | 'whole') => void;
}

/** Bytes of a part read before its opening tags must have been found. */
const OPENING_BYTES = 1 << 24;

/**
 * The values of one worksheet, as sheetValues reads them, from its XML in chunks. When the part is large, a worker
 * thread parses its first half as it is inflated while this thread parses the rest: the XML is cut at the first
 * row tag past the middle, the worker's half closed there, this thread's half opened with the part's own opening
 * tags. Both halves are logged (cell-log.ts) and the logs replayed in document order, so the rows are built exactly
 * as one parser would build them. Whenever the cut cannot be made or a half fails to parse, the part is read
 * again whole on this thread, so the result (or the error) is always sheetValues's own. Neither half is held
 * longer than it is parsed.
 */
export async function sheetValuesInHalves(
  chunks: AsyncIterable<Buffer>,
  ctx: ValueContext,
  part: string,
  columnsOf: ((header: Cell[]) => readonly number[] | undefined) | undefined,
  options: HalvesOptions = {},
): Promise<Cell[][]> {
  const { size, reopen, into, fromBytes = HALVES_FROM_BYTES, told = () => undefined } = options;
  const it = chunks[Symbol.asyncIterator]();
  const next = async (): Promise<Buffer | undefined> => {
    const n = await it.next();
    if (n.done) return undefined;
    into?.push(n.value);
    return n.value;
  };
  async function* remaining(): AsyncGenerator<Buffer> {
    for (let b = await next(); b; b = await next()) yield b;
  }
  if (size === undefined || size < fromBytes || !reopen) {
    told('whole');
    return sheetValues(remaining(), ctx, part, columnsOf);
  }
  const again = async (): Promise<Cell[][]> => {
    told('whole');
    // The caller keeping the bytes gets all of them, once each; otherwise the stream is left where it is.
    if (into) while (await next());
    else await it.return?.();
    return sheetValues(reopen(), ctx, part, columnsOf);
  };

  const mid = Math.floor(size / 2);
  let worker: ReturnType<typeof startWorker>;
  try {
    worker = startWorker({ part, dateStyles: [...ctx.dateStyles], date1904: ctx.date1904 });
  } catch {
    // No thread to be had (a process at its limit): one thread reads it all.
    told('whole');
    return sheetValues(remaining(), ctx, part, columnsOf);
  }
  try {
    let got = 0;
    // The first chunks, until the part's opening tags (up to sheetData's) are among them.
    let head: Buffer[] = [];
    let opening: { bytes: Buffer; prolog: Prolog } | undefined;
    const declarations = new Declarations();
    // From the middle on, chunks wait here until the cut is found.
    let waiting: Buffer[] = [];
    let waitingFrom = 0;
    let rest: Buffer | undefined;
    for (let b = await next(); b; b = rest ? undefined : await next()) {
      if (!opening) {
        head.push(b);
        const bytes = Buffer.concat(head);
        const prolog = prologOf(bytes);
        if (prolog) opening = { bytes: Buffer.from(bytes.subarray(0, prolog.end)), prolog };
        else if (bytes.length > OPENING_BYTES) break;
        if (opening) head = [];
      }
      if (got + b.length < mid) {
        declarations.scan(b, got);
        worker.post(b);
        got += b.length;
        continue;
      }
      if (waiting.length === 0) waitingFrom = got;
      waiting.push(b);
      got += b.length;
      const window = waiting.length === 1 ? b : Buffer.concat(waiting);
      const at = rowTagFrom(window, Math.max(0, mid - waitingFrom));
      if (at === undefined) continue;
      declarations.scan(window.subarray(0, at), waitingFrom);
      if (!opening || opening.prolog.end > waitingFrom + at || declarations.seen || !numbered(window, at))
        break;
      worker.post(window.subarray(0, at));
      worker.post(Buffer.from(`</${opening.prolog.sheetData}></${opening.prolog.root}>`));
      worker.end();
      rest = window.subarray(at);
    }
    if (!opening || !rest) return await again();
    // A parse error sends the part to be read again whole; an error reading the part (a bad zip) goes up.
    const second = new CellLog(ctx);
    const parser = cellParser(part, second);
    const decoder = new StringDecoder('utf8');
    let parsed = true;
    const write = (text: string) => {
      if (!parsed) return;
      try {
        parser.write(text);
      } catch {
        parsed = false;
      }
    };
    write(decoder.write(opening.bytes));
    write(decoder.write(rest));
    rest = undefined;
    waiting = [];
    for (let b = await next(); b; b = await next()) write(decoder.write(b));
    write(decoder.end());
    if (parsed) {
      try {
        parser.close();
      } catch {
        parsed = false;
      }
    }
    const reply = parsed ? await worker.reply : undefined;
    if (!reply || 'error' in reply) return await again();
    const rows = new RowsBuilder(ctx, columnsOf);
    replay(reply.log, ctx.sharedStrings, rows);
    replay(second.done(), ctx.sharedStrings, rows);
    told('halves');
    return rows.finish();
  } finally {
    await worker.stop();
  }
}

/**
 * Watches the chunks before the cut for `<!` (a comment, CDATA section or DOCTYPE) and `<?` (a processing
 * instruction) other than the XML declaration that opens the part: with one before it, a row tag at the cut might
 * be text, or an entity might be declared.
 */
class Declarations {
  seen = false;
  private last = 0;

  /** Scans `bytes`, found at `offset` in the part. */
  scan(bytes: Buffer, offset: number): void {
    if (this.seen || bytes.length === 0) return;
    const across = this.last === 0x3c && (bytes[0] === 0x21 || bytes[0] === 0x3f);
    const question = bytes.indexOf('<?');
    this.seen =
      (across && !opensPart(offset - 1)) ||
      bytes.indexOf('<!') >= 0 ||
      (question >= 0 && (!opensPart(offset + question) || bytes.indexOf('<?', question + 2) >= 0));
    this.last = bytes[bytes.length - 1];
  }
}

/** Where the XML declaration may stand: at the start, or after a byte order mark. */
const opensPart = (at: number) => at === 0 || at === 3;

/** Where the first row tag (`<row`, `<x:row`) at or after `from` starts, once its whole tag is in `xml`. */
function rowTagFrom(xml: Buffer, from: number): number | undefined {
  for (let i = xml.indexOf('<', from); i >= 0; i = xml.indexOf('<', i + 1)) {
    const tag = tagAt(xml, i);
    if (tag === null) return undefined;
    if (tag && local(tag.name) === 'row') return i;
  }
  return undefined;
}

/** Whether the row tag at `at` has its own number (`r`), without which the second half's rows could not be numbered. */
function numbered(xml: Buffer, at: number): boolean {
  const tag = tagAt(xml, at);
  return Boolean(tag && /\sr\s*=\s*("\d+"|'\d+')/.test(xml.toString('latin1', at, tag.end)));
}

/**
 * The root and sheetData tags of a worksheet's XML, from its first bytes: undefined until sheetData's open tag is
 * among them, and when it closes itself (a sheet without rows).
 */
function prologOf(head: Buffer): Prolog | undefined {
  const decl = head.indexOf('<?');
  const root = tagAt(head, head.indexOf('<', decl >= 0 ? head.indexOf('?>', decl) + 2 : 0));
  const data = head.indexOf('sheetData');
  if (!root || data < 0) return undefined;
  const open = head.lastIndexOf('<', data);
  const sheetData = tagAt(head, open);
  if (!sheetData || local(sheetData.name) !== 'sheetData' || open + 1 + sheetData.name.length !== data + 9)
    return undefined;
  if (sheetData.selfClosed) return undefined;
  return { root: root.name, sheetData: sheetData.name, end: sheetData.end };
}

/**
 * The tag opening at `at` (`<name ...>`): its name, where it ends, whether it closes itself; undefined for anything
 * else; null when `xml` ends before the tag does.
 */
function tagAt(
  xml: Buffer,
  at: number,
): { name: string; end: number; selfClosed: boolean } | undefined | null {
  if (at < 0 || xml[at] !== 0x3c) return undefined;
  let i = at + 1;
  while (i < xml.length && isNameByte(xml[i])) i++;
  if (i === xml.length) return null;
  if (i === at + 1) return undefined;
  const end = xml.indexOf('>', i);
  if (end < 0) return null;
  return { name: xml.toString('latin1', at + 1, i), end: end + 1, selfClosed: xml[end - 1] === 0x2f };
}

/** Letters, digits, `_`, `-`, `.` and `:`: the names of a worksheet's tags. */
function isNameByte(b: number): boolean {
  return (
    (b >= 0x61 && b <= 0x7a) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x30 && b <= 0x3a) ||
    b === 0x5f ||
    b === 0x2d ||
    b === 0x2e
  );
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** A worker parsing the second half: chunks posted to it as copies of their own, its reply once they end. */
function startWorker(job: HalfSheetJob): {
  post(chunk: Buffer): void;
  end(): void;
  reply: Promise<HalfSheetReply | undefined>;
  stop(): Promise<void>;
} {
  const ext = path.extname(__filename);
  // Under the tests the sources run as TypeScript: the worker is compiled as it loads, as they are.
  const worker = new Worker(path.join(__dirname, `xlsx-values-worker${ext}`), {
    workerData: { halfSheet: job },
    execArgv: ext === '.ts' ? ['--require', 'ts-node/register/transpile-only'] : undefined,
  });
  const reply = new Promise<HalfSheetReply | undefined>((resolve) => {
    worker.once('message', resolve);
    worker.on('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return {
    post(chunk) {
      const copy = new Uint8Array(chunk.length);
      copy.set(chunk);
      worker.postMessage(copy, [copy.buffer]);
    },
    end: () => worker.postMessage(null),
    reply,
    stop: async () => void (await worker.terminate()),
  };
}
