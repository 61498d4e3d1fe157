// matches / does not match (RE2, case-insensitive, found anywhere) and matches pattern (globs, whole text).
import { check, type Row } from './check';

describe('regular expressions', () => {
  test.each<Row>([
    ['logs-prod', 'matches', '^[a-z0-9-]+-(prod|dev)$', true],
    ['LOGS-PROD', 'matches', '^[a-z0-9-]+-(prod|dev)$', true],
    ['logs-test', 'matches', '^[a-z0-9-]+-(prod|dev)$', false],
    ['my-prod-bucket', 'matches', 'prod', true], // found anywhere, not whole text
    ['Prod', 'matches', '(?-i)prod', false], // (?-i) makes it case-sensitive
    ['prod', 'matches', '(?-i)prod', true],
    ['PROD', 'matches', '(?-i)^PROD$', true],
    [8080, 'matches', '^80\\d\\d$', true],
    [true, 'matches', '^true$', true],
    [new Date(Date.UTC(2026, 2, 1)), 'matches', '^2026-03', true],
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', 'matches', '^(a+)+$', false], // linear time
    [['prod'], 'matches', 'prod', 'is a list of 1 item, not text'],
    [{ a: 'prod' }, 'matches', 'prod', 'is an object, not text'],
    ['nginx:latest', 'does not match', ':LATEST$', false],
    ['nginx:1.25', 'does not match', ':latest$', true],
    ['nginx:Latest', 'not matches', '(?-i):latest$', true],
    [['x'], 'does not match', 'y', 'is a list of 1 item, not text'],
  ])('%j %s %j → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });
});

describe('matches pattern', () => {
  test.each<Row>([
    ['registry.example.com/app:1', 'matches pattern', 'registry.example.com/*', true],
    ['REGISTRY.EXAMPLE.COM/app', 'matches pattern', 'registry.example.com/*', true],
    ['evil.com/registry.example.com/app', 'matches pattern', 'registry.example.com/*', false], // whole text
    ['prod-web', 'like', 'prod-???', true],
    ['prod-web1', 'like', 'prod-???', false],
    ['a.b', 'glob', 'a.b', true],
    ['axb', 'glob', 'a.b', false], // . is a plain character
    [10250, 'matches pattern', '102*', true],
    [['prod-web'], 'matches pattern', 'prod-*', 'is a list of 1 item, not text'],
  ])('%j %s %j → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });
});
