// Quantities and durations in equals and the comparisons, row by row: Expected written with a unit compares by value.
import { check, type Row } from './check';

const notQuantity = { error: 'is not a Kubernetes quantity (such as 500m, 1Gi or 2e3)' };
const notDuration = { error: 'is not a duration (write durations as 90s, 4h30m or PT4H)' };
const numberNotDuration = {
  error: 'is a number without a unit, not a duration (write durations as 90s, 4h30m or PT4H)',
};

describe('Kubernetes quantities', () => {
  test.each<Row>([
    ['1', 'equals', '1000m', true],
    [1, 'equals', '1000m', true],
    ['0.3', 'equals', '300m', true],
    ['1Gi', 'equals', '1024Mi', true],
    ['1073741824', 'equals', '1Gi', true],
    ['1G', 'equals', '1Gi', false],
    ['2e3', 'equals', '2k', true],
    ['2E3', 'equals', '2k', true],
    ['1Ki', 'equals', '1024', false], // a plain number Expected is a number: "1Ki" is not one
    ['1Ki', 'does not equal', '1k', true],
    ['500m', 'at most', '1000m', true],
    ['1500m', 'at most', '1000m', false],
    ['2', 'greater than', '1500m', true],
    ['512Mi', 'at most', '1Gi', true],
    ['2Gi', 'at most', '1Gi', false],
    ['500M', 'less than', '1Gi', true],
    ['1Gi', 'at least', '1G', true],
    ['0', 'at least', '100m', false],
    ['lots', 'at most', '1Gi', notQuantity],
    ['1gi', 'at most', '1Gi', notQuantity], // suffixes are case-sensitive: m is milli, M mega
    ['lots', 'equals', '1Gi', notQuantity],
    [true, 'at most', '1Gi', notQuantity],
    [['1Gi'], 'at most', '1Gi', { error: 'is a list of 1 item, not a quantity' }],
  ])('%j %s %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toEqual(verdict);
  });
});

describe('durations', () => {
  test.each<Row>([
    ['4h30m', 'at most', '8h', true],
    ['8h0m1s', 'at most', '8h', false],
    ['90s', 'equals', '1m30s', true],
    ['1.5h', 'equals', '90m', true],
    ['500ms', 'less than', '1s', true],
    ['PT4H', 'equals', '4h', true],
    ['P30D', 'equals', '720h', true],
    ['P1W', 'greater than', 'P6D', true],
    ['PT1H30M', 'equals', '90m', true],
    ['P2D', 'at most', 'P30D', true],
    ['p30d', 'equals', 'P30D', true],
    ['0', 'at most', '8h', true],
    ['30s', 'at most', '10m', true], // 10m met by a duration is ten minutes
    ['11m', 'at most', '10m', false],
    ['250m', 'at most', '10m', false], // ... and met by a quantity, ten thousandths
    ['3600', 'at most', '8h', numberNotDuration],
    [3600, 'at most', '8h', numberNotDuration],
    ['soon', 'at most', '8h', notDuration],
    ['soon', 'at most', '10m', { error: 'is neither a Kubernetes quantity nor a duration' }],
    ['soon', 'does not equal', '8h', notDuration],
  ])('%j %s %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toEqual(verdict);
  });
});
