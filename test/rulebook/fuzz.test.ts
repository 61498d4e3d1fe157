// Random workbooks never make the reader throw, and what it returns always holds together.
import fc from 'fast-check';
import { MESSAGES } from '../../core/messages';
import { formatProblem } from '../../core/problems';
import { readRulebook } from '../../core/rulebook/read';
import { RULE_COLUMNS, RESOURCE_COLUMNS, WAIVER_COLUMNS, OWNER_COLUMNS } from '../../core/rulebook/headers';
import { GENERATED_RULE_COLUMNS } from '../../core/rulebook/model';
import type { Cell, Grid } from '../../core/types';

// Headers and values the reader knows, mixed with noise, so random grids reach deep into the reader.
const KNOWN_HEADERS = [RULE_COLUMNS, RESOURCE_COLUMNS, WAIVER_COLUMNS, OWNER_COLUMNS].flatMap((t) =>
  Object.values(t).flatMap((s) => [s.header, ...s.aliases]),
);
const WORDS = [
  ...KNOWN_HEADERS,
  ...GENERATED_RULE_COLUMNS,
  'Key',
  'Value',
  'SLA High',
  'Fail On',
  'Time Zone',
  'Include Passing',
  'High',
  'hgh',
  'TRUE',
  'maybe',
  'any',
  '*',
  'aws_s3_*',
  '2026-02-30',
  '2026-12-31',
  'Europe/London',
  '',
  '   ',
];

const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer({ min: -5, max: 3_000_000 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
  fc.constant(undefined),
);
const row = fc.array(cell, { maxLength: 9 }) as fc.Arbitrary<Cell[]>;
const name = fc.oneof(
  fc.constantFrom(
    'Rules',
    'Resources',
    'Resources 2',
    'Exceptions',
    'Owners',
    'Settings',
    'Results',
    'Run History',
  ),
  fc.string({ maxLength: 10 }),
);
const grid: fc.Arbitrary<Grid> = fc.record({ name, rows: fc.array(row, { maxLength: 8 }) });

// A sheet whose header row holds its real columns (some of them, shuffled), so rows are read field by field.
const SHEET_HEADERS: [string, string[]][] = [
  ['Rules', [...Object.values(RULE_COLUMNS).map((s) => s.header), ...GENERATED_RULE_COLUMNS, 'Notes']],
  ['Resources', [...Object.values(RESOURCE_COLUMNS).map((s) => s.header), 'encryption.enabled']],
  ['Exceptions', Object.values(WAIVER_COLUMNS).map((s) => s.header)],
  ['Owners', Object.values(OWNER_COLUMNS).map((s) => s.header)],
  ['Settings', ['Key', 'Value']],
  ['Results', ['Rule ID', 'Resource ID', 'Resource Type', 'Status', 'First Seen']],
];
const wellHeaded: fc.Arbitrary<Grid> = fc.constantFrom(...SHEET_HEADERS).chain(([sheetName, headers]) =>
  fc.record({
    name: fc.constant(sheetName),
    rows: fc
      .tuple(
        fc.shuffledSubarray(headers, { minLength: headers.length - 2 }),
        fc.array(row, { maxLength: 12 }),
      )
      .map(([header, body]) => [header as Cell[], ...body]),
  }),
);

describe('reading random workbooks', () => {
  test('never throws; every problem renders and points inside its sheet', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(grid, wellHeaded), { maxLength: 7 }), (grids) => {
        const book = readRulebook(grids);
        for (const p of book.problems) {
          expect(MESSAGES[p.code]).toBeDefined();
          expect(typeof formatProblem(p)).toBe('string');
          expect(p.code).not.toBe('data_unreadable');
          // Random names may repeat; a problem must fit inside the tallest sheet of its name.
          const heights = grids
            .filter((x) => x.name === p.location.sheet)
            .map((x) => Math.max(1, x.rows.length));
          if (heights.length > 0 && p.location.row !== undefined) {
            expect(p.location.row).toBeLessThan(Math.max(...heights));
          }
        }
        for (const rule of book.rules) {
          for (const p of rule.problems) expect(book.problems).toContain(p);
          expect(rule.broken).toBe(rule.problems.some((p) => p.severity === 'error'));
        }
        for (const res of book.resources) expect(res.id !== '' && res.type !== '').toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  test('a large sheet is read in one pass', () => {
    const rows: Cell[][] = [['Resource ID', 'Type', 'Name']];
    for (let i = 0; i < 200_000; i++) rows.push([`r${i % 150_000}`, 'aws_s3_bucket', `bucket ${i}`]);
    const book = readRulebook([{ name: 'Resources', rows }]);
    expect(book.resources).toHaveLength(150_000);
    expect(book.problems.filter((p) => p.code === 'duplicate_resource_id')).toHaveLength(50_000);
  });
});
