// Tracking across runs: First Seen carried over, Due from the SLA, Overdue, New Failures and Fixed.
import type { Result } from '../../core/engine/result';
import { tally } from '../../core/output/tally';
import { Tracker, trackingKey } from '../../core/output/tracking';
import type { Rulebook } from '../../core/rulebook/model';
import type { Status } from '../../core/types';
import { day, previous, resource, result, rule, rulebook, SETTINGS } from './helpers';

/**
 * Tracks results as a run does (the tally's one pass with a Tracker): the results as tracked, and the business
 * units with new failures and with fixed ones (each resource below is its own unit, so the units name them).
 */
function track(results: Result[], book: Rulebook, now: Date) {
  const t = tally(book, results, { tracker: new Tracker(book, now) });
  const unitsWith = (key: 'newFailures' | 'fixed') =>
    [...t.units.byKey.values()].flatMap((u) => Array<string>(u[key]).fill(u.name));
  return { results: t.results, newFailures: unitsWith('newFailures'), fixed: unitsWith('fixed') };
}

/** The one result, tracked. */
const trackOne = (r: Result, book: Rulebook, now: Date): Result => track([r], book, now).results.toArray()[0];

const high = rule({ id: 'S3-001', severity: 'High' });
const bucket = resource({ id: 'logs-bucket' });
const NOW = day('2026-03-01');

describe('First Seen, Due and Overdue', () => {
  // previous status (blank: no previous row), previous First Seen, status now → First Seen, Due, Overdue
  const cases: [
    string,
    string | undefined,
    Status,
    Date | undefined,
    Date | undefined,
    boolean | undefined,
  ][] = [
    ['first run failure', undefined, 'FAIL', NOW, day('2026-03-31'), false],
    ['still failing keeps its age', 'FAIL', 'FAIL', day('2026-01-01'), day('2026-01-31'), true],
    ['failing then waived keeps its age', 'FAIL', 'WAIVED', day('2026-01-01'), day('2026-01-31'), false],
    ['waived then failing keeps its age', 'WAIVED', 'FAIL', day('2026-01-01'), day('2026-01-31'), true],
    ['error then failing keeps its age', 'ERROR', 'FAIL', day('2026-01-01'), day('2026-01-31'), true],
    ['passed last time starts again', 'PASS', 'FAIL', NOW, day('2026-03-31'), false],
    ['passing now gets no dates', 'FAIL', 'PASS', undefined, undefined, undefined],
    ['not applicable gets no dates', 'FAIL', 'NOT_APPLICABLE', undefined, undefined, undefined],
    ['an error is never overdue', 'ERROR', 'ERROR', day('2026-01-01'), day('2026-01-31'), false],
  ];
  test.each(cases)('%s', (_name, before, now, firstSeen, due, overdue) => {
    const book = rulebook({
      previousResults: before ? [previous(high, bucket, before, day('2026-01-01'))] : [],
    });
    const r = trackOne(result(high, bucket, now), book, NOW);
    expect(r.firstSeen).toEqual(firstSeen);
    expect(r.due).toEqual(due);
    expect(r.overdue).toBe(overdue);
  });

  test('Due is exactly the SLA: overdue only once the run is on a later date', () => {
    const book = rulebook({ previousResults: [previous(high, bucket, 'FAIL', day('2026-01-30'))] });
    const onDue = trackOne(result(high, bucket, 'FAIL'), book, new Date('2026-03-01T23:59:59Z'));
    expect(onDue.due).toEqual(day('2026-03-01'));
    expect(onDue.overdue).toBe(false);
    const later = trackOne(result(high, bucket, 'FAIL'), book, new Date('2026-03-02T00:00:01Z'));
    expect(later.overdue).toBe(true);
  });

  describe("a new finding's First Seen is the run's date in the rulebook's time zone, as a plain date", () => {
    // now (UTC), time zone → First Seen, Due (High: 30 days)
    const cases: [string, string, Date, Date][] = [
      ['2026-03-01T09:30:00Z', 'UTC', day('2026-03-01'), day('2026-03-31')],
      ['2026-03-01T23:30:00Z', 'Asia/Tokyo', day('2026-03-02'), day('2026-04-01')],
      ['2026-03-01T05:00:00Z', 'America/Los_Angeles', day('2026-02-28'), day('2026-03-30')],
      ['2026-03-29T00:30:00Z', 'Europe/London', day('2026-03-29'), day('2026-04-28')],
    ];
    test.each(cases)('run at %s in %s → First Seen %p', (now, timeZone, firstSeen, due) => {
      const book = rulebook({ settings: { ...SETTINGS, timeZone } });
      const r = trackOne(result(high, bucket, 'FAIL'), book, new Date(now));
      expect(r.firstSeen).toEqual(firstSeen);
      expect(r.due).toEqual(due);
    });
  });

  test("overdue compares dates in the rulebook's time zone", () => {
    // Due 2026-03-01; at 2026-03-01T20:00Z it is already 2 March in Tokyo but still 1 March in UTC.
    const book = (timeZone: string) =>
      rulebook({
        settings: { ...SETTINGS, timeZone },
        previousResults: [previous(high, bucket, 'FAIL', day('2026-01-30'))],
      });
    const utc = trackOne(result(high, bucket, 'FAIL'), book('UTC'), new Date('2026-03-01T20:00:00Z'));
    expect(utc.overdue).toBe(false);
    const tokyo = trackOne(
      result(high, bucket, 'FAIL'),
      book('Asia/Tokyo'),
      new Date('2026-03-01T20:00:00Z'),
    );
    expect(tokyo.overdue).toBe(true);
  });

  test('a carried First Seen with a time of day (written by an older version) becomes its date', () => {
    const book = rulebook({
      settings: { ...SETTINGS, timeZone: 'America/New_York' },
      previousResults: [previous(high, bucket, 'FAIL', new Date('2026-01-10T03:00:00Z'))],
    });
    const r = trackOne(result(high, bucket, 'FAIL'), book, NOW);
    // 03:00 UTC is still 9 January in New York.
    expect(r.firstSeen).toEqual(day('2026-01-09'));
    expect(r.due).toEqual(day('2026-02-08'));
  });

  test('a carried plain date stays that date in any time zone', () => {
    const book = rulebook({
      settings: { ...SETTINGS, timeZone: 'America/New_York' },
      previousResults: [previous(high, bucket, 'FAIL', day('2026-01-10'))],
    });
    const r = trackOne(result(high, bucket, 'FAIL'), book, NOW);
    expect(r.firstSeen).toEqual(day('2026-01-10'));
  });

  test('a carried First Seen after the run date starts the clock on the run date', () => {
    const book = rulebook({ previousResults: [previous(high, bucket, 'FAIL', day('2026-06-01'))] });
    const r = trackOne(result(high, bucket, 'FAIL'), book, new Date('2026-03-01T15:00:00Z'));
    expect(r.firstSeen).toEqual(NOW);
  });

  test('a severity without an SLA has no Due and is never overdue', () => {
    const book = rulebook({
      settings: { ...SETTINGS, slaDays: { ...SETTINGS.slaDays, High: NaN } },
      previousResults: [previous(high, bucket, 'FAIL', day('2020-01-01'))],
    });
    const r = trackOne(result(high, bucket, 'FAIL'), book, NOW);
    expect(r.firstSeen).toEqual(day('2020-01-01'));
    expect(r.due).toBeUndefined();
    expect(r.overdue).toBe(false);
  });

  test('tracking leaves the results it is given as they were: open ones get dated copies', () => {
    const failing = result(high, bucket, 'FAIL');
    const passing = result(high, resource({ id: 'other' }), 'PASS');
    const tracked = track([failing, passing], rulebook(), NOW).results.toArray();
    expect([failing.firstSeen, failing.due, failing.overdue]).toEqual([undefined, undefined, undefined]);
    expect(tracked[0]).not.toBe(failing);
    expect(tracked[0]).toMatchObject({ rule: high, resource: bucket, status: 'FAIL', firstSeen: NOW });
    expect(tracked[1]).toBe(passing);
  });

  test('matching ignores case of rule id, type and resource id', () => {
    const book = rulebook({
      previousResults: [
        {
          ruleId: 's3-001',
          resourceType: 'AWS_S3_BUCKET',
          resourceId: 'LOGS-BUCKET',
          status: 'fail',
          firstSeen: day('2026-02-01'),
        },
      ],
    });
    const tracking = track([result(high, bucket, 'FAIL')], book, NOW);
    expect(tracking.results.toArray()[0].firstSeen).toEqual(day('2026-02-01'));
    expect(tracking.newFailures).toEqual([]);
  });

  test('the same resource id under another type is another finding', () => {
    const other = resource({ id: 'logs-bucket', type: 'gcp_bucket' });
    const book = rulebook({ previousResults: [previous(high, other, 'FAIL', day('2026-01-01'))] });
    const r = trackOne(result(high, bucket, 'FAIL'), book, NOW);
    expect(r.firstSeen).toEqual(NOW);
  });

  test('a previous row without First Seen starts the clock now', () => {
    const book = rulebook({ previousResults: [previous(high, bucket, 'FAIL')] });
    const r = trackOne(result(high, bucket, 'FAIL'), book, NOW);
    expect(r.firstSeen).toEqual(NOW);
  });

  test("a broken rule's ERROR, with no resource, keeps its age too", () => {
    const broken = rule({ id: 'BAD-1', broken: true });
    const book = rulebook({
      previousResults: [
        { ruleId: 'BAD-1', resourceId: '', resourceType: '', status: 'ERROR', firstSeen: day('2026-02-01') },
      ],
    });
    const r = trackOne(result(broken, undefined, 'ERROR'), book, NOW);
    expect(r.firstSeen).toEqual(day('2026-02-01'));
  });

  test('keys keep their parts apart', () => {
    expect(trackingKey('a', 'b c', 'd')).not.toBe(trackingKey('a b', 'c', 'd'));
    expect(trackingKey(' A ', 'T', 'X')).toBe(trackingKey('a', 't', 'x'));
  });
});

describe('New Failures and Fixed across two runs', () => {
  const a = resource({ id: 'a', businessUnit: 'a' });
  const b = resource({ id: 'b', businessUnit: 'b' });
  const c = resource({ id: 'c', businessUnit: 'c' });
  const d = resource({ id: 'd', businessUnit: 'd' });

  test('first run: every FAIL is new, nothing is fixed', () => {
    const results = [
      result(high, a, 'FAIL'),
      result(high, b, 'FAIL'),
      result(high, c, 'PASS'),
      result(high, d, 'WAIVED'),
    ];
    const tracking = track(results, rulebook(), NOW);
    expect(tracking.newFailures).toEqual(['a', 'b']);
    expect(tracking.fixed).toEqual([]);
  });

  test('second run compares with the first', () => {
    const first = [
      result(high, a, 'FAIL'),
      result(high, b, 'FAIL'),
      result(high, c, 'PASS'),
      result(high, d, 'WAIVED'),
    ];
    const tracked = track(first, rulebook(), day('2026-02-01')).results.toArray();
    const previousResults = tracked.map((r) => previous(high, r.resource!, r.status, r.firstSeen));

    // a still fails, b is fixed, c now fails (new), d waived → fails (new: it was not FAIL).
    const second = [
      result(high, a, 'FAIL'),
      result(high, b, 'PASS'),
      result(high, c, 'FAIL'),
      result(high, d, 'FAIL'),
    ];
    const tracking = track(second, rulebook({ previousResults }), NOW);
    expect(tracking.newFailures).toEqual(['c', 'd']);
    expect(tracking.fixed).toEqual(['b']);
    expect(tracking.results.toArray().map((r) => r.firstSeen)).toEqual([
      day('2026-02-01'),
      undefined,
      NOW,
      day('2026-02-01'),
    ]);
  });

  test('fixed is per rule: the same resource passing another rule is not fixed', () => {
    const other = rule({ id: 'S3-002', severity: 'High' });
    const book = rulebook({ previousResults: [previous(high, a, 'FAIL'), previous(other, b, 'FAIL')] });
    const tracking = track(
      [result(high, a, 'PASS'), result(high, b, 'PASS'), result(other, a, 'PASS'), result(other, b, 'PASS')],
      book,
      NOW,
    );
    // S3-001 was failing on a and S3-002 on b: one fixed each, not four.
    expect(tracking.fixed).toEqual(['a', 'b']);
  });

  test('of two previous rows for one finding the first counts, as the reader keeps the first', () => {
    const book = rulebook({
      previousResults: [
        previous(high, a, 'PASS'),
        previous(high, a, 'FAIL'),
        previous(high, b, 'FAIL'),
        previous(high, b, 'PASS'),
      ],
    });
    const tracking = track([result(high, a, 'PASS'), result(high, b, 'PASS')], book, NOW);
    expect(tracking.fixed).toEqual(['b']);
  });

  test('a FAIL that is now not applicable or waived is not counted as fixed', () => {
    const book = rulebook({ previousResults: [previous(high, a, 'FAIL'), previous(high, b, 'FAIL')] });
    const tracking = track([result(high, a, 'NOT_APPLICABLE'), result(high, b, 'WAIVED')], book, NOW);
    expect(tracking.fixed).toEqual([]);
  });
});
