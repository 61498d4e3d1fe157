// Coercions as a spreadsheet user expects them: numbers, TRUE/FALSE, dates, text and equality.
import fc from 'fast-check';
import type { Value } from '../../core/types';
import { toBoolean, toDate, toNumber, toText, valuesEqual, ValueSet } from '../../core/values/coerce';

describe('toNumber', () => {
  test.each<[Value, number | undefined]>([
    [90, 90],
    ['90', 90],
    [' 2.5 ', 2.5],
    ['-3', -3],
    ['+4', 4],
    ['.5', 0.5],
    ['1e3', 1000],
    ['1,000', 1000],
    ['12,345.67', 12345.67],
    ['1,5', undefined],
    ['1,00', undefined],
    ['100%', undefined],
    ['$5', undefined],
    ['0x10', undefined],
    ['', undefined],
    [' ', undefined],
    ['Infinity', undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [true, undefined],
    [new Date(0), undefined],
    ['2026-03-01', undefined],
    ['123456789012345', 123456789012345],
    ['1234567890123456789', undefined], // an ID, not a number: it would round
    [['1'], undefined],
  ])('%j → %j', (v, n) => {
    expect(toNumber(v)).toBe(n);
  });
});

describe('toBoolean', () => {
  test.each<[Value, boolean | undefined]>([
    [true, true],
    [false, false],
    ['TRUE', true],
    ['true', true],
    [' False ', false],
    ['yes', undefined],
    ['1', undefined],
    [1, undefined],
    ['', undefined],
    ['truey', undefined],
    ['FaLsE', false],
    ['\tTRUE', true],
    ['ns-1', undefined],
    ['high', undefined],
    ['t', undefined],
  ])('%j → %j', (v, b) => {
    expect(toBoolean(v)).toBe(b);
  });
});

describe('toDate', () => {
  test.each<[Value, string | undefined]>([
    [new Date(Date.UTC(2026, 2, 1)), '2026-03-01T00:00:00.000Z'],
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T10:30:00Z', '2026-03-01T10:30:00.000Z'],
    ['2026-03-01T10:30:00+02:00', '2026-03-01T08:30:00.000Z'],
    [46082, '2026-03-01T00:00:00.000Z'],
    ['46082', undefined], // numeric text is a number, not a date
    ['2026-02-30', undefined],
    ['March 1, 2026', undefined],
    ['01/03/2026', undefined],
    [true, undefined],
    [new Date(Number.NaN), undefined],
  ])('%j → %j', (v, iso) => {
    expect(toDate(v)?.toISOString()).toBe(iso);
  });

  test('serial numbers can be refused', () => {
    expect(toDate(46082, false)).toBeUndefined();
  });
});

describe('toText', () => {
  test.each<[Value, string | undefined]>([
    ['Hello', 'Hello'],
    [2.5, '2.5'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [new Date(Date.UTC(2026, 2, 1)), '2026-03-01'],
    [new Date(Date.UTC(2026, 2, 1, 10)), '2026-03-01T10:00:00.000Z'],
    [['a'], undefined],
    [{ a: 1 }, undefined],
  ])('%j → %j', (v, t) => {
    expect(toText(v)).toBe(t);
  });
});

describe('valuesEqual', () => {
  test.each<[Value, Value, boolean]>([
    ['Enabled', 'ENABLED', true],
    ['90', 90, true],
    ['090', '90', true],
    ['1,000', '1000', true],
    ['TRUE', true, true],
    ['true', 'TRUE', true],
    [new Date(Date.UTC(2026, 2, 1)), '2026-03-01', true],
    [46082, '2026-03-01', true],
    [46082, new Date(Date.UTC(2026, 2, 1)), true],
    ['46082', '2026-03-01', false],
    [1, true, false],
    ['', '', true],
    ['', ' ', false],
    [undefined, undefined, true],
    [undefined, '', false],
    [['a', ['B']], ['A', ['b']], true],
    [{ a: [1] }, { a: ['1'] }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [{ a: 1 }, { b: 1 }, false],
    [['a'], 'a', false],
  ])('%j and %j → %j', (a, b, equal) => {
    expect(valuesEqual(a, b)).toBe(equal);
    expect(valuesEqual(b, a)).toBe(equal);
  });

  const scalar = fc.oneof(
    fc.string(),
    fc.constantFrom('90', '1,000', 'TRUE', 'false', '2026-03-01', '2026-03-01T00:00:00Z', 'ÉTÉ', 'été'),
    fc.integer({ min: 1, max: 60000 }),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.integer({ min: 0, max: 4e12 }).map((ms) => new Date(ms)),
  );

  test('is symmetric and reflexive', () => {
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        expect(valuesEqual(a, b)).toBe(valuesEqual(b, a));
        expect(valuesEqual(a, a)).toBe(true);
      }),
    );
  });

  test('a ValueSet finds exactly what valuesEqual finds', () => {
    fc.assert(
      fc.property(fc.array(scalar, { maxLength: 6 }), scalar, (items, v) => {
        expect(new ValueSet(items).has(v)).toBe(items.some((item) => valuesEqual(v, item)));
      }),
    );
  });
});
