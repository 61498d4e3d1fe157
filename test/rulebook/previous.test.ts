// What the last run left: its Results (for First Seen) and its Run History (kept as it is).
import { formatProblem } from '../../core/problems';
import { readRulebook } from '../../core/rulebook/read';
import { columnRuns, previousResultsColumns } from '../../core/rulebook/read-previous';
import type { Cell, Grid } from '../../core/types';
import { sheet } from '../helpers/grid';

const RULES = sheet('Rules', 'Rule ID | Title | Resource Type\nS3-001 | any | *');

function read(...grids: Grid[]) {
  const book = readRulebook([RULES, ...grids]);
  return { book, problems: book.problems.map(formatProblem) };
}

describe('previous Results', () => {
  test('rows become previous results; First Seen as a date cell, serial or ISO text', () => {
    const { book, problems } = read(
      sheet('Results', [
        ['Rule ID', 'Title', 'Severity', 'Status', 'Resource ID', 'Resource Type', 'First Seen', 'Due'],
        ['S3-001', 'any', 'High', 'FAIL', 'logs', 'aws_s3_bucket', new Date('2026-01-05T00:00:00Z'), null],
        ['S3-001', 'any', 'High', 'ERROR', 'tmp', 'aws_s3_bucket', 46028, null],
        ['S3-001', 'any', 'High', 'WAIVED', 'web', 'aws_s3_bucket', '2026-01-07', null],
        ['S3-001', 'any', 'High', 'FAIL', 'db', 'aws_s3_bucket', 'last week', null],
        [null, 'edited away', null, 'FAIL', 'x', null, null, null],
        [],
      ]),
    );
    expect(problems).toEqual([]);
    expect(book.previousResults).toEqual([
      {
        ruleId: 'S3-001',
        resourceId: 'logs',
        resourceType: 'aws_s3_bucket',
        status: 'FAIL',
        firstSeen: new Date('2026-01-05T00:00:00Z'),
      },
      {
        ruleId: 'S3-001',
        resourceId: 'tmp',
        resourceType: 'aws_s3_bucket',
        status: 'ERROR',
        firstSeen: new Date('2026-01-06T00:00:00Z'),
      },
      {
        ruleId: 'S3-001',
        resourceId: 'web',
        resourceType: 'aws_s3_bucket',
        status: 'WAIVED',
        firstSeen: new Date('2026-01-07T00:00:00Z'),
      },
      {
        ruleId: 'S3-001',
        resourceId: 'db',
        resourceType: 'aws_s3_bucket',
        status: 'FAIL',
        firstSeen: undefined,
      },
    ]);
  });

  test('absent or empty Results: nothing to carry over, no problem', () => {
    expect(read().book.previousResults).toEqual([]);
    expect(read(sheet('Results', [])).problems).toEqual([]);
    expect(read(sheet('Results', [[], [null]])).problems).toEqual([]);
  });

  test('a Results sheet whose header lost Resource ID is reported', () => {
    const { book, problems } = read(sheet('Results', 'Rule ID | Status\nS3-001 | FAIL'));
    expect(problems).toEqual([
      "Results!A1: The 'Results' sheet has no 'Resource ID' column. Add a column headed 'Resource ID'.",
    ]);
    expect(book.previousResults).toEqual([]);
  });
});

describe('previous Run History', () => {
  test('every row is kept as it is, header included', () => {
    const rows: Cell[][] = [
      ['Run At', 'Business Unit', 'Rules', 'Pass Rate'],
      [new Date('2026-01-01T09:00:00Z'), 'All', 3, 0.5],
      [],
      ['edited by hand', null, '=SUM(A1)', true],
    ];
    const { book, problems } = read(sheet('run_history', rows));
    expect(problems).toEqual([]);
    expect(book.previousHistory).toEqual(rows);
  });

  test('no Run History sheet: no rows', () => {
    expect(read().book.previousHistory).toEqual([]);
  });
});

describe('previousResultsColumns', () => {
  // [header row, columns read]: what readPreviousResults reads, so a host may leave the rest unread.
  test.each<[Cell[], number[]]>([
    [
      ['Rule ID', 'Title', 'Severity', 'Status', 'Resource ID', 'Resource Type', 'First Seen', 'Due'],
      [0, 3, 4, 5, 6],
    ],
    [
      ['Message', 'Since', 'Type', 'Result', 'Resource', 'Rule'],
      [5, 4, 2, 3, 1],
    ],
    [
      ['Rule ID', 'Resource ID'],
      [0, 1],
    ],
    [['Title', 'Message'], []],
    [[], []],
  ])('%j reads %j', (header, columns) => {
    expect([...previousResultsColumns(header)].sort((a, b) => a - b)).toEqual(
      [...columns].sort((a, b) => a - b),
    );
  });

  test('the previous results read from those columns alone are the same', () => {
    const rows: Cell[][] = [
      ['Rule ID', 'Title', 'Status', 'Resource ID', 'Message', 'Resource Type', 'First Seen'],
      ['S3-001', 'any', 'FAIL', 'logs', 'long words', 'aws_s3_bucket', new Date('2026-01-05T00:00:00Z')],
      ['S3-001', 'any', 'ERROR', 'tmp', 'more words', 'aws_s3_bucket', '2026-01-07'],
    ];
    const keep = new Set(previousResultsColumns(rows[0]));
    const projected = rows.map((r, i) => (i === 0 ? r : r.map((c, j) => (keep.has(j) ? c : null))));
    expect(read(sheet('Results', projected)).book.previousResults).toEqual(
      read(sheet('Results', rows)).book.previousResults,
    );
  });
});

describe('columnRuns', () => {
  it.each([
    [[], []],
    [[3], [{ from: 3, count: 1 }]],
    [
      [4, 0, 3, 5, 0, 17],
      [
        { from: 0, count: 1 },
        { from: 3, count: 3 },
        { from: 17, count: 1 },
      ],
    ],
  ])('%j → %j', (columns, runs) => {
    expect(columnRuns(columns)).toEqual(runs);
  });
});
