// One entry of a zip in memory inflated natively as a stream (JSZip inflates in JavaScript): for the large parts read for their values.
import { Readable } from 'stream';
import * as zlib from 'zlib';

const SLICE = 1 << 20;

/**
 * The entry's bytes as they are inflated, or undefined when this reader cannot find it (a zip it does not
 * know: ZIP64, encrypted, another method); the caller then reads the entry another way.
 */
export function entryStream(zip: Buffer, name: string): AsyncIterable<Buffer> | undefined {
  const at = entryData(zip, name);
  if (!at) return undefined;
  const slices = function* () {
    for (let i = 0; i < at.data.length; i += SLICE) yield at.data.subarray(i, i + SLICE);
  };
  if (at.method === 0) return Readable.from(slices());
  return Readable.from(slices()).pipe(zlib.createInflateRaw());
}

function entryData(zip: Buffer, name: string): { method: number; data: Buffer } | undefined {
  const end = endOfCentralDirectory(zip);
  if (end < 0) return undefined;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const wanted = Buffer.from(name, 'utf8');
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return undefined;
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.subarray(at + 46, at + 46 + nameLength).equals(wanted)) {
      if (flags & 1 || (method !== 0 && method !== 8) || compressed === 0xffffffff || local === 0xffffffff)
        return undefined;
      if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) return undefined;
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      if (start + compressed > zip.length) return undefined;
      return { method, data: zip.subarray(start, start + compressed) };
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
}

/** Where the end-of-central-directory record starts (-1 when there is none). */
function endOfCentralDirectory(zip: Buffer): number {
  const last = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= last; i--) if (zip.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}
