// older than, newer than, expires within, against the run's clock (2026-03-01T12:00:00Z).
import { check, NOW_MS, type Row } from './check';

const daysAgo = (days: number) => new Date(NOW_MS - days * 86_400_000);
const iso = (d: Date) => d.toISOString();

describe('date operators', () => {
  test.each<Row>([
    // older than: more than N days before now
    [daysAgo(91), 'older than', 90, true],
    [daysAgo(89), 'older than', 90, false],
    [iso(daysAgo(100)), 'older than', '90', true],
    ['2025-01-01', 'older than', 90, true],
    ['2026-02-28', 'older than', 1, true], // midnight UTC, 36 hours before now
    ['2026-03-01', 'older than', 1, false],
    [45658, 'older than', 90, true], // an Excel serial: 2025-01-01
    [daysAgo(0.5), 'older than', 0, true],
    [daysAgo(-1), 'older than', 0, false],
    ['last week', 'older than', 7, 'is not a date'],
    [true, 'older than', 7, 'is not a date'],
    ['2026-02-30', 'older than', 7, 'is not a date'],
    [[daysAgo(100)], 'older than', 90, 'is a list of 1 item, not a date'],
    // newer than: within the last N days, and not more than a day ahead
    [daysAgo(1), 'newer than', 7, true],
    [daysAgo(8), 'newer than', 7, false],
    [iso(daysAgo(6.9)), 'within last days', 7, true],
    [daysAgo(-0.5), 'newer than', 7, true],
    [daysAgo(-30), 'newer than', 7, 'is in the future'],
    ['never', 'newer than', 7, 'is not a date'],
    // expires within: before now + N days, already past included
    [daysAgo(-10), 'expires within', 30, true],
    [daysAgo(-40), 'expires within', 30, false],
    [daysAgo(5), 'expires within', 30, true],
    ['2026-03-15', 'expires within days', '30', true],
    ['2027-01-01', 'expires within', 30, false],
    [{ notAfter: '2026-03-15' }, 'expires within', 30, 'is an object, not a date'],
  ])('%j %s %j → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });

  test('the clock is the run context, not the system clock', () => {
    const lastYear = Date.UTC(2025, 2, 1);
    expect(check('2025-01-01', 'older than', 90, lastYear)).toBe(false);
    expect(check('2025-01-01', 'older than', 90, NOW_MS)).toBe(true);
  });
});
