// The Sheets adapter on the fake: time budget, lock release, formats that keep the user's own, growth and chunking.
import { runValidation } from '../../apps-script/run';
import { CHUNK_CELLS } from '../../apps-script/sheet-size';
import { createFakeAppsScript, type FakeAppsScript } from '../../testkit/sheets';
import { loadScenario } from '../helpers/conformance';
import { installFake } from './run-on-fake';

const NOW = new Date('2026-11-28T12:00:00Z');

function fakeWith(name: string, timeZone = 'Asia/Tokyo'): FakeAppsScript {
  const fake = createFakeAppsScript({ timeZone });
  for (const grid of loadScenario(name).grids) fake.addSheet(grid.name, grid.rows);
  installFake(fake);
  return fake;
}

describe('time budget', () => {
  it('stops before writing when reading and checking pass 4.5 minutes, and releases the lock', () => {
    const fake = fakeWith('waivers');
    let t = 0;
    // Each look at the clock moves it on 100 s: reading passes the first check, checking pushes it past 4.5 min.
    const outcome = runValidation({ now: NOW, clock: () => (t += 100_000) });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toBe('time');
    expect(!outcome.ok && outcome.message).toMatch(/Nothing was changed/);
    expect(fake.spreadsheet.getSheetByName('Results')).toBeNull();
    expect(fake.log.count('Range.setValues')).toBe(0);
    expect(fake.locks._state.holder).toBeNull();
  });

  it('measures engine time at the adapter boundary', () => {
    fakeWith('waivers');
    let t = 0;
    const outcome = runValidation({ now: NOW, clock: () => (t += 1_000) });
    expect(outcome.ok && outcome.engineMs).toBe(1_000);
  });
});

describe('formats', () => {
  it('keeps the user’s conditional formats on Rules and replaces only the engine’s, run after run', () => {
    const fake = fakeWith('waivers');
    const rules = fake.spreadsheet.getSheetByName('Rules');
    if (!rules) throw new Error('no Rules');
    const mine = fake.app
      .newConditionalFormatRule()
      .whenTextEqualTo('S3-001')
      .setBackground('#000000')
      .setRanges([rules.getRange('A2:A50')])
      .build();
    rules.setConditionalFormatRules([mine]);
    runValidation({ now: NOW });
    const first = rules.getConditionalFormatRules();
    runValidation({ now: NOW });
    const second = rules.getConditionalFormatRules();
    expect(second[0]).toBe(mine);
    expect(second.length).toBe(first.length);
    expect(second.length).toBeGreaterThan(1);
    expect(second.slice(1).every((r) => r._spec.startsWith !== undefined)).toBe(true);
  });

  it('puts dropdowns from the hidden lists sheet on Operator, Severity, Enabled and Match', () => {
    const fake = fakeWith('lists-match-modes');
    runValidation({ now: NOW });
    const rules = fake.spreadsheet.getSheetByName('Rules');
    const header = (fake.readSheet('Rules') ?? [])[0].map(String);
    const validated = (rules?._validations ?? []).map((v) => header[v.range.col - 1]);
    for (const column of ['Operator', 'Severity', 'Enabled', 'Match'])
      if (header.includes(column)) expect(validated).toContain(column);
    for (const v of rules?._validations ?? []) {
      expect(v.rule?._spec.type).toBe('range');
      expect(v.rule?._spec.range?.sheet.name).toBe('Rulesheet Lists');
    }
    expect(fake.spreadsheet.getSheetByName('Rulesheet Lists')?._hidden).toBe(true);
  });

  it('protects each engine sheet warning-only, once, and draws one trend chart', () => {
    const fake = fakeWith('waivers');
    runValidation({ now: NOW });
    runValidation({ now: NOW });
    for (const name of ['Results', 'Summary', 'Run History', 'Rulesheet Lists']) {
      const protections = fake.spreadsheet.getSheetByName(name)?._protections ?? [];
      expect(protections.map((p) => p.warningOnly)).toEqual([true]);
    }
    expect(fake.spreadsheet.getSheetByName('Rules')?._protections).toEqual([]);
    const charts = fake.spreadsheet.getSheetByName('Summary')?._charts ?? [];
    expect(charts.map((c) => c._spec.type)).toEqual(['LINE']);
  });

  it('writes dates as the same calendar day in the spreadsheet’s zone', () => {
    const fake = fakeWith('sla-and-overdue', 'Pacific/Auckland');
    runValidation({ now: NOW });
    const results = fake.readSheet('Results') ?? [];
    const firstSeen = results[0].indexOf('First Seen');
    const stored = fake.spreadsheet.getSheetByName('Results')?._rows[1][firstSeen]?.value as Date;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Auckland' }).format(stored);
    expect(day).toBe((results[1][firstSeen] as Date).toISOString().slice(0, 10));
  });
});

describe('size', () => {
  it('grows the sheet and writes big sheets in chunks', () => {
    const fake = createFakeAppsScript();
    const rows: (string | number)[][] = [['Resource ID', 'Type', 'flag']];
    for (let i = 0; i < 3000; i++) rows.push([`r-${i}`, 't', 'no']);
    fake.addSheet('Resources', rows);
    fake.addSheet('Rules', [
      ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
      ['R-1', 'flag is yes', 't', 'flag', 'equals', 'yes'],
    ]);
    installFake(fake);
    expect(runValidation({ now: NOW }).ok).toBe(true);
    const results = fake.spreadsheet.getSheetByName('Results');
    expect(results?.getLastRow()).toBe(3001);
    expect(results?.getMaxRows()).toBeGreaterThanOrEqual(3001);
    const width = (fake.readSheet('Results') ?? [])[0].length;
    expect(fake.log.count('Range.setValues')).toBeGreaterThanOrEqual(Math.ceil((3001 * width) / CHUNK_CELLS));
  });
});
