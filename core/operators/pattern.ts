// matches / does not match (RE2 regular expressions) and matches pattern (globs).
import { RE2JS } from 're2js';
import { problem } from '../problems';
import type { Value } from '../types';
import { toText } from '../values/coerce';
import { compileGlob } from '../values/glob';
import { define, expectedText, negate, shapeReason, single, type Prepared } from './define';
import type { OperatorSpec, Verdict } from './types';

const CASE_SENSITIVE = '(?-i)';

// Rulebooks repeat patterns across rules; RE2 programs are immutable, so rules can share them.
const compiled = new Map<string, RE2JS>();
const CACHE_LIMIT = 500;

/** Compiles a rule's regular expression: case-insensitive unless it starts with `(?-i)`. */
export function compileRegex(operator: string, pattern: string): Prepared<RE2JS> {
  const cached = compiled.get(pattern);
  if (cached) return { value: cached, problems: [] };
  const made = compileFresh(operator, pattern);
  if (made.value) {
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    compiled.set(pattern, made.value);
  }
  return made;
}

function compileFresh(operator: string, pattern: string): Prepared<RE2JS> {
  const caseSensitive = pattern.startsWith(CASE_SENSITIVE);
  const source = caseSensitive ? pattern.slice(CASE_SENSITIVE.length) : pattern;
  try {
    // Compiled as written first, so a syntax error quotes the pattern the user wrote, not one with (?i) added.
    const asWritten = RE2JS.compile(source);
    return { value: caseSensitive ? asWritten : RE2JS.compile(source, RE2JS.CASE_INSENSITIVE), problems: [] };
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(/^error parsing regexp: /, '') : String(err);
    return { problems: [problem('invalid_regex', { operator, pattern, reason })] };
  }
}

function prepareRegex(operator: string) {
  return (items: Value[]): Prepared<RE2JS> => {
    const one = single(operator, items);
    if (one.value === undefined) return { problems: one.problems };
    return compileRegex(operator, expectedText(one.value));
  };
}

// The value as text for a pattern, or the reason it has none.
function asText(actual: Value): string | { reason: string } {
  const text = toText(actual);
  return text ?? { reason: shapeReason(actual, 'text') ?? 'is not text' };
}

function regexTest(actual: Value, re: RE2JS): Verdict {
  const text = asText(actual);
  return typeof text === 'string' ? re.test(text) : text.reason;
}

const REGEX_COERCION =
  'RE2 syntax (no lookarounds or backreferences), so every pattern runs in linear time. Ignores case unless the ' +
  'pattern starts with (?-i). Finds the pattern anywhere in the text: anchor with ^ and $ to match the whole text. ' +
  'Numbers are tested as their text, TRUE/FALSE as TRUE or FALSE, dates as YYYY-MM-DD; a list value fails with a ' +
  'message (use [*] in Field to test each element). An invalid pattern is a rule problem.';

type Glob = (text: string) => boolean;

export const PATTERN_OPERATORS: OperatorSpec[] = [
  define<RE2JS>({
    name: 'matches',
    aliases: ['matches regex', 'regex'],
    symbols: [],
    expected: 'regex',
    onMissing: 'fail',
    wholeList: false,
    meaning: 'has text in which the regular expression Expected finds a match.',
    coercion: REGEX_COERCION,
    example: { field: 'bucketName', expected: '^[a-z0-9-]+-(prod|dev)$' },
    prepare: prepareRegex('matches'),
    test: regexTest,
  }),
  define<RE2JS>({
    name: 'does not match',
    aliases: ['not matches', 'does not match regex'],
    symbols: [],
    expected: 'regex',
    onMissing: 'pass',
    wholeList: false,
    meaning: 'has text in which the regular expression Expected finds no match.',
    coercion: REGEX_COERCION,
    example: { field: 'image', expected: ':latest$' },
    prepare: prepareRegex('does not match'),
    test: (actual, re) => negate(regexTest(actual, re)),
  }),
  define<Glob>({
    name: 'matches pattern',
    aliases: ['like', 'glob'],
    symbols: [],
    expected: 'glob',
    onMissing: 'fail',
    wholeList: false,
    meaning:
      'has text that the whole pattern Expected fits: * stands for any run of characters, ? for one character.',
    coercion:
      'Ignores case. The pattern must fit the whole text ("prod-*" fits "prod-web" but not "my-prod-web"). ' +
      'Numbers are tested as their text, TRUE/FALSE as TRUE or FALSE, dates as YYYY-MM-DD; a list value fails with a ' +
      'message (use [*] in Field to test each element).',
    example: { field: 'image', expected: 'registry.example.com/*' },
    prepare: (items) => {
      const one = single('matches pattern', items);
      return one.value === undefined
        ? { problems: one.problems }
        : { value: compileGlob(expectedText(one.value)), problems: [] };
    },
    test: (actual, glob) => {
      const text = asText(actual);
      return typeof text === 'string' ? glob(text) : text.reason;
    },
  }),
];
