// A zip written entry by entry with archiver into an open file, each entry deflated as a stream as its text is made.
import archiver from 'archiver';
import * as fs from 'fs';
import { Readable } from 'stream';
import { useNativeCrc } from './native-crc';

/** Text gathered before it is handed to the deflate stream: few round trips, bounded memory. */
export const CHUNK_BYTES = 1 << 18;
/** zlib's output buffer: larger than a chunk's deflated size, so a chunk is deflated in one trip to zlib's thread. */
const DEFLATE_OUTPUT_BYTES = 1 << 20;

/**
 * Writes a zip to `fd` (the caller owns the file and its transaction) through a write stream that leaves the
 * descriptor open. Entries are added one at a time, each read from its chunks only while archiver deflates it, so
 * no entry is held whole and an entry's chunks may depend on what earlier entries' chunks did.
 */
export class ZipWriter {
  private readonly archive: archiver.Archiver;
  private readonly out: fs.WriteStream;
  private readonly failed: Promise<never>;
  private fail: (err: Error) => void = () => undefined;

  constructor(
    fd: number,
    /** Level 1: an .xlsx is repetitive XML, which the fastest level already shrinks about tenfold. */
    level = 1,
  ) {
    useNativeCrc();
    this.out = fs.createWriteStream('', { fd, autoClose: false });
    // archiver hands these to zlib (its typings name only the level). With zlib's default 16 KB output buffer, each
    // chunk of XML took several trips between zlib's thread and this one, each waiting for the next chunk to be made.
    const zlib = { level, chunkSize: DEFLATE_OUTPUT_BYTES } as { level: number };
    this.archive = archiver('zip', { zlib });
    let error: Error | undefined;
    this.failed = new Promise<never>((_resolve, reject) => {
      this.fail = (err: Error) => {
        if (error) return;
        error = err;
        reject(err);
      };
    });
    // Awaited only in a race; a failure between entries is seen by the next call.
    this.failed.catch(() => undefined);
    this.archive.on('error', this.fail);
    this.archive.on('warning', this.fail);
    this.out.on('error', this.fail);
    this.archive.pipe(this.out);
  }

  /** Adds one entry from its chunks (strings are UTF-8); resolves once archiver has written all of it. */
  async add(name: string, chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>): Promise<void> {
    let onEntry: (entry: archiver.EntryData) => void = () => undefined;
    const written = new Promise<void>((resolve) => {
      onEntry = (entry) => entry.name === name && resolve();
      this.archive.on('entry', onEntry);
    });
    try {
      const source = new EntrySource(batched(chunks), this.fail);
      source.once('error', this.fail);
      this.archive.append(source, { name });
      await Promise.race([written, this.failed]);
    } finally {
      this.archive.off('entry', onEntry);
    }
  }

  /** Writes the central directory; the archive is complete, and on disk as far as the stream goes, once this resolves. */
  async finish(): Promise<void> {
    const flushed = new Promise<void>((resolve) => this.out.once('finish', resolve));
    await Promise.race([this.archive.finalize(), this.failed]);
    await Promise.race([flushed, this.failed]);
  }

  /**
   * After a failure: stops the archive and lets the stream write what it holds (or stop at its error), so no
   * write to the descriptor is pending when the caller closes it. The descriptor is left open.
   */
  async abort(): Promise<void> {
    this.archive.unpipe(this.out);
    this.archive.abort();
    if (this.out.errored || this.out.writableFinished) return;
    await new Promise<void>((resolve) => {
      this.out.once('finish', resolve);
      this.out.once('error', () => resolve());
      this.out.end();
    });
  }
}

/**
 * An entry's bytes, read on demand. archiver pipes it into its deflate stream and waits for that stream's end; an
 * error there would leave it waiting for ever, so the error is passed on to `onPipeError` instead.
 */
class EntrySource extends Readable {
  constructor(
    private readonly chunks: AsyncIterator<Buffer>,
    private readonly onPipeError: (err: Error) => void,
  ) {
    super();
  }

  override _read(): void {
    this.chunks.next().then(
      ({ done, value }) => this.push(done ? null : value),
      (err: Error) => this.destroy(err),
    );
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    destination.once('error', this.onPipeError);
    return super.pipe(destination, options);
  }
}

/** The chunks as UTF-8 buffers of about CHUNK_BYTES. */
async function* batched(
  chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    pending.push(buf);
    size += buf.length;
    if (size >= CHUNK_BYTES) {
      yield pending.length === 1 ? pending[0] : Buffer.concat(pending, size);
      pending = [];
      size = 0;
    }
  }
  if (size > 0) yield pending.length === 1 ? pending[0] : Buffer.concat(pending, size);
}
