// equals, does not equal and the comparisons, row by row as a rule sheet would hold them.
import { check, type Row } from './check';

const march1 = new Date(Date.UTC(2026, 2, 1));
const march1Serial = 46082; // Excel's serial number for 2026-03-01

describe('equals', () => {
  test.each<Row>([
    // text ignores case
    ['Enabled', 'equals', 'Enabled', true],
    ['enabled', 'equals', 'ENABLED', true],
    ['Suspended', 'equals', 'Enabled', false],
    ['Enabled ', 'equals', 'Enabled', false],
    ['Straße', 'equals', 'STRASSE', false],
    ['ÉTÉ', 'equals', 'été', true],
    // numbers and numeric text
    [90, 'equals', '90', true],
    ['90', 'equals', 90, true],
    ['90.0', 'equals', '90', true],
    ['1,000', 'equals', 1000, true],
    ['1,5', 'equals', 1.5, false],
    [90, 'equals', '91', false],
    ['100%', 'equals', 100, false],
    ['100%', 'equals', '100%', true],
    ['123456789012345678901', 'equals', '123456789012345678902', false],
    ['123456789012345678901', 'equals', '123456789012345678901', true],
    // booleans
    [true, 'equals', 'TRUE', true],
    [true, 'equals', 'true', true],
    ['False', 'equals', false, true],
    [false, 'equals', 'TRUE', false],
    ['yes', 'equals', true, false],
    [1, 'equals', true, false],
    // dates
    [march1, 'equals', '2026-03-01', true],
    ['2026-03-01', 'equals', march1, true],
    ['2026-03-01T00:00:00Z', 'equals', '2026-03-01', true],
    [march1, 'equals', march1Serial, true],
    [march1Serial, 'equals', '2026-03-01', true],
    ['2026-03-01', 'equals', march1Serial, true],
    [march1, 'equals', '2026-03-02', false],
    ['2026-03-01T10:00:00Z', 'equals', '2026-03-01', false],
    // lists and objects
    [['a', 'b'], 'equals', 'a', 'is a list of 2 items; use "includes"'],
    [[], 'equals', 'a', 'is a list of 0 items; use "includes"'],
    [{ a: 1 }, 'equals', 'a', 'is an object, not a single value'],
  ])('%j %s %j → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });

  test.each<Row>([
    [['A', 2], '=', ['a', '2'], true],
    [['a', 'b'], '=', ['b', 'a'], false],
    [['a'], '=', ['a', 'a'], false],
    [{ k: 'V', n: 1 }, '=', { n: '1', k: 'v' }, true],
    [{ k: 'v' }, '=', { k: 'v', extra: 1 }, false],
    ['a', '=', ['a'], false],
  ])('two fields: %j %s %j → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });
});

describe('does not equal', () => {
  test.each<Row>([
    ['public-read', 'does not equal', 'private', true],
    ['Private', 'does not equal', 'private', false],
    ['90', '!=', 90, false],
    [90, '<>', 91, true],
    [true, 'is not', 'FALSE', true],
    [march1, 'ne', '2026-03-01', false],
    [['a'], 'does not equal', 'b', 'is a list of 1 item; use "includes none of"'],
    [{ a: 1 }, 'does not equal', 'b', 'is an object, not a single value'],
  ])('%j %s %j → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });
});

describe('comparisons', () => {
  test.each<Row>([
    // numbers and numeric text
    [31, 'greater than', 30, true],
    [30, 'greater than', 30, false],
    ['31', '>', '30', true],
    ['9', '>', '10', false], // as numbers, not as text
    [' 2.5 ', '>', 2, true],
    ['1,500', '>', 1000, true],
    [30, 'at least', 30, true],
    [29.9, '>=', '30', false],
    [-1, 'less than', 0, true],
    ['60', '<', 60, false],
    [90, 'at most', 90, true],
    [91, '<=', 90, false],
    ['1e3', '>=', 1000, true],
    // not numbers
    ['abc', '>', 5, 'is not a number'],
    ['100%', '>', 50, 'is not a number'],
    [true, '>', 0, 'is not a number'],
    ['', '>', 0, 'is not a number'],
    [[1, 2], '>', 0, 'is a list of 2 items, not a number'],
    [{ a: 1 }, '<', 0, 'is an object, not a number'],
    ['2026-03-01', '>', 5, 'is not a number'],
    // dates
    ['2026-03-02', 'greater than', '2026-03-01', true],
    [march1, 'at least', '2026-03-01', true],
    ['2026-02-28T23:59:59Z', '>=', march1, false],
    [march1Serial + 1, '>', '2026-03-01', true],
    [march1, '>', march1Serial - 1, true],
    [march1, '<', march1Serial, false],
    ['soon', '<', '2026-03-01', 'is not a date'],
    [true, '<', '2026-03-01', 'is not a date'],
    [['2026-01-01'], '<', '2026-03-01', 'is a list of 1 item, not a date'],
  ])('%j %s %j → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });
});
