// JSON written piece by piece, byte for byte what JSON.stringify(value, null, 2) would give, so a report with a
// million results is never one string (V8 caps a string near 512 MB: "Invalid string length").

/** An array whose items are made one at a time, as they are written. */
export class Streamed {
  constructor(readonly items: Iterable<unknown>) {}
}

const INDENT = '  ';

/** `JSON.stringify(value, null, 2)` in chunks; `Streamed` arrays are walked lazily, anything else stringified whole. */
export function* prettyJson(value: unknown, depth = 0): Generator<string> {
  const pad = INDENT.repeat(depth);
  if (Array.isArray(value) && holdsStreamed(value)) {
    yield* prettyJson(new Streamed(value), depth);
  } else if (value instanceof Streamed) {
    let first = true;
    for (const item of value.items) {
      yield first ? '[\n' : ',\n';
      first = false;
      yield pad + INDENT;
      yield* prettyJson(item === undefined ? null : item, depth + 1);
    }
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
    // Strings in JSON carry no raw line break, so every break is JSON.stringify's own indentation.
    const text = JSON.stringify(value, null, 2) ?? 'null';
    yield depth === 0 ? text : text.replace(/\n/g, `\n${pad}`);
  }
}

/** A plain object or array with a `Streamed` somewhere inside: it is walked, not stringified whole. */
function holdsStreamed(value: unknown): boolean {
  if (value instanceof Streamed) return true;
  if (Array.isArray(value)) return value.some(holdsStreamed);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype)
    return false;
  for (const v of Object.values(value)) if (holdsStreamed(v)) return true;
  return false;
}
