// Waiver expiry: Expires names a calendar date in the rulebook's time zone and the waiver holds through its end there.
import { validate } from '../../core';
import type { Cell, Grid } from '../../core';
import { toCoreCell } from '../../apps-script/dates';
import { sheet } from '../helpers/grid';

const RULES = sheet('Rules', [
  ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
  ['S3-001', 'Versioned', 'bucket', 'versioning', 'equals', 'Enabled'],
]);
const RESOURCES = sheet('Resources', [
  ['Resource ID', 'Type', 'versioning'],
  ['logs', 'bucket', 'Suspended'],
]);

function run(expires: Cell, timeZone: string, now: Date) {
  const grids: Grid[] = [
    RULES,
    RESOURCES,
    sheet('Exceptions', [
      ['Rule ID', 'Resource ID', 'Reason', 'Approved By', 'Expires'],
      ['S3-001', 'logs', 'migration', 'Dana', expires],
    ]),
    sheet('Settings', [
      ['Key', 'Value'],
      ['Time Zone', timeZone],
    ]),
  ];
  const { results, problems } = validate(grids, { now });
  expect(problems).toEqual([]);
  return results.toArray()[0];
}

// Each zone with its offset on 2026-02-28 and the instant its 2026-03-01 begins (the end of the waiver's last day).
const ZONES: [zone: string, offset: string, nextMidnight: string][] = [
  ['America/Los_Angeles', '-08:00', '2026-03-01T08:00:00Z'],
  ['UTC', 'Z', '2026-03-01T00:00:00Z'],
  ['Asia/Tokyo', '+09:00', '2026-02-28T15:00:00Z'],
  ['Pacific/Auckland', '+13:00', '2026-02-28T11:00:00Z'],
];

/** The instant a wall-clock time on 2026-02-28 is in a zone, as Sheets hands a date-time cell over. */
const sheetsInstant = (time: string, offset: string) =>
  new Date(`2026-02-28T${time}${offset === 'Z' ? 'Z' : offset}`);

// Every way a host can hand over "Expires 28 February 2026" in the zone.
const FORMS: [name: string, cell: (offset: string) => Cell][] = [
  ['date text', () => '2026-02-28'],
  ['date-time text without offset, early', () => '2026-02-28T00:30'],
  ['date-time text without offset, late', () => '2026-02-28 23:30'],
  ['ISO with offset, early', (o) => `2026-02-28T00:30:00${o}`],
  ['ISO with offset, late', (o) => `2026-02-28T23:30:00${o}`],
  ['Excel serial of a date cell', () => 46081],
  ['Excel serial of a date-time cell', () => 46081.98],
  ['date cell (UTC midnight Date)', () => new Date('2026-02-28T00:00:00Z')],
  ['Sheets date-time, early', (o) => sheetsInstant('00:30:00', o)],
  ['Sheets date-time, late', (o) => sheetsInstant('23:30:00', o)],
];

const minutes = (iso: string, m: number) => new Date(new Date(iso).getTime() + m * 60_000);

describe('a waiver holds through the end of its Expires date in the rulebook time zone', () => {
  const cases = ZONES.flatMap(([zone, offset, midnight]) =>
    FORMS.map(([form, cell]) => [zone, form, cell(offset), midnight] as const),
  );
  test.each(cases)('%s, %s', (zone, _form, expires, midnight) => {
    expect(run(expires, zone, minutes(midnight, -1))).toMatchObject({ status: 'WAIVED' });
    const after = run(expires, zone, minutes(midnight, 1));
    expect(after.status).toBe('FAIL');
    expect(after.message).toContain('waiver expired on 2026-02-28');
  });
});

describe('the brief repro', () => {
  test('Expires 2026-02-28T18:00-08:00 in Los Angeles has expired on 1 March at noon there', () => {
    const r = run('2026-02-28T18:00:00-08:00', 'America/Los_Angeles', new Date('2026-03-01T20:00:00Z'));
    expect(r.status).toBe('FAIL');
    expect(r.message).toContain('waiver expired on 2026-02-28');
  });
  test('the message names the local date, not the UTC one', () => {
    const r = run('2026-02-27T18:00-08:00', 'America/Los_Angeles', new Date('2026-03-01T20:00:00Z'));
    expect(r.message).toContain('waiver expired on 2026-02-27');
  });
});

describe('through the Sheets adapter', () => {
  test.each(ZONES)(
    '%s: a date cell and a date-time cell from Sheets name 28 February',
    (zone, offset, midnight) => {
      for (const value of [sheetsInstant('00:00:00', offset), sheetsInstant('21:15:00', offset)]) {
        const expires = toCoreCell(value, zone);
        expect(run(expires, zone, minutes(midnight, -1)).status).toBe('WAIVED');
        expect(run(expires, zone, minutes(midnight, 1)).status).toBe('FAIL');
      }
    },
  );
});
