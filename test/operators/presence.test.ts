// is empty, is not empty, exists, does not exist, is true, is false (no Expected; missing is the compiler's).
import { check, type Row } from './check';

describe('emptiness and presence', () => {
  test.each<Row>([
    ['', 'is empty', '', true],
    ['   ', 'is empty', '', true],
    [[], 'is empty', '', true],
    [{}, 'is empty', '', true],
    [{ a: undefined }, 'is empty', '', true],
    ['x', 'is empty', '', false],
    [0, 'is empty', '', false],
    [false, 'is empty', '', false],
    [[''], 'is empty', '', false],
    ['', 'is not empty', '', false],
    [[], 'is not empty', '', false],
    [{}, 'is not empty', '', false],
    ['owner@example.com', 'is not empty', '', true],
    [0, 'is not empty', '', true],
    [['a'], 'is not empty', '', true],
    ['', 'exists', '', true],
    [[], 'exists', '', true],
    [{}, 'is present', '', true],
    [false, 'is set', '', true],
    ['x', 'does not exist', '', false],
    [[], 'is missing', '', false],
    [0, 'not exists', '', false],
  ])('%j %s → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });
});

describe('is true / is false', () => {
  test.each<Row>([
    [true, 'is true', '', true],
    ['TRUE', 'is true', '', true],
    ['true', 'is true', '', true],
    [' True ', 'is true', '', true],
    [false, 'is true', '', false],
    ['FALSE', 'is true', '', false],
    ['yes', 'is true', '', 'is not TRUE or FALSE'],
    [1, 'is true', '', 'is not TRUE or FALSE'],
    ['', 'is true', '', 'is not TRUE or FALSE'],
    [[true], 'is true', '', 'is not TRUE or FALSE'],
    [false, 'is false', '', true],
    ['False', 'is false', '', true],
    [true, 'is false', '', false],
    ['no', 'is false', '', 'is not TRUE or FALSE'],
    [0, 'is false', '', 'is not TRUE or FALSE'],
  ])('%j %s → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });
});
