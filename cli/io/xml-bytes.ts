// A sheet's rows as bytes as soon as each is made: its markup is ASCII, so each row is one native copy.
import { CHUNK_BYTES } from './zip-writer';

/** Bytes a part's rows are gathered in before they are handed on: the zip writer's batch size. */
export const ROW_BYTES = CHUNK_BYTES;

/**
 * A growing byte buffer for ASCII markup. Each `take` hands over the bytes so far in a buffer of their own and starts
 * a fresh one, so what was handed over is never written again.
 */
export class XmlBytes {
  private buf: Buffer;
  private pos = 0;

  constructor(private readonly capacity = ROW_BYTES) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  get length(): number {
    return this.pos;
  }

  /**
   * Markup made of ASCII alone (tags, references, numbers, style and shared-string ids), a byte a character. Text
   * that is not ASCII (a value) must never come here: it goes in the shared strings.
   */
  ascii(s: string): void {
    this.room(s.length);
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }

  /** The bytes so far, in a buffer of their own; the next bytes go in a fresh one. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.capacity);
    this.pos = 0;
    return out;
  }

  /** Makes room for n more bytes, copying into a larger buffer when needed (a row longer than the batch). */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }
}
