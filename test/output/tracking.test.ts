// Tracking across runs: First Seen carried over, Due from the SLA, Overdue, New Failures and Fixed.
import { applyTracking, trackingKey } from '../../core/output/tracking';
import type { Status } from '../../core/types';
import { day, previous, resource, result, rule, rulebook } from './helpers';

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
    const r = result(high, bucket, now);
    applyTracking([r], book, NOW);
    expect(r.firstSeen).toEqual(firstSeen);
    expect(r.due).toEqual(due);
    expect(r.overdue).toBe(overdue);
  });

  test('Due is exactly the SLA: overdue only once now is past it', () => {
    const book = rulebook({ previousResults: [previous(high, bucket, 'FAIL', day('2026-01-30'))] });
    const onDue = result(high, bucket, 'FAIL');
    applyTracking([onDue], book, day('2026-03-01'));
    expect(onDue.due).toEqual(day('2026-03-01'));
    expect(onDue.overdue).toBe(false);
    const later = result(high, bucket, 'FAIL');
    applyTracking([later], book, new Date('2026-03-01T00:00:01Z'));
    expect(later.overdue).toBe(true);
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
    const r = result(high, bucket, 'FAIL');
    const tracking = applyTracking([r], book, NOW);
    expect(r.firstSeen).toEqual(day('2026-02-01'));
    expect(tracking.newFailures).toEqual([]);
  });

  test('the same resource id under another type is another finding', () => {
    const other = resource({ id: 'logs-bucket', type: 'gcp_bucket' });
    const book = rulebook({ previousResults: [previous(high, other, 'FAIL', day('2026-01-01'))] });
    const r = result(high, bucket, 'FAIL');
    applyTracking([r], book, NOW);
    expect(r.firstSeen).toEqual(NOW);
  });

  test('a previous row without First Seen starts the clock now', () => {
    const book = rulebook({ previousResults: [previous(high, bucket, 'FAIL')] });
    const r = result(high, bucket, 'FAIL');
    applyTracking([r], book, NOW);
    expect(r.firstSeen).toEqual(NOW);
  });

  test("a broken rule's ERROR, with no resource, keeps its age too", () => {
    const broken = rule({ id: 'BAD-1', broken: true });
    const book = rulebook({
      previousResults: [
        { ruleId: 'BAD-1', resourceId: '', resourceType: '', status: 'ERROR', firstSeen: day('2026-02-01') },
      ],
    });
    const r = result(broken, undefined, 'ERROR');
    applyTracking([r], book, NOW);
    expect(r.firstSeen).toEqual(day('2026-02-01'));
  });

  test('keys keep their parts apart', () => {
    expect(trackingKey('a', 'b c', 'd')).not.toBe(trackingKey('a b', 'c', 'd'));
    expect(trackingKey(' A ', 'T', 'X')).toBe(trackingKey('a', 't', 'x'));
  });
});

describe('New Failures and Fixed across two runs', () => {
  const a = resource({ id: 'a' });
  const b = resource({ id: 'b' });
  const c = resource({ id: 'c' });
  const d = resource({ id: 'd' });

  test('first run: every FAIL is new, nothing is fixed', () => {
    const results = [
      result(high, a, 'FAIL'),
      result(high, b, 'FAIL'),
      result(high, c, 'PASS'),
      result(high, d, 'WAIVED'),
    ];
    const tracking = applyTracking(results, rulebook(), NOW);
    expect(tracking.newFailures.map((r) => r.resource?.id)).toEqual(['a', 'b']);
    expect(tracking.fixed).toEqual([]);
  });

  test('second run compares with the first', () => {
    const first = [
      result(high, a, 'FAIL'),
      result(high, b, 'FAIL'),
      result(high, c, 'PASS'),
      result(high, d, 'WAIVED'),
    ];
    applyTracking(first, rulebook(), day('2026-02-01'));
    const previousResults = first.map((r) => previous(high, r.resource!, r.status, r.firstSeen));

    // a still fails, b is fixed, c now fails (new), d waived → fails (new: it was not FAIL).
    const second = [
      result(high, a, 'FAIL'),
      result(high, b, 'PASS'),
      result(high, c, 'FAIL'),
      result(high, d, 'FAIL'),
    ];
    const tracking = applyTracking(second, rulebook({ previousResults }), NOW);
    expect(tracking.newFailures.map((r) => r.resource?.id)).toEqual(['c', 'd']);
    expect(tracking.fixed.map((r) => r.resource?.id)).toEqual(['b']);
    expect(second.map((r) => r.firstSeen)).toEqual([day('2026-02-01'), undefined, NOW, day('2026-02-01')]);
  });

  test('a FAIL that is now not applicable or waived is not counted as fixed', () => {
    const book = rulebook({ previousResults: [previous(high, a, 'FAIL'), previous(high, b, 'FAIL')] });
    const tracking = applyTracking([result(high, a, 'NOT_APPLICABLE'), result(high, b, 'WAIVED')], book, NOW);
    expect(tracking.fixed).toEqual([]);
  });
});
