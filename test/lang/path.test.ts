// Field paths as written in the Field column: what they mean, what is wrong with them, and their canonical text.
import fc from 'fast-check';
import { hasWildcard, parsePath, pathText } from '../../core/lang';
import type { Segment } from '../../core/lang';
import { segmentsArb } from './arbitraries';

describe('parsePath reads a path into segments', () => {
  const cases: [string, Segment[], string][] = [
    // text as written, segments, canonical text
    ['a', [{ key: 'a' }], 'a'],
    ['versioning.status', [{ key: 'versioning' }, { key: 'status' }], 'versioning.status'],
    ['  encryption.enabled ', [{ key: 'encryption' }, { key: 'enabled' }], 'encryption.enabled'],
    [
      'containers[*].image',
      [{ key: 'containers' }, { wildcard: true }, { key: 'image' }],
      'containers[*].image',
    ],
    ['items[0]', [{ key: 'items' }, { index: 0 }], 'items[0]'],
    ['items[12].name', [{ key: 'items' }, { index: 12 }, { key: 'name' }], 'items[12].name'],
    [
      'metadata.labels["app.kubernetes.io/name"]',
      [{ key: 'metadata' }, { key: 'labels' }, { key: 'app.kubernetes.io/name' }],
      'metadata.labels["app.kubernetes.io/name"]',
    ],
    ['a["say ""hi"""]', [{ key: 'a' }, { key: 'say "hi"' }], 'a["say ""hi"""]'],
    ["a['it''s']", [{ key: 'a' }, { key: "it's" }], 'a["it\'s"]'],
    ['a["plain"]', [{ key: 'a' }, { key: 'plain' }], 'a.plain'],
    ['a[""]', [{ key: 'a' }, { key: '' }], 'a[""]'],
    ['["and"]', [{ key: 'and' }], 'and'],
    ['["2fa"].enabled', [{ key: '2fa' }, { key: 'enabled' }], '["2fa"].enabled'],
    ['[0].name', [{ index: 0 }, { key: 'name' }], '[0].name'],
    ['[*]', [{ wildcard: true }], '[*]'],
    [
      'Condition.IpAddress.aws:SourceIp',
      [{ key: 'Condition' }, { key: 'IpAddress' }, { key: 'aws:SourceIp' }],
      'Condition.IpAddress.aws:SourceIp',
    ],
    ['block-public-acls', [{ key: 'block-public-acls' }], 'block-public-acls'],
    ['$schema', [{ key: '$schema' }], '$schema'],
    ['_id', [{ key: '_id' }], '_id'],
    ['größe.名前', [{ key: 'größe' }, { key: '名前' }], 'größe.名前'],
    ['@', [], '@'],
    ['@.name', [{ key: 'name' }], 'name'],
    ['@[0]', [{ index: 0 }], '[0]'],
  ];

  test.each(cases)('%s', (text, segments, canonical) => {
    const { value, problems } = parsePath(text);
    expect(problems).toEqual([]);
    expect(value).toEqual({ text: canonical, segments });
  });
});

describe('parsePath reports what is wrong, and where', () => {
  const cases: [string, number, string][] = [
    // text, 0-based offset, reason
    ['', 0, 'the path is empty'],
    ['   ', 3, 'the path is empty'],
    ['a.', 2, 'a field name is missing after "."'],
    ['a..b', 2, 'a field name is missing between two dots'],
    ['.a', 0, 'a field name cannot start with "."'],
    ['1st', 0, 'a field name cannot start with "1"'],
    ['-a', 0, 'a field name cannot start with "-"'],
    ['a.-b', 2, 'a field name cannot start with "-"'],
    ['a b', 1, 'a field path has no spaces; quote such a name as ["a name"]'],
    ['a#b', 1, 'unexpected "#"'],
    ['a[', 2, 'inside [ ] write *, a number or a quoted name'],
    ['a[x]', 2, 'inside [ ] write *, a number or a quoted name'],
    ['a[-1]', 2, 'an index counts from 0 and cannot be negative'],
    ['a[0', 3, 'a "]" is missing'],
    ['a[*', 3, 'a "]" is missing'],
    ['a["b"', 5, 'a "]" is missing'],
    ['a["b]', 2, 'the quoted name has no closing "'],
    ['a[1234567890123456]', 2, 'the index 1234567890123456 is too large'],
    ['@x', 1, '"@" stands for the element itself; write @.x to go into it'],
    [' a.b c', 4, 'a field path has no spaces; quote such a name as ["a name"]'],
  ];

  test.each(cases)('%j', (text, offset, reason) => {
    const { value, problems } = parsePath(text);
    expect(value).toBeUndefined();
    expect(problems).toEqual([
      {
        code: 'invalid_path',
        severity: 'error',
        location: { offset },
        params: { path: text.trim(), reason },
      },
    ]);
  });
});

describe('hasWildcard', () => {
  test.each([
    ['containers[*].image', true],
    ['a[*]', true],
    ['items[0].name', false],
    ['a["*"]', false],
  ])('%s → %s', (text, expected) => {
    expect(hasWildcard(parsePath(text).value!)).toBe(expected);
  });
});

describe('pathText', () => {
  test.each<[Segment[], string]>([
    [[{ key: 'a' }, { key: 'b c' }], 'a["b c"]'],
    [[{ key: 'a' }, { key: '"' }], 'a[""""]'],
    [[{ key: 'a.b' }], '["a.b"]'],
    [[{ key: 'x' }, { wildcard: true }, { index: 3 }], 'x[*][3]'],
    [[{ key: 'x' }, { key: '*' }], 'x["*"]'],
  ])('%j → %s', (segments, text) => {
    expect(pathText(segments)).toBe(text);
  });
});

describe('properties', () => {
  test('any segments survive pathText then parsePath unchanged', () => {
    fc.assert(
      fc.property(segmentsArb, (segments) => {
        const { value, problems } = parsePath(pathText(segments));
        expect(problems).toEqual([]);
        expect(value).toEqual({ text: pathText(segments), segments });
      }),
      { numRuns: 500 },
    );
  });

  test('parsePath never throws and gives a path or a problem', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        (text) => {
          const { value, problems } = parsePath(text);
          expect(value === undefined).toBe(problems.length > 0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
