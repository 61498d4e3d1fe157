// The generated Rules columns: where they go (never over a user column), what they say, and the dropdowns.
import {
  placeGeneratedColumns,
  problemLine,
  rulesColumnsOf,
  ruleStatusText,
  type RuleInfo,
} from '../../core/output/rules-columns';
import { ruleLists } from '../../core/output/lists-sheet';
import { tally } from '../../core/output/tally';
import { problem } from '../../core/problems';
import type { Rule } from '../../core/rulebook/model';
import type { Cell } from '../../core/types';
import { day, resource, result, rule, rulebook, rulesSheet } from './helpers';

const USER_HEADER: Cell[] = [
  'Rule ID',
  'Title',
  'Resource Type',
  'Field',
  'Operator',
  'Expected',
  'Severity',
  'Enabled',
];
const NOW = day('2026-03-01');

describe('placement', () => {
  test('a first run puts them right after the user columns, in order', () => {
    const placed = placeGeneratedColumns(rulesSheet([USER_HEADER]));
    expect(placed).toEqual({
      'Reads As': 8,
      Status: 9,
      Passing: 10,
      Failing: 11,
      Waived: 12,
      Problems: 13,
      'Last Run': 14,
    });
  });

  test('columns of an earlier run are reused where they are, even if the user moved them', () => {
    const generated = {
      'Reads As': 20,
      Status: 8,
      Passing: 9,
      Failing: 10,
      Waived: 11,
      Problems: 12,
      'Last Run': 13,
    };
    expect(placeGeneratedColumns(rulesSheet([USER_HEADER], { generated }))).toEqual(generated);
  });

  test('a missing one goes to the first free column, never over a user header or user cells', () => {
    const header: Cell[] = [...USER_HEADER, 'Reads As', 'Status', 'Notes', null, null];
    const rows: Cell[][] = [
      header,
      [
        'S3-001',
        'x',
        'aws_s3_bucket',
        'f',
        'equals',
        'y',
        'High',
        true,
        null,
        null,
        'my note',
        null,
        'stray cell',
      ],
    ];
    const sheet = rulesSheet(rows, { userWidth: 8, generated: { 'Reads As': 8, Status: 9 } });
    expect(placeGeneratedColumns(sheet)).toEqual({
      'Reads As': 8,
      Status: 9,
      Passing: 11,
      Failing: 13,
      Waived: 14,
      Problems: 15,
      'Last Run': 16,
    });
  });
});

describe('Status wording', () => {
  const info: RuleInfo = { readsAs: '', problems: [], broken: false };
  const counts = (passing: number, failing: number, waived: number, errors: number) => ({
    passing,
    failing,
    waived,
    errors,
  });
  test.each([
    ['✔ 12 passing', rule({ id: 'a' }), info, counts(12, 0, 0, 0)],
    ['✔ 12 passing · 1 waived', rule({ id: 'a' }), info, counts(12, 0, 1, 0)],
    ['✔ 2 waived', rule({ id: 'a' }), info, counts(0, 0, 2, 0)],
    ['✖ 3 failing', rule({ id: 'a' }), info, counts(9, 3, 0, 0)],
    ['✖ 3 failing · 1 waived', rule({ id: 'a' }), info, counts(9, 3, 1, 0)],
    ['✖ 1 failing · 2 errors · 1 waived', rule({ id: 'a' }), info, counts(0, 1, 1, 2)],
    ['⚠ 1 error · 4 passing', rule({ id: 'a' }), info, counts(4, 0, 0, 1)],
    ['⚠ rule error', rule({ id: 'a' }), { ...info, broken: true }, counts(0, 0, 0, 1)],
    ['○ disabled', rule({ id: 'a', enabled: false }), info, counts(0, 0, 0, 0)],
    ['– no matching resources', rule({ id: 'a' }), info, counts(0, 0, 0, 0)],
  ])('%s', (text, r, i, c) => {
    expect(ruleStatusText(r, i, c)).toBe(text);
  });
});

test.each([
  [
    "D7: Unknown operator 'equal'. Did you mean 'equals'?",
    problem(
      'unknown_operator',
      { operator: 'equal', suggestion: 'equals' },
      { sheet: 'Rules', row: 6, col: 3 },
    ),
  ],
  [
    "'Approved Images'!A2: There is no sheet named 'x'.",
    problem('unknown_sheet_ref', { sheet: 'x' }, { sheet: 'Approved Images', row: 1, col: 0 }),
  ],
  ['The Rules sheet has no rules yet.', problem('no_rules')],
])('problem line %s', (line, p) => {
  expect(problemLine(p, 'Rules')).toBe(line);
});

describe('the columns patch', () => {
  const ok = rule({ id: 'S3-001', row: 1 });
  const off = rule({ id: 'OLD-1', row: 3, enabled: false });
  const bad = rule({ id: 'BAD-1', row: 4, broken: true });
  const rows: Cell[][] = [[...USER_HEADER, 'Match'], ['S3-001'], [null], ['OLD-1'], ['BAD-1']];
  const sheet = rulesSheet(rows, { columns: { operator: 4, severity: 6, enabled: 7, match: 8 } });
  const x = resource({ id: 'x' });
  const y = resource({ id: 'y' });
  const badProblem = problem(
    'unknown_operator',
    { operator: 'equal', suggestion: 'equals' },
    { sheet: 'Rules', row: 4, col: 4 },
  );
  const ruleInfo = new Map<Rule, RuleInfo>([
    [ok, { readsAs: '=versioning.status equals "Enabled"', problems: [], broken: false }],
    [
      bad,
      {
        readsAs: '',
        problems: [badProblem, problem('no_check', {}, { sheet: 'Rules', row: 4, col: 3 })],
        broken: true,
      },
    ],
  ]);
  const results = [result(ok, x, 'PASS'), result(ok, y, 'FAIL'), result(bad, undefined, 'ERROR')];
  // Counts by rule as buildOutput gives them: the tally's.
  const patch = rulesColumnsOf(
    sheet,
    [ok, off, bad],
    tally(rulebook({ rules: [ok, off, bad], resources: [x, y] }), results).rules,
    ruleInfo,
    ruleLists(['equals', 'contains']),
    NOW,
  );
  const column = (header: string) => patch.columns.find((c) => c.values[0] === header)!;

  test('one column each, header first, placed after the user columns', () => {
    expect(patch.kind).toBe('columns');
    expect(patch.sheet).toBe('Rules');
    expect(patch.columns.map((c) => [c.col, c.values[0]])).toEqual([
      [9, 'Reads As'],
      [10, 'Status'],
      [11, 'Passing'],
      [12, 'Failing'],
      [13, 'Waived'],
      [14, 'Problems'],
      [15, 'Last Run'],
    ]);
    expect(patch.columns.every((c) => c.values.length === rows.length)).toBe(true);
  });

  test.each([
    ['Reads As', [{ text: '=versioning.status equals "Enabled"' }, null, null, null]],
    ['Status', ['✖ 1 failing', null, '○ disabled', '⚠ rule error']],
    ['Passing', [1, null, null, null]],
    ['Failing', [1, null, null, null]],
    ['Waived', [0, null, null, null]],
    [
      'Problems',
      [
        null,
        null,
        null,
        "E5: Unknown operator 'equal'. Did you mean 'equals'?\nD5: The rule has no check: fill Field, Operator and Expected, or Condition.",
      ],
    ],
    ['Last Run', [NOW, null, NOW, NOW]],
  ])('%s, row by row (blank rows stay blank)', (header, values) => {
    expect(column(header).values.slice(1)).toEqual(values);
  });

  test('dropdowns on Operator, Severity, Enabled and Match, fed from the lists sheet', () => {
    expect(patch.format.dropdowns).toEqual([
      {
        col: 4,
        fromRow: 1,
        toRow: 200,
        values: ['equals', 'contains'],
        source: { sheet: 'Rulesheet Lists', col: 0, fromRow: 1, toRow: 2 },
        strict: false,
      },
      {
        col: 6,
        fromRow: 1,
        toRow: 200,
        values: ['Critical', 'High', 'Medium', 'Low', 'Info'],
        source: { sheet: 'Rulesheet Lists', col: 1, fromRow: 1, toRow: 5 },
        strict: true,
      },
      {
        col: 7,
        fromRow: 1,
        toRow: 200,
        values: ['TRUE', 'FALSE'],
        source: { sheet: 'Rulesheet Lists', col: 2, fromRow: 1, toRow: 2 },
        strict: false,
      },
      {
        col: 8,
        fromRow: 1,
        toRow: 200,
        values: ['all', 'any', 'none'],
        source: { sheet: 'Rulesheet Lists', col: 3, fromRow: 1, toRow: 3 },
        strict: true,
      },
    ]);
  });

  test('dropdowns skip columns the sheet does not have and cover a long sheet', () => {
    const long = rulesSheet([USER_HEADER, ...Array.from({ length: 300 }, () => [null])], {
      columns: { severity: 6 },
    });
    const p = rulesColumnsOf(long, [], new Map(), new Map(), ruleLists(['equals']), NOW);
    expect(p.format.dropdowns!.map((d) => [d.col, d.toRow])).toEqual([[6, 301]]);
  });

  test('frozen header, widths and colours for the generated columns', () => {
    expect(patch.format.frozenRows).toBe(1);
    expect(patch.format.columnWidths!.map((w) => w.col)).toEqual([9, 10, 11, 12, 13, 14, 15]);
    expect(patch.format.statusColors![0]).toMatchObject({ col: 10, fromRow: 1, toRow: 4 });
    expect(patch.format.numberFormats).toEqual([
      { col: 15, fromRow: 1, toRow: 4, format: 'yyyy-mm-dd hh:mm' },
    ]);
  });

  test('no user column is written', () => {
    const userCols = new Set(rows[0].map((_, i) => i));
    expect(patch.columns.some((c) => userCols.has(c.col))).toBe(false);
  });
});
