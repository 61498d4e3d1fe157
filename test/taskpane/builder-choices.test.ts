// The rule builder's Expected hint names amounts with units for the comparisons, which read them by value.
import { expectedHint } from '../../ui/builder-choices';

test.each([
  ['at most', 'A number, a date, or an amount with a unit: 500m, 1Gi, 8h, P30D.'],
  ['>=', 'A number, a date, or an amount with a unit: 500m, 1Gi, 8h, P30D.'],
  ['equals', undefined],
  ['older than', 'A number of days.'],
  ['exists', undefined],
])('%s → %p', (operator, hint) => {
  expect(expectedHint(operator)).toBe(hint);
});
