// The expression lexer: reads one token at a time, because what a word means depends on where it stands.
import { OPERATOR_WORDS } from '../operators';
import type { Segment } from './ast';
import { unitValue } from '../values/units';
import { isIdentPart, scanPath } from './path';

export type Token =
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'text'; value: string; start: number; end: number }
  /** `raw` is the path as written, so `true` (a keyword) and `["true"]` (a field) stay apart. */
  | { kind: 'path'; segments: Segment[]; raw: string; start: number; end: number }
  | { kind: 'punct'; value: '(' | ')' | ','; start: number; end: number }
  | { kind: 'end'; start: number; end: number }
  /** A character that starts no token (`&`, `!`, `}`); the parser says what it expected instead. */
  | { kind: 'other'; start: number; end: number };

export type LexError =
  | { kind: 'path'; reason: string; path: string; offset: number }
  | { kind: 'syntax'; detail: string; offset: number; suggestion?: string };

export type LexResult = { token: Token; error?: undefined } | { token?: undefined; error: LexError };

export function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

export function skipSpace(text: string, pos: number): number {
  while (isSpace(text[pos])) pos++;
  return pos;
}

// Symbols are the non-word characters of the operator table (`=`, `!`, `<`, `>`): a run of them
// is read whole, so `=>` is an unknown operator rather than `=` followed by garbage.
const SYMBOL_CHARS = new Set(
  OPERATOR_WORDS.flatMap((w) => [...w]).filter((c) => !isIdentPart(c) && !isSpace(c) && c !== '.'),
);

export function isSymbolChar(c: string | undefined): boolean {
  return c !== undefined && SYMBOL_CHARS.has(c);
}

/** A word may not run on into more name: `equals1`, `and.x` and `or[0]` are not keywords. */
function wordEndsAt(text: string, pos: number): boolean {
  const c = text[pos];
  return c === undefined || !(isIdentPart(c) || c === '.' || c === '[');
}

/** The end of `word` (lower-case, single spaces) at `pos`, case-insensitively, spaces matching any run of white space. */
export function matchWord(text: string, pos: number, word: string): number | undefined {
  let i = pos;
  for (let k = 0; k < word.length; k++) {
    const w = word[k];
    if (w === ' ') {
      if (!isSpace(text[i])) return undefined;
      i = skipSpace(text, i);
    } else {
      if (i >= text.length || text[i].toLowerCase() !== w) return undefined;
      i++;
    }
  }
  const last = word[word.length - 1];
  if (isSymbolChar(last)) return isSymbolChar(text[i]) ? undefined : i;
  return wordEndsAt(text, i) ? i : undefined;
}

/** The longest operator word or symbol at `pos`. */
export function matchOperator(text: string, pos: number): { word: string; end: number } | undefined {
  for (const word of OPERATOR_WORDS) {
    const end = matchWord(text, pos, word);
    if (end !== undefined) return { word, end };
  }
  return undefined;
}

// How far "did you mean" looks: an operator is at most a few words.
const MAX_ATTEMPT_WORDS = 6;

/**
 * What the author probably meant as an operator when none matched: a run of symbols, or the words
 * up to the next quote, number, parenthesis, comma, `and`/`or` or dotted path. Each word ends where its text ends.
 */
export function readAttemptedOperator(text: string, pos: number): { words: { text: string; end: number }[] } {
  if (isSymbolChar(text[pos])) {
    let end = pos;
    while (isSymbolChar(text[end])) end++;
    return { words: [{ text: text.slice(pos, end), end }] };
  }
  const words: { text: string; end: number }[] = [];
  let i = pos;
  while (words.length < MAX_ATTEMPT_WORDS) {
    i = skipSpace(text, i);
    const c = text[i];
    if (c === undefined || '"(),'.includes(c) || startsNumber(text, i)) break;
    let end = i;
    while (end < text.length && !isSpace(text[end]) && !'"(),'.includes(text[end])) end++;
    const word = text.slice(i, end);
    const lower = word.toLowerCase();
    if (lower === 'and' || lower === 'or') break;
    if (words.length > 0 && /[.[]/.test(word)) break;
    words.push({ text: text.slice(pos, end), end });
    i = end;
  }
  return { words };
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function startsNumber(text: string, pos: number): boolean {
  let i = pos;
  if (text[i] === '-') i++;
  return isDigit(text[i]) || (text[i] === '.' && isDigit(text[i + 1]));
}

/** `90`, `2.5`, `-1`, `.5`, `1e-7`: whatever JavaScript's Number reads the same way; `1Gi` and `8h` as text. */
function readNumber(text: string, pos: number): LexResult {
  let i = pos;
  if (text[i] === '-') i++;
  while (isDigit(text[i])) i++;
  if (text[i] === '.' && isDigit(text[i + 1])) {
    i++;
    while (isDigit(text[i])) i++;
  }
  if (
    (text[i] === 'e' || text[i] === 'E') &&
    (isDigit(text[i + 1]) || ('+-'.includes(text[i + 1] ?? '') && isDigit(text[i + 2])))
  ) {
    i += 2;
    while (isDigit(text[i])) i++;
  }
  if (!wordEndsAt(text, i)) {
    let end = i;
    while (!wordEndsAt(text, end) || text[end] === '.') end++;
    const word = text.slice(pos, end);
    // `1Gi`, `500m`, `4h30m`: a value with a unit, written bare as in a manifest; it reads as that text.
    if (unitValue(word) !== undefined) return { token: { kind: 'text', value: word, start: pos, end } };
    return {
      error: { kind: 'syntax', detail: `"${word}" is neither a number nor a field name`, offset: pos },
    };
  }
  const raw = text.slice(pos, i);
  const value = Number(raw);
  if (!Number.isFinite(value))
    return { error: { kind: 'syntax', detail: `the number ${raw} is too large`, offset: pos } };
  return { token: { kind: 'number', value, start: pos, end: i } };
}

/** `"text"` with `""` for a quote inside, as in a spreadsheet formula. */
function readText(text: string, pos: number): LexResult {
  let value = '';
  let i = pos + 1;
  for (;;) {
    if (i >= text.length) {
      return {
        error: { kind: 'syntax', detail: 'the text that starts here has no closing quote (")', offset: pos },
      };
    }
    if (text[i] === '"') {
      if (text[i + 1] !== '"') return { token: { kind: 'text', value, start: pos, end: i + 1 } };
      value += '"';
      i += 2;
    } else {
      value += text[i++];
    }
  }
}

// Quote marks a word processor or a habit from other languages puts in; the sheet wants straight double quotes.
const OTHER_QUOTES: Record<string, string> = { "'": "'", '\u2018': '\u2019', '\u201c': '\u201d' };

function otherQuote(text: string, pos: number): LexError {
  const close = OTHER_QUOTES[text[pos]];
  const end = text.indexOf(close, pos + 1);
  const inner = end < 0 ? undefined : text.slice(pos + 1, end);
  return {
    kind: 'syntax',
    detail: 'text goes in straight double quotes (")',
    offset: pos,
    suggestion: inner === undefined ? undefined : `"${inner.replace(/"/g, '""')}"`,
  };
}

/**
 * Reads the value-like token at `pos` (after white space): a number, a text, a path or `(`, `)`, `,`.
 * Anything else is an error the parser words for its position.
 */
export function readToken(text: string, start: number): LexResult {
  const pos = skipSpace(text, start);
  const c = text[pos];
  if (c === undefined) return { token: { kind: 'end', start: pos, end: pos } };
  if (c === '(' || c === ')' || c === ',')
    return { token: { kind: 'punct', value: c, start: pos, end: pos + 1 } };
  if (c === '"') return readText(text, pos);
  if (c in OTHER_QUOTES) return { error: otherQuote(text, pos) };
  if (startsNumber(text, pos)) return readNumber(text, pos);
  const scan = scanPath(text, pos);
  if (scan.error && scan.end === pos && !(c === '@' || c === '['))
    return { token: { kind: 'other', start: pos, end: pos + 1 } };
  let error = scan.error;
  if (!error && !endsToken(text, scan.end))
    error = { reason: `unexpected "${text[scan.end]}"`, offset: scan.end };
  if (error) {
    let end = Math.max(error.offset, scan.end);
    while (end < text.length && !isSpace(text[end]) && !'(),'.includes(text[end])) end++;
    return {
      error: {
        kind: 'path',
        reason: error.reason,
        path: shorten(text.slice(pos, Math.max(end, error.offset + 1))),
        offset: error.offset,
      },
    };
  }
  return {
    token: {
      kind: 'path',
      segments: scan.segments,
      raw: text.slice(pos, scan.end),
      start: pos,
      end: scan.end,
    },
  };
}

/** What may follow a path directly: white space, the end, a parenthesis, a comma, a quote or an operator symbol. */
function endsToken(text: string, pos: number): boolean {
  const c = text[pos];
  return c === undefined || isSpace(c) || '(),"'.includes(c) || isSymbolChar(c);
}

// A message quotes what the author wrote, but not a whole pasted document.
function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** A short picture of what stands at `pos`, for "found …" in a message. */
export function describeAt(text: string, pos: number): string {
  const at = skipSpace(text, pos);
  if (at >= text.length) return 'the end';
  let end = at;
  if (text[at] === '"') {
    const close = text.indexOf('"', at + 1);
    return close < 0 || close - at > 20
      ? `a text starting ${text.slice(at, at + 20)}`
      : text.slice(at, close + 1);
  }
  if ('(),'.includes(text[at])) end = at + 1;
  else while (end < text.length && !isSpace(text[end]) && !'(),'.includes(text[end]) && end - at < 20) end++;
  return `"${text.slice(at, end)}"`;
}
