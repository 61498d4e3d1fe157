// includes, includes any/none/all of, count at least/at most: a list value judged whole.
import { check, type Row } from './check';

describe('includes family', () => {
  test.each<Row>([
    [['ALL'], 'includes', 'all', true],
    [['NET_RAW', 'ALL'], 'has', 'ALL', true],
    [['NET_RAW'], 'includes', 'ALL', false],
    [['ALL_CAPS'], 'includes', 'ALL', false], // whole elements, not text inside them
    [[], 'includes', 'ALL', false],
    [[80, 443], 'includes', '443', true],
    [['80', '443'], 'includes', 443, true],
    [[true], 'includes', 'TRUE', true],
    ['ALL', 'includes', 'all', true], // text is a list of one
    ['NET_RAW, ALL', 'includes', 'all', true], // commas split text
    ['NET_RAW\nALL', 'includes', 'all', true],
    ['["NET_RAW","ALL"]', 'includes', 'all', true], // a JSON array in a cell
    ['["NET_RAW","ALL"', 'includes', 'NET_RAW', false], // not JSON: split on commas
    ['', 'includes', 'ALL', false],
    [443, 'includes', 443, true],
    [{ ALL: true }, 'includes', 'ALL', 'is an object, not a list'],
    // any of
    [['owner', 'env'], 'includes any of', 'OWNER, team', true],
    [['env'], 'includes any of', 'owner, team', false],
    [[], 'includes any of', 'owner, team', false],
    ['env, team', 'includes any of', 'owner, team', true],
    [{ owner: 'x' }, 'includes any of', 'owner', 'is an object, not a list'],
    // none of
    [['NET_BIND_SERVICE'], 'includes none of', 'SYS_ADMIN, NET_ADMIN', true],
    [['sys_admin'], 'includes none of', 'SYS_ADMIN, NET_ADMIN', false],
    [[], 'includes none of', 'SYS_ADMIN', true],
    [{ a: 1 }, 'includes none of', 'a', 'is an object, not a list'],
    // all of
    [['Audit', 'Authentication', 'Policy'], 'includes all of', 'audit, authentication', true],
    [['audit'], 'includes all of', 'audit, authentication', false],
    [[], 'includes all of', 'audit', false],
    [[1, 2, 3], 'includes all of', '3, 1', true],
    ['audit,authentication', 'includes all of', 'AUTHENTICATION, AUDIT', true],
  ])('%j %s %j → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });
});

describe('counts', () => {
  test.each<Row>([
    [['a', 'b'], 'count at least', 2, true],
    [['a'], 'count at least', 2, false],
    [[], 'count at least', 0, true],
    [[], 'count at least', 1, false],
    [{ a: 1, b: 2, c: undefined }, 'count at least', 2, true],
    [{ a: 1, b: 2, c: undefined }, 'count at most', 1, false],
    ['a, b, c', 'count at least', 3, true],
    ['["a","b"]', 'count at most', 2, true],
    ['', 'count at most', 0, true],
    ['x', 'count at most', 1, true],
    [42, 'count at least', 1, true],
    [42, 'count at most', 0, false],
    [[1, 2, 3], 'count at most', '2', false],
    [[1, 2, 3], 'count at most', 3, true],
    [[1, 2, 3], 'count at most', 2.5, false],
  ])('%j %s %j → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });
});
