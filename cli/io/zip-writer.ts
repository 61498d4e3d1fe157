// A zip archive written entry by entry to an open file, each entry deflated in chunks as its text is made.
import * as fs from 'fs';
import * as zlib from 'zlib';

/** Sizes and offsets a zip without its ZIP64 extension can record. */
const ZIP32_MAX = 0xffffffff;
/** Text gathered before it is deflated and written: few system calls, bounded memory. */
const CHUNK_BYTES = 1 << 20;
/** Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  compressed: number;
}

/**
 * Writes a zip to `fd` with synchronous writes (each one a step a failure can cut; the caller owns the file and
 * its transaction). An entry's data is deflated chunk by chunk: each chunk ends with a sync flush, so the
 * chunks make one valid deflate stream and no entry is ever held whole.
 */
export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private readonly time = dosTime(new Date());

  constructor(
    private readonly fd: number,
    /** Level 1: an .xlsx is repetitive XML, which the fastest level already shrinks about tenfold. */
    private readonly level = 1,
  ) {}

  /** Adds one entry from its chunks (strings are UTF-8); entries are written in the order they are added. */
  async add(name: string, chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>): Promise<void> {
    const entry: Entry = {
      name: Buffer.from(name, 'utf8'),
      offset: this.offset,
      crc: 0,
      size: 0,
      compressed: 0,
    };
    this.write(this.localHeader(entry));
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = (last: boolean) => {
      const data = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      entry.crc = crc32(data, entry.crc);
      entry.size += data.length;
      const out = zlib.deflateRawSync(data, {
        level: this.level,
        finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
      });
      entry.compressed += out.length;
      this.write(out);
    };
    for await (const chunk of chunks) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= CHUNK_BYTES) flush(false);
    }
    flush(true);
    if (entry.size > ZIP32_MAX || entry.compressed > ZIP32_MAX)
      throw new Error(`${name} is larger than the 4 GB a workbook part can be`);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    this.write(descriptor);
    this.entries.push(entry);
  }

  /** Writes the central directory; the archive is complete once this returns. */
  finish(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(VERSION, 4);
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(this.time.time, 12);
      h.writeUInt16LE(this.time.date, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.write(Buffer.concat([h, e.name]));
    }
    const size = this.offset - start;
    if (this.offset > ZIP32_MAX || this.entries.length > 0xffff)
      throw new Error('the workbook is larger than the 4 GB an .xlsx Rulesheet writes can be');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
  }

  private localHeader(e: Entry): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(VERSION, 4);
    h.writeUInt16LE(FLAGS, 6);
    h.writeUInt16LE(DEFLATE, 8);
    h.writeUInt16LE(this.time.time, 10);
    h.writeUInt16LE(this.time.date, 12);
    h.writeUInt16LE(e.name.length, 26);
    return Buffer.concat([h, e.name]);
  }

  private write(buf: Buffer): void {
    if (this.offset + buf.length > ZIP32_MAX)
      throw new Error('the workbook is larger than the 4 GB an .xlsx Rulesheet writes can be');
    let done = 0;
    while (done < buf.length) done += fs.writeSync(this.fd, buf, done, buf.length - done);
    this.offset += buf.length;
  }
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** zlib's CRC-32 where Node has it (20.15 and later), else a table. */
const crc32: (data: Buffer, previous: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (data, previous) => (zlib as unknown as { crc32(d: Buffer, p: number): number }).crc32(data, previous)
    : tableCrc32;

let table: Int32Array | undefined;
function tableCrc32(data: Buffer, previous: number): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = ~previous;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
