// Field paths: `a.b`, `containers[*].image`, `items[0]`, `labels["app.kubernetes.io/name"]`, `@` for the element itself.
import { problem, type Problem } from '../problems';
import type { Path, Segment } from './ast';

// Unicode-aware so that a column named `größe` or `名前` is still a plain name.
const IDENT_START = /[\p{L}_$]/u;
const IDENT_PART = /[\p{L}\p{M}\p{N}_$:-]/u;

// Indexes stay exact integers; anything longer is a typo, not a real list position.
const MAX_INDEX_DIGITS = 15;

export function isIdentStart(c: string): boolean {
  return c !== '' && IDENT_START.test(c);
}

export function isIdentPart(c: string): boolean {
  return c !== '' && IDENT_PART.test(c);
}

/** True when `key` can be written bare (`image`) rather than bracketed (`["app.kubernetes.io/name"]`). */
export function isPlainName(key: string): boolean {
  const chars = [...key];
  return chars.length > 0 && isIdentStart(chars[0]) && chars.every(isIdentPart);
}

/** The canonical text of a path: plain names dotted, other keys bracket-quoted with `""` for a quote. */
export function pathText(segments: readonly Segment[]): string {
  if (segments.length === 0) return '@';
  let out = '';
  for (const seg of segments) {
    if ('wildcard' in seg) out += '[*]';
    else if ('index' in seg) out += `[${seg.index}]`;
    else if (isPlainName(seg.key)) out += out === '' ? seg.key : `.${seg.key}`;
    else out += `["${seg.key.replace(/"/g, '""')}"]`;
  }
  return out;
}

export function hasWildcard(path: Path): boolean {
  return path.segments.some((seg) => 'wildcard' in seg);
}

export interface PathScan {
  segments: Segment[];
  /** Offset just past the path (or where scanning stopped on an error). */
  end: number;
  error?: { reason: string; offset: number };
}

/** Code point at `i` (a whole emoji, not half of it), or '' past the end. */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/**
 * Reads one path starting at `start` and stops at the first character that cannot continue it
 * (a space, an operator, a comma). Shared by parsePath and the expression lexer. Never throws.
 */
export function scanPath(text: string, start: number): PathScan {
  const segments: Segment[] = [];
  let i = start;
  const fail = (reason: string, offset: number): PathScan => ({
    segments,
    end: offset,
    error: { reason, offset },
  });

  const readName = (): string => {
    let name = '';
    while (i < text.length) {
      const c = charAt(text, i);
      if (!isIdentPart(c)) break;
      name += c;
      i += c.length;
    }
    return name;
  };

  const first = charAt(text, i);
  if (first === '@') {
    i++;
    const next = charAt(text, i);
    if (isIdentPart(next)) return fail(`"@" stands for the element itself; write @.${next} to go into it`, i);
  } else if (isIdentStart(first)) {
    segments.push({ key: readName() });
  } else if (first !== '[') {
    return fail(first === '' ? 'the path is empty' : `a field name cannot start with "${first}"`, i);
  }

  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      const next = charAt(text, i + 1);
      if (!isIdentStart(next)) {
        const reason =
          next === '' || /\s/.test(next)
            ? 'a field name is missing after "."'
            : next === '.'
              ? 'a field name is missing between two dots'
              : `a field name cannot start with "${next}"`;
        return fail(reason, i + 1);
      }
      i++;
      segments.push({ key: readName() });
    } else if (c === '[') {
      const seg = readBracket(text, i);
      if ('reason' in seg) return fail(seg.reason, seg.offset);
      segments.push(seg.segment);
      i = seg.end;
    } else {
      break;
    }
  }
  return { segments, end: i };
}

type BracketScan = { segment: Segment; end: number } | { reason: string; offset: number };

/** `[*]`, `[12]`, `["any key"]` or `['any key']`, starting at the `[`. */
function readBracket(text: string, open: number): BracketScan {
  let i = open + 1;
  const c = text[i];
  let segment: Segment;
  if (c === '*') {
    segment = { wildcard: true };
    i++;
  } else if (c !== undefined && c >= '0' && c <= '9') {
    let digits = '';
    while (i < text.length && text[i] >= '0' && text[i] <= '9') digits += text[i++];
    if (digits.length > MAX_INDEX_DIGITS)
      return { reason: `the index ${digits} is too large`, offset: open + 1 };
    segment = { index: Number(digits) };
  } else if (c === '"' || c === "'") {
    let key = '';
    i++;
    for (;;) {
      if (i >= text.length) return { reason: `the quoted name has no closing ${c}`, offset: open + 1 };
      if (text[i] === c) {
        if (text[i + 1] === c) {
          key += c;
          i += 2;
          continue;
        }
        i++;
        break;
      }
      key += text[i++];
    }
    segment = { key };
  } else if (c === '-') {
    return { reason: 'an index counts from 0 and cannot be negative', offset: i };
  } else {
    return { reason: 'inside [ ] write *, a number or a quoted name', offset: i };
  }
  if (text[i] !== ']') return { reason: 'a "]" is missing', offset: i };
  return { segment, end: i + 1 };
}

/** Parses a whole field path, as written in the Field column. Never throws. */
export function parsePath(text: string): { value?: Path; problems: Problem[] } {
  const trimmed = text.trim();
  const lead = text.length - text.trimStart().length;
  const scan = scanPath(trimmed, 0);
  let error = scan.error;
  if (!error && scan.end < trimmed.length) {
    const c = charAt(trimmed, scan.end);
    error = {
      reason: /\s/.test(c)
        ? 'a field path has no spaces; quote such a name as ["a name"]'
        : `unexpected "${c}"`,
      offset: scan.end,
    };
  }
  if (error) {
    const params = { path: trimmed, reason: error.reason };
    return { problems: [problem('invalid_path', params, { offset: lead + error.offset })] };
  }
  return { value: { text: pathText(scan.segments), segments: scan.segments }, problems: [] };
}

/**
 * Why a path cannot be read against a row, or undefined when it can. A row is not a list, so a path that starts
 * with `[*]` (or `[0]`) names nothing; checking nothing would pass every resource without saying so.
 */
export function rowPathReason(segments: readonly Segment[]): string | undefined {
  const lead = segments[0];
  if (lead === undefined || 'key' in lead) return undefined;
  const step = 'wildcard' in lead ? '[*]' : `[${lead.index}]`;
  return `a path cannot start with ${step}; name the list first, e.g. containers${step}.image`;
}

/** A field path read against a row, as in the Field column: parsePath, and it must not start with a list step. */
export function parseRowPath(text: string): { value?: Path; problems: Problem[] } {
  const parsed = parsePath(text);
  const reason = parsed.value && rowPathReason(parsed.value.segments);
  if (!reason) return parsed;
  const lead = text.length - text.trimStart().length;
  return { problems: [problem('invalid_path', { path: text.trim(), reason }, { offset: lead })] };
}
