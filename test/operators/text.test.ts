// contains, starts with, ends with and their negations.
import { check, type Row } from './check';

describe('text operators', () => {
  test.each<Row>([
    // contains
    ['production-web', 'contains', 'PROD', true],
    ['staging-web', 'contains', 'prod', false],
    [8080, 'contains', '80', true],
    [8080, 'contains', 80, true],
    [true, 'contains', 'rue', true],
    [new Date(Date.UTC(2026, 2, 1)), 'contains', '2026-03', true],
    ['{"Principal":"*"}', 'contains', '"principal":"*"', true],
    // contains on a list: an element equals Expected
    [['ALL', 'NET_RAW'], 'contains', 'all', true],
    [['ALL_CAPS'], 'contains', 'all', false],
    [[80, 443], 'contains', '443', true],
    [[], 'contains', 'a', false],
    [{ a: 'x' }, 'contains', 'x', 'is an object, not text or a list'],
    // does not contain
    ['{"Principal":"AWS"}', 'does not contain', '"Principal":"*"', true],
    ['{"Principal":"*"}', 'does not contain', '"PRINCIPAL":"*"', false],
    [['SYS_ADMIN'], 'does not contain', 'sys_admin', false],
    [['NET_RAW'], 'does not contain', 'sys_admin', true],
    [{ a: 'x' }, 'does not contain', 'x', 'is an object, not text or a list'],
    // starts with / ends with
    ['Registry.Example.com/app:1', 'starts with', 'registry.example.com/', true],
    ['docker.io/app', 'starts with', 'registry.example.com/', false],
    [10250, 'starts with', 10, true],
    ['app.example.com', 'ends with', '.EXAMPLE.COM', true],
    ['example.com.evil', 'ends with', '.example.com', false],
    [['a'], 'starts with', 'a', 'is a list of 1 item, not text'],
    [{ a: 1 }, 'ends with', 'a', 'is an object, not text'],
    ['tmp-logs', 'does not start with', 'TMP-', false],
    ['logs', 'does not start with', 'tmp-', true],
    ['nginx:latest', 'does not end with', ':LATEST', false],
    ['nginx:1.25', 'does not end with', ':latest', true],
    [['nginx:latest'], 'does not end with', ':latest', 'is a list of 1 item, not text'],
  ])('%j %s %j → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });
});
