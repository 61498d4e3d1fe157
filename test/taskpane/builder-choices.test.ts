// The rule builder's Expected hint names amounts with units for the comparisons, which read them by value.
import { expectedHint, insertExample } from '../../ui/builder-choices';

test.each([
  ['at most', 'A number, a date, or an amount with a unit: 500m, 1Gi, 8h, P30D.'],
  ['>=', 'A number, a date, or an amount with a unit: 500m, 1Gi, 8h, P30D.'],
  ['equals', undefined],
  ['older than', 'A number of days.'],
  ['exists', undefined],
])('%s → %p', (operator, hint) => {
  expect(expectedHint(operator)).toBe(hint);
});

describe('insertExample', () => {
  it.each<[string, string, { start: number; end: number } | undefined, string]>([
    ['into an empty box, alone', '', undefined, 'X'],
    ['after text at its end, joined with and', 'a exists  ', undefined, 'a exists\nand X'],
    ['in place of a selection', 'a = 1 or b = 2', { start: 9, end: 14 }, 'a = 1 or X'],
    ['at the cursor inside the text', 'all(c[*], )', { start: 10, end: 10 }, 'all(c[*], X)'],
  ])('%s', (_name, text, at, out) => {
    const r = insertExample(text, 'X', at);
    expect(r.text).toBe(out);
    expect(r.text.slice(r.start, r.end)).toBe('X');
  });
});
