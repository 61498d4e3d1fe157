// Coercing values the way a spreadsheet user reads them: numbers, TRUE/FALSE, dates and text.
import type { Value } from '../types';
import { cellDate, isoDateOrTime } from './cells';
import { lowerCase } from './lower';

const PLAIN_NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
// `1,000` and `12,345.67` read as numbers, as a spreadsheet shows them; `1,5` and `1,00` stay text.
const GROUPED_NUMBER = /^\s*[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*$/;
const MAX_EXACT_DIGITS = 15;

/**
 * A number from a number or numeric text (`"90"`, `" 2.5 "`, `"1,000"`, `"1e3"`); undefined otherwise.
 * `"100%"`, `"$5"`, TRUE/FALSE and dates are not numbers. Integer text longer than 15 digits (account
 * and card numbers) stays text, so two different IDs never round to the same number.
 */
export function toNumber(v: Value): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string' || v.length === 0) return undefined;
  let text = v;
  if (!PLAIN_NUMBER.test(text)) {
    if (!GROUPED_NUMBER.test(text)) return undefined;
    text = text.replace(/,/g, '');
  }
  const n = Number(text);
  if (!Number.isFinite(n)) return undefined;
  if (!Number.isSafeInteger(n) && Number.isInteger(n) && countDigits(text) > MAX_EXACT_DIGITS)
    return undefined;
  return n;
}

function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 101 || c === 69) break; // exponent: the mantissa's digits are what matter
  }
  return digits;
}

/** true/false from a boolean or TRUE/FALSE text in any case; undefined otherwise (yes/no and 1/0 included). */
export function toBoolean(v: Value): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string' || v.length > 7) return undefined;
  // Most text starts with neither t nor f (nor a space): known without trimming or lower-casing it.
  const first = v.charCodeAt(0);
  const lower = first | 0x20;
  if (first > 32 && lower !== 0x74 && lower !== 0x66) return undefined;
  const t = v.trim().toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

/** A date from a Date, ISO text or (when `serials`) an Excel serial number; undefined otherwise. */
export function toDate(v: Value, serials = true): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  if (typeof v === 'number') return serials ? cellDate(v) : undefined;
  if (typeof v === 'string') return looksLikeIsoDate(v) ? cellDate(v) : undefined;
  return undefined;
}

/** The date's epoch milliseconds, as toDate reads it. */
export function toDateMs(v: Value, serials = true): number | undefined {
  if (v instanceof Date) {
    const ms = v.getTime();
    return Number.isNaN(ms) ? undefined : ms;
  }
  return toDate(v, serials)?.getTime();
}

// A cheap test before the full parse: ISO dates start with four digits and a dash.
function looksLikeIsoDate(s: string): boolean {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  if (s.length - i < 10) return false;
  for (let k = i; k < i + 4; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return s.charCodeAt(i + 4) === 45;
}

/** A Date or ISO date text: a value that is a date on its face, whatever the operator. */
export function isDateLike(v: Value): boolean {
  return v instanceof Date || (typeof v === 'string' && toDate(v) !== undefined);
}

/**
 * The text a single value reads as: text itself, numbers as written by JavaScript (`2.5`), TRUE/FALSE,
 * dates as YYYY-MM-DD (full ISO when not midnight UTC). Undefined for lists and objects.
 */
export function toText(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoDateOrTime(v);
  return undefined;
}

/** A plain object (a JSON object), not a list and not a Date. */
export function isObject(v: Value): v is { [key: string]: Value } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/**
 * A value prepared once for fast, repeated equality checks. The rules, in order:
 * lists equal element by element; objects key by key; two numbers (or numeric texts) as numbers;
 * a boolean and TRUE/FALSE text as booleans; a date (Date or ISO text) and another date or an Excel
 * serial number as instants; everything else as text, ignoring case.
 */
export interface Comparand {
  value: Value;
  /** Lower-cased text of a single value. */
  lower?: string;
  /** The lower-cased text is plain ASCII, so lower-casing cannot change a text's length. */
  ascii: boolean;
  num?: number;
  bool?: boolean;
  /** The instant of a date; for a plain number, the instant of it read as an Excel serial. */
  dateMs?: number;
  /** The value is a date on its face (Date or ISO text), so a number meets it as an Excel serial. */
  isDate: boolean;
  list?: Comparand[];
  object?: Map<string, Comparand>;
  /** Set for the `… matching case` operators: text must equal this, letter for letter. */
  exact?: string;
}

/** `exact`: text compares with its case (the `… matching case` operators); numbers, booleans and dates as ever. */
export function comparand(v: Value, exact = false): Comparand {
  const inner = (x: Value) => comparand(x, exact);
  if (Array.isArray(v)) return { value: v, ascii: false, isDate: false, list: v.map(inner) };
  if (isObject(v)) {
    const object = new Map<string, Comparand>();
    for (const key of Object.keys(v)) if (v[key] !== undefined) object.set(key, inner(v[key]));
    return { value: v, ascii: false, isDate: false, object };
  }
  const text = toText(v);
  const lower = text?.toLowerCase();
  const isDate = isDateLike(v);
  return {
    value: v,
    ...(exact && text !== undefined ? { exact: text } : {}),
    lower,
    ascii: lower !== undefined && isAscii(lower),
    num: v instanceof Date ? undefined : toNumber(v),
    bool: toBoolean(v),
    dateMs: isDate || typeof v === 'number' ? toDateMs(v) : undefined,
    isDate,
  };
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Does `actual` equal the prepared value? Allocates nothing for the common text and number cases. */
export function equalsComparand(actual: Value, c: Comparand): boolean {
  if (actual === undefined) return c.value === undefined;
  if (typeof actual === 'object' && !(actual instanceof Date)) return equalsStructure(actual, c);
  if (c.lower === undefined) return false;
  if (c.num !== undefined) {
    const n = typeof actual === 'number' ? actual : typeof actual === 'string' ? toNumber(actual) : undefined;
    if (n !== undefined) return n === c.num;
  }
  if (c.bool !== undefined) {
    const b = toBoolean(actual);
    if (b !== undefined) return b === c.bool;
  }
  if (c.dateMs !== undefined) {
    // A number meets a date (Date or ISO text) as an Excel serial; two numbers met as numbers above.
    const ms = c.isDate ? toDateMs(actual) : typeof actual === 'number' ? undefined : toDateMs(actual);
    if (ms !== undefined) return ms === c.dateMs;
  }
  if (typeof actual === 'string') return textEquals(actual, c);
  const text = toText(actual);
  return text !== undefined && textEquals(text, c);
}

function textEquals(text: string, c: Comparand): boolean {
  if (c.exact !== undefined) return text === c.exact;
  const lower = c.lower as string;
  if (text === lower) return true;
  if (!c.ascii) return text.toLowerCase() === lower;
  if (text.length !== lower.length) return false;
  // Folds A-Z by hand so the hot path allocates nothing; other characters go the slow, exact way.
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32;
    else if (code > 127) return text.toLowerCase() === lower;
    if (code !== lower.charCodeAt(i)) return false;
  }
  return true;
}

function equalsStructure(actual: Value[] | { [key: string]: Value }, c: Comparand): boolean {
  if (Array.isArray(actual)) {
    const list = c.list;
    if (!list || list.length !== actual.length) return false;
    for (let i = 0; i < list.length; i++) if (!equalsComparand(actual[i], list[i])) return false;
    return true;
  }
  const object = c.object;
  if (!object) return false;
  let keys = 0;
  for (const key of Object.keys(actual)) {
    if (actual[key] === undefined) continue;
    const expected = object.get(key);
    if (!expected || !equalsComparand(actual[key], expected)) return false;
    keys++;
  }
  return keys === object.size;
}

/** Equality as the rule language means it (see Comparand). Symmetric; missing equals only missing. */
export function valuesEqual(a: Value, b: Value): boolean {
  return equalsComparand(a, comparand(b));
}

/** A set of prepared values with a fast lookup by text, for `is one of` and the includes family. */
export class ValueSet {
  readonly items: Comparand[];
  private readonly texts = new Set<string>();
  // Items that can equal a value whose text differs from theirs (numbers, booleans, dates, lists, objects).
  private readonly special: Comparand[] = [];

  /** `exact`: text items match with their case (`is one of matching case`). */
  constructor(
    values: Value[],
    private readonly exact = false,
  ) {
    this.items = values.map((v) => comparand(v, exact));
    for (const c of this.items) {
      if (c.lower !== undefined) this.texts.add(c.exact ?? c.lower);
      if (c.lower === undefined || c.num !== undefined || c.bool !== undefined || c.dateMs !== undefined)
        this.special.push(c);
    }
  }

  get size(): number {
    return this.items.length;
  }

  has(actual: Value): boolean {
    const text = typeof actual === 'string' ? actual : toText(actual);
    if (text !== undefined && this.texts.has(this.exact ? text : lowerCase(text))) return true;
    for (const c of this.special) if (equalsComparand(actual, c)) return true;
    return false;
  }
}
