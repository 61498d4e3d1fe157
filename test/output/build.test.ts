// buildOutput end to end: two runs of a small rulebook, the patches each host writes, and what must always hold.
import type { Result } from '../../core/engine/result';
import { buildOutput, type OutputInput } from '../../core/output/build';
import { isValidSheetName } from '../../core/output/limits';
import { looksLikeFormula, type Patch, type SheetPatch, type WriteCell } from '../../core/output/patch';
import { RESULTS_HEADER } from '../../core/output/results-sheet';
import { EXCEL_LIMITS, SHEETS_LIMITS } from '../../core/output/types';
import type { PreviousResult, Rule, Rulebook } from '../../core/rulebook/model';
import type { Cell, Status } from '../../core/types';
import { day, resource, result, rule, rulebook, rulesSheet, SETTINGS } from './helpers';

const EVIL = '=HYPERLINK("http://evil","x")';
const s3 = rule({ id: 'S3-001', row: 1, severity: 'Critical', framework: 'CIS AWS 2.1.1; SOC 2 CC6.1' });
const iam = rule({ id: 'IAM-002', row: 2, severity: 'High' });
const fin = resource({ id: 'fin-logs', name: EVIL, businessUnit: 'Finance', owner: 'dana' });
const hr = resource({ id: '@SUM(1)', businessUnit: 'HR' });

const RULES_GRID: Cell[][] = [
  ['Rule ID', 'Title', 'Operator', 'Severity'],
  ['S3-001', 'Buckets block public access', 'equals', 'Critical'],
  ['IAM-002', 'Keys rotate', 'older than', 'High'],
];

function input(
  statuses: [Rule, typeof fin, Status][],
  book: Partial<Rulebook>,
  now: Date,
): OutputInput & { results: Result[] } {
  return {
    rulebook: rulebook({
      rules: [s3, iam],
      resources: [fin, hr],
      rulesSheet: rulesSheet(RULES_GRID, { columns: { operator: 2, severity: 3 } }),
      grids: new Map([['rules', { name: 'Rules', rows: RULES_GRID }]]),
      ...book,
    }),
    results: statuses.map(([r, res, status]) => result(r, res, status)),
    ruleInfo: new Map(),
    now,
    limits: EXCEL_LIMITS,
  };
}

/** What a reader would take back from the Results sheet a run wrote. */
function readResults(patch: SheetPatch): PreviousResult[] {
  const text = (c: WriteCell) =>
    c !== null && typeof c === 'object' && 'text' in c ? c.text : String(c ?? '');
  const col = (name: (typeof RESULTS_HEADER)[number]) => RESULTS_HEADER.indexOf(name);
  return patch.rows.slice(1).map((r) => ({
    ruleId: text(r[col('Rule ID')]),
    resourceId: text(r[col('Resource ID')]),
    resourceType: text(r[col('Resource Type')]),
    status: text(r[col('Status')]),
    firstSeen: r[col('First Seen')] as Date,
  }));
}

const sheetNamed = (patches: Patch[], name: string) => patches.find((p) => p.sheet === name) as SheetPatch;
/** Cells as a host would read them back: wrapped text becomes plain text. */
const asRead = (rows: WriteCell[][]): Cell[][] =>
  rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' && 'text' in c ? c.text : c)));

describe('two runs', () => {
  const first = input(
    [
      [s3, fin, 'FAIL'],
      [s3, hr, 'FAIL'],
      [iam, fin, 'PASS'],
      [iam, hr, 'NOT_APPLICABLE'],
    ],
    {},
    day('2026-01-01'),
  );
  const run1 = buildOutput(first);
  const previousResults = readResults(sheetNamed(run1.patches, 'Results'));
  const previousHistory = asRead(sheetNamed(run1.patches, 'Run History').rows);

  const second = input(
    [
      [s3, fin, 'FAIL'],
      [s3, hr, 'PASS'],
      [iam, fin, 'FAIL'],
      [iam, hr, 'NOT_APPLICABLE'],
    ],
    { previousResults, previousHistory },
    day('2026-02-01'),
  );
  const run2 = buildOutput(second);

  test('tracking gives the results dated copies of the open ones, and leaves the input as it was', () => {
    expect(run1.results.toArray().map((r) => r.firstSeen)).toEqual([
      day('2026-01-01'),
      day('2026-01-01'),
      undefined,
      undefined,
    ]);
    expect(run2.results.toArray().map((r) => r.firstSeen)).toEqual([
      day('2026-01-01'),
      undefined,
      day('2026-02-01'),
      undefined,
    ]);
    expect(run2.results.toArray()[0].overdue).toBe(true);
    expect(run2.results.toArray().map((r) => [r.rule, r.resource, r.status])).toEqual(
      second.results.map((r) => [r.rule, r.resource, r.status]),
    );
    expect(second.results.every((r) => r.firstSeen === undefined && r.overdue === undefined)).toBe(true);
  });

  test('figures: new failures and fixed compare with the first run', () => {
    expect(run1.summary).toMatchObject({ checks: 3, failing: 2, newFailures: 2, fixed: 0 });
    expect(run2.summary).toMatchObject({
      checks: 3,
      failing: 2,
      newFailures: 1,
      fixed: 1,
      overdue: [run2.results.toArray()[0]],
    });
  });

  test('Run History keeps the first run and appends the second: All first, then units', () => {
    const rows = sheetNamed(run2.patches, 'Run History').rows;
    expect(asRead(rows.slice(0, 4))).toEqual(previousHistory);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[10], r[11]])).toEqual([
      [day('2026-01-01'), 'All', 2, 0],
      [day('2026-01-01'), 'Finance', 1, 0],
      [day('2026-01-01'), 'HR', 1, 0],
      [day('2026-02-01'), 'All', 1, 1],
      [day('2026-02-01'), 'Finance', 1, 0],
      [day('2026-02-01'), 'HR', 0, 1],
    ]);
    expect(run2.history.map((h) => h.businessUnit)).toEqual(['All', 'Finance', 'HR']);
  });

  test('the Summary trend holds both runs', () => {
    const summary = sheetNamed(run2.patches, 'Summary');
    const chart = summary.format.chart!;
    expect(summary.rows.slice(chart.fromRow + 1, chart.toRow + 1).map((r) => r[0])).toEqual([
      day('2026-01-01'),
      day('2026-02-01'),
    ]);
  });

  test('patches in order: engine sheets, then the Rules columns whose dropdowns use the lists sheet', () => {
    expect(run2.patches.map((p) => `${p.kind}:${p.sheet}`)).toEqual([
      'sheet:Results',
      'sheet:Summary',
      'sheet:Run History',
      'sheet:Rulesheet Lists',
      'columns:Rules',
    ]);
    expect(run2.problems).toEqual([]);
  });

  test('every sheet the engine creates has a valid name', () => {
    for (const p of run2.patches) if (p.kind === 'sheet') expect(isValidSheetName(p.sheet)).toBe(true);
  });

  test('no written text can become a formula, in any patch', () => {
    const cells = [...run1.patches, ...run2.patches].flatMap((p) =>
      p.kind === 'sheet' ? p.rows.flat() : p.columns.flatMap((c) => c.values),
    );
    const bare = cells.filter((c): c is string => typeof c === 'string' && looksLikeFormula(c));
    expect(bare).toEqual([]);
    expect(cells).toContainEqual({ text: EVIL });
    expect(cells).toContainEqual({ text: '@SUM(1)' });
  });

  test('the Rules columns go after the user columns', () => {
    const columns = run2.patches.find((p) => p.kind === 'columns')!;
    expect(columns.kind === 'columns' && columns.columns.map((c) => c.col)).toEqual([4, 5, 6, 7, 8, 9, 10]);
  });
});

test('without a Rules sheet there is no columns patch', () => {
  const out = buildOutput(input([[s3, fin, 'FAIL']], { rulesSheet: undefined }, day('2026-01-01')));
  expect(out.patches.map((p) => p.kind)).toEqual(['sheet', 'sheet', 'sheet', 'sheet']);
});

test('host limits come back as problems', () => {
  const long = 'm'.repeat(60_000);
  const run = input([[s3, fin, 'FAIL']], {}, day('2026-01-01'));
  run.results[0] = { ...run.results[0], message: long };
  run.limits = SHEETS_LIMITS;
  const out = buildOutput(run);
  expect(out.problems).toMatchObject([
    { code: 'cell_too_long', location: { sheet: 'Results', row: 1, col: 12 } },
  ]);
  const cell = sheetNamed(out.patches, 'Results').rows[1][12] as string;
  expect(cell).toHaveLength(50_000);
  expect(cell.endsWith('…')).toBe(true);
});

test("First Seen and Due are written as plain dates: the run's date in the rulebook's time zone", () => {
  const run = input(
    [[s3, fin, 'FAIL']],
    { settings: { ...SETTINGS, timeZone: 'Asia/Tokyo' } },
    new Date('2026-01-01T20:00:00Z'),
  );
  const row = sheetNamed(buildOutput(run).patches, 'Results').rows[1];
  const col = (name: (typeof RESULTS_HEADER)[number]) => RESULTS_HEADER.indexOf(name);
  expect([row[col('First Seen')], row[col('Due')], row[col('Overdue')]]).toEqual([
    day('2026-01-02'),
    day('2026-01-09'),
    false,
  ]);
});

test('Run History has a (none) row for resources without a business unit, as the Summary does', () => {
  const loose = resource({ id: 'loose' });
  const out = buildOutput(
    input(
      [
        [s3, fin, 'FAIL'],
        [s3, loose, 'PASS'],
      ],
      { resources: [fin, hr, loose] },
      day('2026-01-01'),
    ),
  );
  expect(out.history.map((h) => [h.businessUnit, h.resources, h.checks, h.passing])).toEqual([
    ['All', 3, 2, 1],
    ['Finance', 1, 1, 0],
    ['HR', 1, 0, 0],
    ['(none)', 1, 1, 1],
  ]);
  expect(out.summary.byBusinessUnit.map((g) => g.name)).toEqual(['Finance', '(none)']);
});
