// The Settings sheet: every setting, its spellings, its defaults, and bad values that keep the default.
import { formatProblem } from '../../core/problems';
import { readRulebook } from '../../core/rulebook/read';
import { defaultSettings } from '../../core/rulebook/read-settings';
import type { Cell } from '../../core/types';
import { sheet } from '../helpers/grid';

const RULES = sheet('Rules', 'Rule ID | Title | Resource Type\nR-1 | any | *');

function read(rows: Cell[][], name = 'Settings') {
  const book = readRulebook([RULES, sheet(name, rows)]);
  return { settings: book.settings, problems: book.problems.map(formatProblem) };
}

describe('reading settings', () => {
  test('defaults without a Settings sheet', () => {
    expect(readRulebook([RULES]).settings).toEqual({
      slaDays: { Critical: 7, High: 30, Medium: 90, Low: 180, Info: 365 },
      includePassing: false,
      failOn: undefined,
      timeZone: 'UTC',
    });
  });

  test.each([
    // Key | Value → the settings that change
    ['SLA Critical', 3, { slaDays: { ...defaultSettings().slaDays, Critical: 3 } }],
    ['Critical SLA days', '5', { slaDays: { ...defaultSettings().slaDays, Critical: 5 } }],
    ['SLA days - High', '14 days', { slaDays: { ...defaultSettings().slaDays, High: 14 } }],
    ['sla_medium', 0, { slaDays: { ...defaultSettings().slaDays, Medium: 0 } }],
    ['Low SLA', '60d', { slaDays: { ...defaultSettings().slaDays, Low: 60 } }],
    ['SLA Info', 730, { slaDays: { ...defaultSettings().slaDays, Info: 730 } }],
    ['Include Passing', 'yes', { includePassing: true }],
    ['include_passing', true, { includePassing: true }],
    ['Include Passing', 'FALSE', { includePassing: false }],
    ['Fail On', 'high', { failOn: 'High' }],
    ['Fail Threshold', 'Critical', { failOn: 'Critical' }],
    ['Fail On', 'None', { failOn: undefined }],
    ['Time Zone', 'Europe/London', { timeZone: 'Europe/London' }],
    ['timezone', 'america/new_york', { timeZone: 'America/New_York' }],
    ['Time Zone', 'UTC', { timeZone: 'UTC' }],
    ['Time Zone', null, { timeZone: 'UTC' }],
  ])('%s | %j', (key, value, changes) => {
    const { settings, problems } = read([
      ['Key', 'Value'],
      [key, value],
    ]);
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...defaultSettings(), ...changes });
  });

  test.each([
    // Key | Value → problem at its cell; the default stays
    [
      'SLA High',
      'soon',
      "Settings!B2: Setting 'SLA High' cannot be 'soon': SLA days must be a whole number of days, 0 or more.",
    ],
    [
      'SLA High',
      -1,
      "Settings!B2: Setting 'SLA High' cannot be '-1': SLA days must be a whole number of days, 0 or more.",
    ],
    [
      'SLA High',
      2.5,
      "Settings!B2: Setting 'SLA High' cannot be '2.5': SLA days must be a whole number of days, 0 or more.",
    ],
    [
      'Include Passing',
      'sometimes',
      "Settings!B2: Setting 'Include Passing' cannot be 'sometimes': use TRUE or FALSE.",
    ],
    [
      'Fail On',
      'Hgh',
      "Settings!B2: Setting 'Fail On' cannot be 'Hgh': use Critical, High, Medium, Low, Info or none (did you mean 'High'?).",
    ],
    [
      'Fail On',
      'everything',
      "Settings!B2: Setting 'Fail On' cannot be 'everything': use Critical, High, Medium, Low, Info or none.",
    ],
    [
      'Time Zone',
      'Mars/Olympus',
      "Settings!B2: Setting 'Time Zone' cannot be 'Mars/Olympus': use a time zone name such as UTC or Europe/London.",
    ],
    [
      'Include Pasing',
      'TRUE',
      "Settings!A2: Unknown setting 'Include Pasing'; it is ignored. Did you mean 'Include Passing'?",
    ],
    ['SLA', '10', "Settings!A2: Unknown setting 'SLA'; it is ignored."],
    ['Colour', 'blue', "Settings!A2: Unknown setting 'Colour'; it is ignored."],
    [null, 'orphan value', 'Settings!A2: Key is empty; every row needs one.'],
  ])('%s | %j → %s', (key, value, expected) => {
    const { settings, problems } = read([
      ['Key', 'Value'],
      [key, value],
    ]);
    expect(problems).toEqual([expected]);
    expect(settings).toEqual(defaultSettings());
  });

  test('aliases, free order, blank rows, and a later row for one setting wins', () => {
    const { settings, problems } = read(
      [
        ['Value', 'Notes', 'Setting'],
        [10, 'first try', 'SLA Critical'],
        [],
        [2, 'final', 'Critical SLA'],
        ['TRUE', null, 'Include Passing'],
      ],
      'setting',
    );
    expect(problems).toEqual([]);
    expect(settings.slaDays.Critical).toBe(2);
    expect(settings.includePassing).toBe(true);
  });

  test('a sheet without Key and Value keeps every default', () => {
    const { settings, problems } = read([['SLA Critical', '3']]);
    expect(problems).toEqual([
      "Settings!A1: The 'Settings' sheet has no 'Key' column. Add a column headed 'Key'.",
      "Settings!A1: The 'Settings' sheet has no 'Value' column. Add a column headed 'Value'.",
    ]);
    expect(settings).toEqual(defaultSettings());
  });

  test('an unknown setting is a warning, a bad value an error', () => {
    const book = readRulebook([RULES, sheet('Settings', 'Key | Value\nColour | blue\nFail On | sometimes')]);
    expect(book.problems.map((p) => [p.code, p.severity])).toEqual([
      ['unknown_setting', 'warning'],
      ['invalid_setting', 'error'],
    ]);
  });
});
