// Run figures: totals and pass rate, breakdowns, top failing rules, overdue, and the Run History rows.
import type { Result } from '../../core/engine/result';
import { historyRowsOf } from '../../core/output/history';
import { countsOf, frameworkIds, summaryOf } from '../../core/output/summary';
import { tally } from '../../core/output/tally';
import { Tracker } from '../../core/output/tracking';
import type { Rulebook } from '../../core/rulebook/model';
import type { Status } from '../../core/types';
import { day, previous, resource, result, rule, rulebook } from './helpers';

/** The figures of results as buildOutput makes them: one tally (tracking on the way), the summary, Run History. */
function figures(book: Rulebook, results: Result[], now: Date) {
  const t = tally(book, results, { tracker: new Tracker(book, now) });
  const summary = summaryOf(book, t, now, { newFailures: t.newFailures, fixed: t.fixed });
  return { summary, history: historyRowsOf(book, t, summary) };
}

const NOW = day('2026-03-01');

describe('counts and pass rate', () => {
  const r = rule({ id: 'R-1' });
  const x = resource({ id: 'x' });
  // statuses → checks, passRate
  const cases: [Status[], number, number][] = [
    [[], 0, 1],
    [['NOT_APPLICABLE', 'NOT_APPLICABLE'], 0, 1],
    [['PASS', 'PASS', 'PASS', 'FAIL'], 4, 0.75],
    [['PASS', 'WAIVED', 'WAIVED'], 3, 1],
    [['PASS', 'ERROR'], 2, 0.5],
    [['WAIVED'], 1, 1],
    [['FAIL', 'NOT_APPLICABLE'], 1, 0],
  ];
  test.each(cases)('%j → %d checks, pass rate %d', (statuses, checks, passRate) => {
    const counts = countsOf(
      tally(
        rulebook(),
        statuses.map((s) => result(r, x, s)),
      ).all,
    );
    expect(counts.checks).toBe(checks);
    expect(counts.passRate).toBeCloseTo(passRate);
    expect(counts.notApplicable).toBe(statuses.filter((s) => s === 'NOT_APPLICABLE').length);
  });
});

test.each([
  ['CIS AWS 2.1.1; SOC 2 CC6.1', ['CIS AWS 2.1.1', 'SOC 2 CC6.1']],
  ['', []],
  [' ; NIST AC-3 ;', ['NIST AC-3']],
  ['ISO 27001 A.8, A.9', ['ISO 27001 A.8, A.9']],
  ['PCI 1.2; pci 1.2', ['PCI 1.2']],
])('framework %j splits on ; only → %j', (framework, ids) => {
  expect(frameworkIds(rule({ id: 'F', framework }))).toEqual(ids);
});

describe('a small run', () => {
  const s3 = rule({ id: 'S3-001', severity: 'Critical', framework: 'CIS AWS 2.1.1; SOC 2 CC6.1' });
  const iam = rule({ id: 'IAM-002', severity: 'High', framework: 'SOC 2 CC6.1', businessUnits: ['Finance'] });
  const off = rule({ id: 'OLD-1', enabled: false });
  const fin1 = resource({ id: 'fin-1', businessUnit: 'Finance', owner: 'dana' });
  const fin2 = resource({ id: 'fin-2', businessUnit: 'finance' });
  const hr1 = resource({ id: 'hr-1', businessUnit: 'HR', owner: 'lee' });
  const loose = resource({ id: 'loose', businessUnit: '' });

  function run() {
    const results = [
      result(s3, fin1, 'FAIL'),
      result(s3, fin2, 'PASS'),
      result(s3, hr1, 'FAIL'),
      result(s3, loose, 'WAIVED'),
      result(iam, fin1, 'FAIL'),
      result(iam, fin2, 'ERROR'),
      result(iam, hr1, 'NOT_APPLICABLE'),
      result(iam, loose, 'NOT_APPLICABLE'),
    ];
    const book = rulebook({
      rules: [s3, iam, off],
      resources: [fin1, fin2, hr1, loose],
      // fin-1 failed S3-001 long ago (overdue now); fin-2 was failing and is fixed.
      previousResults: [
        previous(s3, fin1, 'FAIL', day('2026-01-01')),
        previous(s3, fin2, 'FAIL', day('2026-01-01')),
      ],
    });
    return figures(book, results, NOW);
  }

  test('totals', () => {
    const { summary } = run();
    expect(summary).toMatchObject({
      runAt: NOW,
      rules: 2,
      resources: 4,
      checks: 6,
      passing: 1,
      failing: 3,
      waived: 1,
      errors: 1,
      notApplicable: 2,
      newFailures: 2,
      fixed: 1,
    });
    expect(summary.passRate).toBeCloseTo(1 / 5);
  });

  test('by severity lists all five, in order', () => {
    const { summary } = run();
    expect(summary.bySeverity.map((g) => [g.name, g.checks, g.failing])).toEqual([
      ['Critical', 4, 2],
      ['High', 2, 1],
      ['Medium', 0, 0],
      ['Low', 0, 0],
      ['Info', 0, 0],
    ]);
  });

  test('by business unit: case-insensitive groups, blank as (none) last', () => {
    const { summary } = run();
    expect(summary.byBusinessUnit.map((g) => [g.name, g.checks, g.failing, g.notApplicable])).toEqual([
      ['Finance', 4, 2, 0],
      ['HR', 1, 1, 1],
      ['(none)', 1, 0, 1],
    ]);
  });

  test('by fix owner counts the results someone must act on: failing, errors, waived, overdue; never passing', () => {
    const { summary } = run();
    expect(summary.byFixOwner.map((g) => [g.name, g.failing, g.errors, g.waived, g.overdue])).toEqual([
      ['dana', 2, 0, 0, 1],
      ['lee', 1, 0, 0, 0],
      ['Unassigned', 0, 1, 1, 0],
    ]);
    expect(summary.byFixOwner.every((g) => g.passing === 0 && g.notApplicable === 0)).toBe(true);
  });

  test('fix owners differing only in case or spaces are one, most failing first', () => {
    const x = resource({ id: 'x' });
    const results = [
      result(s3, x, 'FAIL', { fixOwner: 'ops' }),
      result(s3, x, 'ERROR', { fixOwner: 'Dana' }),
      result(s3, x, 'FAIL', { fixOwner: ' OPS ' }),
      result(s3, x, 'WAIVED', { fixOwner: undefined }),
      result(s3, x, 'PASS', { fixOwner: 'dana' }),
    ];
    const { summary } = figures(rulebook({ rules: [s3] }), results, NOW);
    expect(summary.byFixOwner.map((g) => [g.name, g.failing, g.errors, g.waived])).toEqual([
      ['ops', 2, 0, 0],
      ['Dana', 0, 1, 0],
      ['Unassigned', 0, 0, 1],
    ]);
  });

  test('by framework: each id of a rule counts its results', () => {
    const { summary } = run();
    expect(summary.byFramework.map((g) => [g.name, g.checks, g.failing])).toEqual([
      ['CIS AWS 2.1.1', 4, 2],
      ['SOC 2 CC6.1', 6, 3],
    ]);
  });

  test('top failing rules and overdue', () => {
    const { summary } = run();
    expect(summary.topFailingRules).toEqual([
      { ruleId: 'S3-001', title: 'Rule S3-001', severity: 'Critical', failing: 2 },
      { ruleId: 'IAM-002', title: 'Rule IAM-002', severity: 'High', failing: 1 },
    ]);
    expect(summary.overdue.map((r) => `${r.rule.id}/${r.resource?.id}`)).toEqual(['S3-001/fin-1']);
  });

  test('top failing rules stop at ten, most failing first', () => {
    const x = resource({ id: 'x' });
    const rules = Array.from({ length: 12 }, (_, i) => rule({ id: `R-${String(i).padStart(2, '0')}` }));
    const results = rules.flatMap((r, i) => Array.from({ length: i + 1 }, () => result(r, x, 'FAIL')));
    const { summary } = figures(rulebook({ rules }), results, NOW);
    expect(summary.topFailingRules.map((t) => t.failing)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
  });

  test('Run History rows: All first, then each business unit, sorted, then (none) as in the Summary', () => {
    const { history: rows } = run();
    expect(
      rows.map((r) => [
        r.businessUnit,
        r.rules,
        r.resources,
        r.checks,
        r.passing,
        r.failing,
        r.waived,
        r.errors,
        r.newFailures,
        r.fixed,
      ]),
    ).toEqual([
      ['All', 2, 4, 6, 1, 3, 1, 1, 2, 1],
      ['Finance', 2, 2, 4, 1, 2, 0, 1, 1, 1],
      ['HR', 1, 1, 1, 0, 1, 0, 0, 1, 0],
      // loose has no business unit: only the unscoped S3-001 applies to it, and it is waived.
      ['(none)', 1, 1, 1, 0, 0, 1, 0, 0, 0],
    ]);
    expect(rows.every((r) => r.runAt === NOW)).toBe(true);
    expect(rows[1].passRate).toBeCloseTo(1 / 4);
  });

  test('Run History unit rows add up to All, and match the Summary by business unit', () => {
    const { summary, history } = run();
    const [all, ...units] = history;
    for (const key of [
      'resources',
      'checks',
      'passing',
      'failing',
      'waived',
      'errors',
      'newFailures',
      'fixed',
    ] as const)
      expect(units.reduce((n, u) => n + u[key], 0)).toBe(all[key]);
    expect(units.map((u) => [u.businessUnit, u.checks, u.failing])).toEqual(
      summary.byBusinessUnit.map((g) => [g.name, g.checks, g.failing]),
    );
  });

  test("a broken rule's error, which has no resource, is in (none) in the Summary and in Run History", () => {
    const broken = rule({ id: 'BAD-1', broken: true });
    const fin = resource({ id: 'fin', businessUnit: 'Finance' });
    const results = [result(broken, undefined, 'ERROR'), result(s3, fin, 'PASS')];
    const book = rulebook({ rules: [broken, s3], resources: [fin] });
    const { summary, history: rows } = figures(book, results, NOW);
    expect(summary.byBusinessUnit.map((g) => [g.name, g.errors])).toEqual([
      ['Finance', 0],
      ['(none)', 1],
    ]);
    expect(rows.map((r) => [r.businessUnit, r.resources, r.errors])).toEqual([
      ['All', 1, 1],
      ['Finance', 1, 0],
      ['(none)', 0, 1],
    ]);
  });

  test('no (none) row when every resource has a business unit', () => {
    const fin = resource({ id: 'fin', businessUnit: 'Finance' });
    const results = [result(s3, fin, 'FAIL')];
    const book = rulebook({ rules: [s3], resources: [fin] });
    const rows = figures(book, results, NOW).history;
    expect(rows.map((r) => r.businessUnit)).toEqual(['All', 'Finance']);
  });
});
