// The built Code.js in a bare vm context with the fake: menu, validation as core does it, lock, schedule, safety.
import * as vm from 'vm';
import { cellDate, validate } from '../../core';
import { createFakeAppsScript, type FakeAppsScript } from '../../testkit/sheets';
import { loadScenario, sheetsFromPatches, squared, type Scenario } from '../helpers/conformance';
import { sheetCsv } from './run-on-fake';
import { loadCode } from './load-code';

function seeded(scenario: Scenario, timeZone = 'Europe/Berlin'): FakeAppsScript {
  const fake = createFakeAppsScript({ timeZone, files: { Sidebar: '<div id="root"></div>' } });
  for (const grid of scenario.grids) fake.addSheet(grid.name, grid.rows);
  return fake;
}

const snapshot = (fake: FakeAppsScript, names: string[]) =>
  names.map((n) => JSON.stringify(fake.readSheet(n)));

describe('Code.js in a bare Apps Script context', () => {
  it('sees no Node globals, only Apps Script’s', () => {
    const script = loadCode(seeded(loadScenario('waivers')));
    expect(
      vm.runInContext(
        '[typeof require, typeof module, typeof process, typeof SpreadsheetApp]',
        script.context,
      ),
    ).toEqual(['undefined', 'undefined', 'undefined', 'object']);
  });

  it('onOpen builds the Rulesheet menu and nothing else', () => {
    const fake = seeded(loadScenario('waivers'));
    const script = loadCode(fake);
    fake.log.reset();
    script.call('onOpen');
    expect(fake.ui._menus.map((m) => m.caption)).toEqual(['Rulesheet']);
    const items = fake.ui._menus[0]._items.filter((i) => i.functionName);
    expect(items.map((i) => `${i.caption} → ${i.functionName}`)).toEqual([
      'Validate → validateWorkbook',
      'Open sidebar → showSidebar',
      'New rulebook → createRulebook',
      'Add rule pack → addRulePack',
      'Schedule daily validation → scheduleDailyValidation',
      'Stop schedule → stopSchedule',
    ]);
    for (const item of items) expect(typeof script.context[item.functionName]).toBe('function');
    expect(fake.log.count('Range.')).toBe(0);
    expect(fake.log.count('Spreadsheet.')).toBe(0);
  });

  it('validateWorkbook fills Results, Summary and Run History as core does, and leaves user sheets alone', () => {
    const scenario = loadScenario('two-runs-second');
    const fake = seeded(scenario);
    const userSheets = scenario.grids
      .map((g) => g.name)
      .filter((n) => !['Results', 'Run History', 'Rules'].includes(n));
    const before = snapshot(fake, userSheets);
    const rulesBefore = fake.readSheet('Rules') ?? [];
    const message = loadCode(fake).call('validateWorkbook');
    expect(message).toMatch(
      /^Checked \d+ rules? against \d+ resources?: \d+ checks?, pass rate [\d.]+%\. See Results and Summary\.$/,
    );
    expect(fake.spreadsheet._toasts.map((t) => t.message)).toEqual([message]);

    // The run's moment is the script's own clock: read it back from the last Run History row, then ask core.
    const history = fake.readSheet('Run History') ?? [];
    const runAtCol = history[0].indexOf('Run At');
    const now = cellDate(history[history.length - 1][runAtCol] as Date) as Date;
    const expected = sheetsFromPatches(validate(scenario.grids, { now }).patches, scenario.grids);
    for (const sheet of ['Results', 'Summary', 'Run History', 'Rules'] as const) {
      expect(squared(sheetCsv(fake, sheet))).toEqual(squared(expected[sheet]));
    }
    expect(snapshot(fake, userSheets)).toEqual(before);
    const rulesAfter = fake.readSheet('Rules') ?? [];
    const userWidth = rulesBefore[0].length;
    expect(rulesAfter.map((r) => r.slice(0, userWidth))).toEqual(rulesBefore);
    expect(fake.spreadsheet.getSheetByName('Summary')?._charts).toHaveLength(1);
  });

  it('refuses a second run while one holds the lock, and writes nothing', () => {
    const fake = seeded(loadScenario('waivers'));
    const script = loadCode(fake);
    fake.holdLockElsewhere(true);
    fake.log.reset();
    const message = script.call('validateWorkbook');
    expect(message).toMatch(/a validation is already running/i);
    expect(fake.ui._alerts).toEqual([message]);
    expect(fake.spreadsheet.getSheetByName('Results')).toBeNull();
    expect(fake.log.count('Range.setValues')).toBe(0);
    fake.holdLockElsewhere(false);
    expect(script.call('validateWorkbook')).toMatch(/^Checked/);
    expect(fake.locks._state.holder).toBeNull();
  });

  it('scheduling twice leaves one daily trigger; stopping removes it', () => {
    const fake = seeded(loadScenario('waivers'));
    const script = loadCode(fake);
    script.call('scheduleDailyValidation');
    script.call('scheduleDailyValidation');
    expect(fake.scriptApp._triggers.map((t) => [t.handler, t._schedule.everyDays])).toEqual([
      ['runScheduledValidation', 1],
    ]);
    expect(typeof script.context.runScheduledValidation).toBe('function');
    script.call('stopSchedule');
    expect(fake.scriptApp._triggers).toEqual([]);
  });

  it('the scheduled run validates without any UI', () => {
    const fake = seeded(loadScenario('waivers'));
    fake.app._noUi = true;
    expect(loadCode(fake).call('runScheduledValidation')).toMatch(/^Validated: \d+ failing/);
    expect(fake.readSheet('Results')?.length).toBeGreaterThan(1);
  });

  it('keeps formula-like resource text as text: no cell becomes a formula', () => {
    const scenario = loadScenario('formula-injection');
    const fake = seeded(scenario);
    loadCode(fake).call('validateWorkbook');
    for (const sheet of fake.spreadsheet._sheets) expect(fake.formulaCells(sheet.name)).toEqual([]);
    const results = (fake.readSheet('Results') ?? []).flat().map(String);
    const injected = scenario.grids
      .flatMap((g) => g.rows.flat())
      .filter((c): c is string => typeof c === 'string' && /^[=+@-]/.test(c));
    expect(injected.length).toBeGreaterThan(0);
    expect(injected.some((text) => results.includes(text))).toBe(true);
  });

  it('showSidebar opens Sidebar.html; createRulebook adds only missing sheets', () => {
    const fake = seeded(loadScenario('waivers'));
    const script = loadCode(fake);
    script.call('showSidebar');
    expect(fake.ui._sidebars.map((s) => s.title)).toEqual(['Rulesheet']);
    const rulesBefore = JSON.stringify(fake.readSheet('Rules'));
    script.call('createRulebook');
    expect(JSON.stringify(fake.readSheet('Rules'))).toEqual(rulesBefore);
    expect(fake.spreadsheet.getSheetByName('Owners')).not.toBeNull();
    expect(fake.spreadsheet.getSheetByName('Settings')).not.toBeNull();
  });

  it('sidebarValidate returns plain data (dates as ISO text) that survives JSON', () => {
    const fake = seeded(loadScenario('waivers'));
    const view = loadCode(fake).call('sidebarValidate') as { runAt: string; totals: { checks: number } };
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(view.runAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(view.totals.checks).toBeGreaterThan(0);
  });
});
