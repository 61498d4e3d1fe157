// The Excel fault-injection scenario: a rulebook validated once on day one, then validated again on day two.
import { validateWorkbook } from '../../addin/excel/validate';
import type { Cell } from '../../core';
import { createFakeExcel, FakeWorkbook } from '../../testkit/excel';
import { sheetCells } from '../../testkit/excel/read-back';

export const DAY_ONE = new Date('2026-11-27T12:00:00Z');
export const DAY_TWO = new Date('2026-11-28T12:00:00Z');
/** A small request budget, so Results is written in several requests. */
export const BUDGET_BYTES = 60_000;

export const RULES: Cell[][] = [
  ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Severity', 'My notes'],
  ['BKT-1', 'Versioning on', 'aws_s3_bucket', 'versioning', 'equals', 'Enabled', 'High', 'ask Ann'],
  ['BKT-2', 'Has an owner', 'aws_s3_bucket', 'owner', 'exists', null, 'Low', null],
];
export const USER_SHEETS = ['Rules', 'Resources', 'Notes'];

function resources(day: 1 | 2): Cell[][] {
  const rows: Cell[][] = [['Resource ID', 'Resource Type', 'versioning', 'owner']];
  for (let i = 0; i < 600; i++) {
    const fixed = day === 2 && i % 3 === 0;
    rows.push([`bucket-${i}`, 'aws_s3_bucket', i % 2 === 0 && !fixed ? 'Suspended' : 'Enabled', null]);
  }
  return rows;
}

/** The workbook after a clean run on day one, with the day-two change made. */
export async function validatedOnDayOne(): Promise<FakeWorkbook> {
  const book = new FakeWorkbook();
  book.seed('Rules', RULES);
  book.seed('Resources', resources(1));
  book.seed('Notes', [['Audit notes'], ['=SUM(1,2)']]);
  await createFakeExcel(book).run((ctx) => validateWorkbook(ctx, DAY_ONE, { budgetBytes: BUDGET_BYTES }));
  const sheet = book.sheet('Resources');
  resources(2).forEach((row, r) => sheet?.setValue(r, 2, row[2]));
  book.requests.length = 0;
  return book;
}

export type Snapshot = Map<string, Cell[][]>;

export function snapshot(book: FakeWorkbook): Snapshot {
  return new Map(book.sheets.map((s) => [s.name, sheetCells(book, s.name) ?? []]));
}
