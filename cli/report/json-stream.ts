// JSON written piece by piece, byte for byte what JSON.stringify(value, null, 2) would give, so a report with a
// million results is never one string (V8 caps a string near 512 MB: "Invalid string length").

/** An array whose items are made one at a time, as they are written. */
export class Streamed {
  constructor(
    readonly items: Iterable<unknown>,
    /** The items are plain data with no Streamed inside (a report's rows): none is searched for one. */
    readonly flat = false,
  ) {}
}

const INDENT = '  ';

/**
 * About this many characters of items are stringified together: a million items are a few thousand calls and
 * chunks, not millions of small strings, and no chunk is large enough to outlive its turn.
 */
const BATCH_CHARS = 16_000;
/** Items a batch at most, however small: a batch is held until it is written. */
const MAX_BATCH_ITEMS = 1024;

/** `JSON.stringify(value, null, 2) ?? 'null'`, every line after the first indented by `pad` more. */
function indented(value: unknown, pad: string): string {
  // Strings in JSON carry no raw line break, so every break is JSON.stringify's own indentation.
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return pad === '' ? text : text.replace(/\n/g, `\n${pad}`);
}

/**
 * The items of an array at `depth`, as JSON.stringify(…, null, 2) writes them there, without the brackets: from the
 * first item's first character to the last item's last, separated by `,` and a line break. One call for them all:
 * wrapped in `depth` arrays more, JSON.stringify indents them itself, so no item's text is made twice.
 */
function itemsText(items: unknown[], depth: number): string {
  let wrapped: unknown = items;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Before the first item, `[` and a line break and the next level's indent at each level; after the last, the same
  // levels' line breaks, indents and `]` (items are never empty here, so each level has them).
  const levels = depth + 1;
  return text.slice(levels * (depth + 4), text.length - levels * (depth + 2));
}

/** `JSON.stringify(value, null, 2)` in chunks; `Streamed` arrays are walked lazily, anything else stringified whole. */
export function* prettyJson(value: unknown, depth = 0): Generator<string> {
  const pad = INDENT.repeat(depth);
  if (Array.isArray(value) && holdsStreamed(value)) {
    yield* prettyJson(new Streamed(value), depth);
  } else if (value instanceof Streamed) {
    const itemPad = pad + INDENT;
    let batch: unknown[] = [];
    // Items a batch: after each batch, as many as would have made BATCH_CHARS, and never more than twice as many
    // as the last, so that small items followed by large ones make a few large chunks, not one vast one.
    let size = 16;
    let first = true;
    const head = () => {
      const text = `${first ? '[' : ','}\n${itemPad}`;
      first = false;
      return text;
    };
    function* flush(): Generator<string> {
      const items = batch;
      batch = [];
      let text: string;
      try {
        text = itemsText(items, depth);
      } catch (e) {
        // Too long for one string (V8 caps them near 512 MB): item by item, as each would be alone.
        if (!(e instanceof RangeError) || items.length === 1) throw e;
        size = 1;
        for (const item of items) yield head() + indented(item === undefined ? null : item, itemPad);
        return;
      }
      const fits = Math.round((items.length * BATCH_CHARS) / text.length);
      size = Math.max(1, Math.min(MAX_BATCH_ITEMS, 2 * items.length, fits));
      yield head() + text;
    }
    for (const item of value.items) {
      if (!value.flat && holdsStreamed(item)) {
        if (batch.length > 0) yield* flush();
        yield head();
        yield* prettyJson(item, depth + 1);
        continue;
      }
      batch.push(item);
      if (batch.length >= size) yield* flush();
    }
    if (batch.length > 0) yield* flush();
    yield first ? '[]' : `\n${pad}]`;
  } else if (holdsStreamed(value)) {
    const entries = Object.entries(value as object).filter(
      ([, v]) => v !== undefined && typeof v !== 'function',
    );
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    yield '{\n';
    for (let i = 0; i < entries.length; i++) {
      yield `${pad}${INDENT}${JSON.stringify(entries[i][0])}: `;
      yield* prettyJson(entries[i][1], depth + 1);
      yield i < entries.length - 1 ? ',\n' : `\n${pad}}`;
    }
  } else {
    yield indented(value, pad);
  }
}

/** A plain object or array with a `Streamed` somewhere inside: it is walked, not stringified whole. */
function holdsStreamed(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof Streamed) return true;
  if (Array.isArray(value)) {
    for (const v of value) if (holdsStreamed(v)) return true;
    return false;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  // No array of the values a call: this runs once for every item of a report.
  for (const key in value)
    if (
      Object.prototype.hasOwnProperty.call(value, key) &&
      holdsStreamed((value as Record<string, unknown>)[key])
    )
      return true;
  return false;
}
