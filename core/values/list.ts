// Lists in cells: splitting an Expected list, and reading a value as a list for the includes family.
import type { Value } from '../types';
import { isObject } from './coerce';
import { enterLevel } from './json-depth';

/**
 * Splits Expected into items: comma or new-line separated, each item trimmed, blank items dropped.
 * Double quotes around an item keep its commas and spaces (`"a, b", c` → `a, b` and `c`); `""` inside
 * quotes is one quote; a quoted empty item `""` is kept as empty text. An unclosed quote runs to the end.
 */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    while (i < n && isSpace(text[i])) i++;
    let item = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      while (i < n) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            item += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        item += text[i++];
      }
    }
    // Unquoted text, or anything written after a closing quote, runs to the next separator.
    let rest = '';
    while (i < n && !isSeparator(text[i])) rest += text[i++];
    item = quoted ? item + rest.trim() : rest.trim();
    if (quoted || item !== '') items.push(item);
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
  }
  return items;
}

function isSeparator(c: string): boolean {
  return c === ',' || c === '\n' || c === '\r';
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t';
}

/**
 * A value read as a list, for includes, includes any/none/all of and the counts:
 * a list is itself; text holding a JSON array (`["a","b"]`) is parsed; other text is split like
 * Expected (commas or new lines; blank text is an empty list), because a cell cannot hold a list;
 * a number, TRUE/FALSE or a date is a list of that one value. An object is not a list: undefined.
 */
export function toList(value: Value): Value[] | undefined {
  if (Array.isArray(value)) return value;
  if (value === undefined || isObject(value)) return undefined;
  if (typeof value !== 'string') return [value];
  const trimmed = value.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    const parsed = parseJsonList(trimmed);
    if (parsed) return parsed;
  }
  return splitList(value);
}

function parseJsonList(text: string): Value[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map((x) => fromJson(x, 1)) : undefined;
  } catch {
    // Not JSON, or nested past the bound (too deep to walk without overflowing the stack): read as plain text.
    return undefined;
  }
}

/** JSON into a Value: null becomes missing. */
function fromJson(json: unknown, depth: number): Value {
  if (json === null || json === undefined) return undefined;
  if (Array.isArray(json)) {
    const inner = enterLevel(depth);
    return json.map((x) => fromJson(x, inner));
  }
  if (typeof json === 'object') {
    const inner = enterLevel(depth);
    // No prototype, so a `__proto__` key is kept as a key (see resolve.ts).
    const out: { [key: string]: Value } = Object.create(null);
    for (const [k, v] of Object.entries(json as Record<string, unknown>)) out[k] = fromJson(v, inner);
    return out;
  }
  if (typeof json === 'string' || typeof json === 'number' || typeof json === 'boolean') return json;
  return undefined;
}
