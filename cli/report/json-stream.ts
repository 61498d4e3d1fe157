// JSON written piece by piece, byte for byte what JSON.stringify(value, null, 2) would give, so a report with a
// million results is never one string (V8 caps a string near 512 MB: "Invalid string length").

/** An array whose items are made one at a time, as they are written. */
export class Streamed {
  constructor(readonly items: Iterable<unknown>) {}
}

const INDENT = '  ';

/**
 * A Streamed array's items are gathered into chunks of about this many characters: a million items are a few
 * thousand chunks to encode, not millions of small strings, and no chunk is large enough to outlive its turn.
 */
const BATCH_CHARS = 16_000;

/** `JSON.stringify(value, null, 2) ?? 'null'`, every line after the first indented by `pad` more. */
function indented(value: unknown, pad: string): string {
  // Strings in JSON carry no raw line break, so every break is JSON.stringify's own indentation.
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return pad === '' ? text : text.replace(/\n/g, `\n${pad}`);
}

/** `JSON.stringify(value, null, 2)` in chunks; `Streamed` arrays are walked lazily, anything else stringified whole. */
export function* prettyJson(value: unknown, depth = 0): Generator<string> {
  const pad = INDENT.repeat(depth);
  if (Array.isArray(value) && holdsStreamed(value)) {
    yield* prettyJson(new Streamed(value), depth);
  } else if (value instanceof Streamed) {
    const itemPad = pad + INDENT;
    let parts: string[] = [];
    let chars = 0;
    let first = true;
    for (const item of value.items) {
      const head = `${first ? '[' : ','}\n${itemPad}`;
      first = false;
      const v = item === undefined ? null : item;
      if (holdsStreamed(v)) {
        parts.push(head);
        yield parts.join('');
        parts = [];
        chars = 0;
        yield* prettyJson(v, depth + 1);
        continue;
      }
      const text = indented(v, itemPad);
      parts.push(head, text);
      chars += head.length + text.length;
      if (chars >= BATCH_CHARS) {
        yield parts.join('');
        parts = [];
        chars = 0;
      }
    }
    if (parts.length > 0) yield parts.join('');
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
