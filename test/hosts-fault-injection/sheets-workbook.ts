// The Sheets fault-injection scenario: a rulebook validated once on day one, then validated again on day two.
import { runValidation } from '../../apps-script/run';
import { createFakeAppsScript, type FakeAppsScript } from '../../testkit/sheets';
import { installFake } from '../apps-script/run-on-fake';

export const DAY_ONE = new Date('2026-11-27T12:00:00Z');
export const DAY_TWO = new Date('2026-11-28T12:00:00Z');

const RESOURCES = 300;
/** Cells a setValues() call carries in these runs: small, so that Results is written in several chunks. */
export const CHUNK_CELLS = 2_000;

export const RULES = [
  ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Severity'],
  ['BKT-1', 'Versioning on', 'aws_s3_bucket', 'versioning', 'equals', 'Enabled', 'High'],
  ['BKT-2', 'Has an owner', 'aws_s3_bucket', 'owner', 'exists', null, 'Low'],
];

function resources(day: 1 | 2): (string | null)[][] {
  const rows: (string | null)[][] = [['Resource ID', 'Resource Type', 'versioning', 'owner']];
  for (let i = 0; i < RESOURCES; i++) {
    // Day two fixes every third bucket, so the new Results differ from the old ones.
    const fixed = day === 2 && i % 3 === 0;
    rows.push([`bucket-${i}`, 'aws_s3_bucket', i % 2 === 0 && !fixed ? 'Suspended' : 'Enabled', null]);
  }
  return rows;
}

export const USER_SHEETS = ['Rules', 'Resources', 'Notes'];
export const NOTES = [
  ['Audit notes', '=SUM(1,2)'],
  ['Kept as typed', '0012'],
];

/** The workbook after a clean run on day one, with the day-two change made, the fake installed as Apps Script. */
export function validatedOnDayOne(): FakeAppsScript {
  const fake = createFakeAppsScript({ timeZone: ONE.spreadsheet.timeZone });
  // A copy of the one validated workbook: cells, sizes, hidden sheets and protections, as the adapter sees them.
  for (const sheet of ONE.spreadsheet._sheets) {
    const copy = fake.spreadsheet._insertSheet(sheet.name, sheet.maxRows, sheet.maxCols);
    for (const row of sheet._rows) copy._rows.push(row.map((e) => (e ? { ...e } : e)));
    copy._hidden = sheet._hidden;
    for (const p of sheet._protections) copy.protect().setWarningOnly(p.warningOnly);
  }
  installFake(fake);
  fake.log.reset();
  return fake;
}

const ONE = dayOne();

function dayOne(): FakeAppsScript {
  const fake = createFakeAppsScript({ timeZone: 'Europe/Paris' });
  fake.addSheet('Rules', RULES);
  fake.addSheet('Resources', resources(1));
  fake.addSheet('Notes', NOTES);
  installFake(fake);
  const first = runValidation({ now: DAY_ONE, chunkCells: CHUNK_CELLS });
  if (!first.ok) throw new Error(first.message);
  const sheet = fake.spreadsheet.getSheetByName('Resources');
  const day2 = resources(2);
  sheet?.getRange(1, 1, day2.length, day2[0].length).setValues(day2);
  fake.log.reset();
  return fake;
}

export type Snapshot = Map<string, unknown[][]>;

/** Every sheet's values, by name, in the workbook's order. */
export function snapshot(fake: FakeAppsScript): Snapshot {
  return new Map(fake.spreadsheet._sheets.map((s) => [s.name, fake.readSheet(s.name) ?? []]));
}
