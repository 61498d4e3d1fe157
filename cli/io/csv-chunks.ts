// CSV text made a batch of rows at a time, so a sheet or report of any length is never one string.
import type { WriteCell } from '../../core';

/**
 * Rows go to `stringify` in batches of about this many characters: each batch is one chunk, and no chunk grows
 * with the run. A chunk stays well below V8's large-object size (128 KB): a large string is moved to the old
 * generation as soon as a young-generation collection finds it alive, and 1000-row chunks (160 KB) grew the heap
 * by 300 MB of such garbage at 10 M rows; a small one dies young.
 */
export const BATCH_CHARS = 16_000;

/** A cell that is not text counts as this many characters (a date, a number, TRUE). */
const OTHER_CHARS = 10;

/**
 * The CSV of `rows`, in chunks whose concatenation is `stringify(all rows)`: each record is written on its own
 * by the CSV writer, so cutting between rows changes no byte.
 */
export function* csvChunks(
  rows: Iterable<WriteCell[]>,
  stringify: (rows: WriteCell[][]) => string,
): Generator<string> {
  let batch: WriteCell[][] = [];
  let chars = 0;
  for (const row of rows) {
    batch.push(row);
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      chars += typeof cell === 'string' ? cell.length : OTHER_CHARS;
    }
    if (chars >= BATCH_CHARS) {
      yield stringify(batch);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield stringify(batch);
}
