// Splitting Expected lists, and reading values as lists for the includes family.
import type { Value } from '../../core/types';
import { splitList, toList } from '../../core/values/list';

describe('splitList', () => {
  test.each<[string, string[]]>([
    ['a, b, c', ['a', 'b', 'c']],
    ['a,b,c', ['a', 'b', 'c']],
    ['a\nb\r\nc\rd', ['a', 'b', 'c', 'd']],
    ['a,\n b', ['a', 'b']],
    ['  one item  ', ['one item']],
    ['', []],
    [' , ,\n', []],
    ['a,,b,', ['a', 'b']],
    ['"a, b", c', ['a, b', 'c']],
    ['"say ""hi""", x', ['say "hi"', 'x']],
    ['"  padded  "', ['  padded  ']],
    ['"", a', ['', 'a']],
    ['"a"b, c', ['ab', 'c']],
    ['"unclosed, still one', ['unclosed, still one']],
    ['a "b" c, d', ['a "b" c', 'd']],
    ['eu-west-1\neu-central-1', ['eu-west-1', 'eu-central-1']],
  ])('%j → %j', (text, items) => {
    expect(splitList(text)).toEqual(items);
  });
});

describe('toList', () => {
  const d = new Date(Date.UTC(2026, 2, 1));
  test.each<[Value, Value[] | undefined]>([
    [
      ['a', 1],
      ['a', 1],
    ],
    [[], []],
    ['["a", 1, true, null, {"k": null}]', ['a', 1, true, undefined, { k: undefined }]],
    ['  [1, 2]  ', [1, 2]],
    ['[not json, really]', ['[not json', 'really]']],
    ['{"a": 1}', ['{"a": 1}']],
    ['a, b', ['a', 'b']],
    ['ALL', ['ALL']],
    ['', []],
    [5, [5]],
    [false, [false]],
    [d, [d]],
    [{ a: 1 }, undefined],
    [undefined, undefined],
  ])('%j → %j', (v, list) => {
    expect(toList(v)).toEqual(list);
  });
});
