// How values read inside messages.
import type { Value } from '../../core/types';
import { displayText, displayValue } from '../../core/values/display';

describe('displayValue', () => {
  test.each<[Value, string]>([
    ['Suspended', '"Suspended"'],
    ['', '""'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two lines"'],
    [90, '90'],
    [2.5, '2.5'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [new Date(Date.UTC(2026, 2, 1)), '2026-03-01'],
    [new Date(Date.UTC(2026, 2, 1, 10, 30)), '2026-03-01T10:30:00.000Z'],
    [new Date(Number.NaN), 'invalid date'],
    [undefined, 'missing'],
    [['a', 'b'], '["a", "b"]'],
    [[1, true, ['x']], '[1, TRUE, ["x"]]'],
    [[], '[]'],
    [{ a: 1, b: 'x', c: undefined }, '{"a": 1, "b": "x"}'],
    [{}, '{}'],
  ])('%j → %s', (v, shown) => {
    expect(displayValue(v)).toBe(shown);
  });

  test('long values are cut to 80 characters ending in …', () => {
    const long = displayValue('x'.repeat(500));
    expect(long).toHaveLength(80);
    expect(long.startsWith('"xxx')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
    const list = displayValue(Array.from({ length: 1_000_000 }, (_, i) => i));
    expect(list).toHaveLength(80);
    expect(list.startsWith('[0, 1, 2')).toBe(true);
  });

  test('displayText leaves text unquoted for messages that quote it themselves', () => {
    expect(displayText('abc')).toBe('abc');
    expect(displayText(true)).toBe('TRUE');
    expect(displayText('y'.repeat(200))).toHaveLength(80);
  });
});
