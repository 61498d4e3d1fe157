// Text made in chunks (a report), gathered as UTF-8 in one reused buffer and handed on about a megabyte at a time.

/** Bytes gathered before each hand-over: big enough that a million small chunks are few writes. */
export const GATHER_BYTES = 1 << 20;

/** UTF-8 takes at most 3 bytes for one UTF-16 unit (a surrogate pair: 4 bytes for 2). */
const MAX_UTF8_PER_UNIT = 3;

/**
 * Encodes each chunk into one reused buffer at once, and calls `flush` with the bytes gathered whenever the next
 * chunk might not fit, and at the end; a chunk too large for the buffer is handed over on its own. `flush` must
 * be done with the bytes when it returns: the buffer is reused.
 *
 * Why bytes and not a list of strings joined once a megabyte had gathered: those strings lived through
 * young-generation collections and were moved to the old one, where they stayed as garbage until a full
 * collection. A CSV report, which makes a lot of short-lived garbage per byte written, grew the heap by a
 * gigabyte that way at 10 M rows. Here no chunk outlives its turn.
 */
export function gatherBytes(chunks: Iterable<string>, flush: (bytes: Buffer) => void): void {
  const buffer = Buffer.allocUnsafe(GATHER_BYTES);
  let used = 0;
  for (const chunk of chunks) {
    const most = chunk.length * MAX_UTF8_PER_UNIT;
    if (used > 0 && used + most > GATHER_BYTES) {
      flush(buffer.subarray(0, used));
      used = 0;
    }
    if (most > GATHER_BYTES) flush(Buffer.from(chunk, 'utf8'));
    else used += buffer.write(chunk, used, 'utf8');
  }
  if (used > 0) flush(buffer.subarray(0, used));
}
