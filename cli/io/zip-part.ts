// A zip part's bytes inflated by Node's zlib straight from the file's buffer, a megabyte at a time.
import { Readable } from 'stream';
import * as zlib from 'zlib';

/** What unzipper's central directory says of a part (its typings leave these out: each is checked here). */
export interface ZipEntry {
  offsetToLocalFileHeader?: unknown;
  compressedSize?: unknown;
  compressionMethod?: unknown;
  flags?: unknown;
  uncompressedSize?: unknown;
  crc32?: unknown;
}

const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Bytes handed on at a time. unzipper's own stream hands on 16 KB through three streams: five times slower. */
const CHUNK_BYTES = 1 << 20;

/**
 * The part's bytes as they are inflated, or undefined when they cannot be read this way (encrypted, another
 * compression method, a local header that is not where the directory says): the caller then reads unzipper's stream.
 */
export function inflatedPart(bytes: Buffer, entry: ZipEntry): AsyncIterable<Buffer> | undefined {
  const { offsetToLocalFileHeader: at, compressedSize: size, compressionMethod: method, flags } = entry;
  const { uncompressedSize: length, crc32 } = entry;
  if (!isCount(at) || !isCount(size) || !isCount(flags) || flags & 1) return undefined;
  if (!isCount(length) || !isCount(crc32)) return undefined;
  if (method !== STORED && method !== DEFLATED) return undefined;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) return undefined;
  const from = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const to = from + size;
  if (to > bytes.length) return undefined;
  const data = bytes.subarray(from, to);
  const bytesOf =
    method === STORED
      ? slices(data)
      : (Readable.from([data], { objectMode: false }).pipe(
          zlib.createInflateRaw({ chunkSize: CHUNK_BYTES }),
        ) as AsyncIterable<Buffer>);
  return checked(bytesOf, length, crc32);
}

/** Node's own CRC-32 (Node 20.15 and later); without it the length alone is checked. */
const crcOf = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/**
 * The bytes, failing once they outgrow the length the zip records or end at another length or CRC-32: a damaged
 * part is refused, never read as other values (unzipper's own stream checks neither).
 */
async function* checked(
  chunks: AsyncIterable<Buffer>,
  length: number,
  crc32: number,
): AsyncGenerator<Buffer> {
  let got = 0;
  let crc = 0;
  const damaged = () =>
    new Error('the part does not match its length or checksum in the zip: the file is damaged');
  for await (const chunk of chunks) {
    got += chunk.length;
    if (got > length) throw damaged();
    if (crcOf) crc = crcOf(chunk, crc);
    yield chunk;
  }
  if (got !== length || (crcOf && crc >>> 0 !== crc32)) throw damaged();
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

async function* slices(data: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += CHUNK_BYTES) yield data.subarray(i, i + CHUNK_BYTES);
}
