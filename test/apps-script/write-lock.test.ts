// Every Sheets path that writes user sheets takes the document lock: while another run holds it, each says BUSY and writes nothing.
import { addRuleRow } from '../../apps-script/builder';
import {
  addRulePack,
  createRulebook,
  runScheduledValidation,
  validateWorkbook,
} from '../../apps-script/index';
import { BUSY } from '../../apps-script/messages';
import { addPack } from '../../apps-script/packs';
import { sidebarAddRulePack, sidebarValidate } from '../../apps-script/sidebar-server';
import { addStarterSheets } from '../../apps-script/starter';
import { createFakeAppsScript, type FakeAppsScript } from '../../testkit/sheets';
import { installFake } from './run-on-fake';

const RULES = [
  ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
  ['MY-1', 'Mine', 'aws_s3_bucket', 'name', 'exists', null],
];

const CANDIDATE = {
  ruleId: 'MY-2',
  title: 'Versioning on',
  resourceType: 'aws_s3_bucket',
  field: 'versioning.status',
  operator: 'equals',
  expected: 'Enabled',
};

function busyFake(): FakeAppsScript {
  const fake = createFakeAppsScript({ timeZone: 'UTC' });
  fake.addSheet('Rules', RULES);
  installFake(fake);
  fake.holdLockElsewhere(true);
  return fake;
}

const sheetsOf = (fake: FakeAppsScript) => fake.spreadsheet._sheets.map((s) => s.name);

describe('the Sheets write path under the document lock', () => {
  it.each<[string, (fake: FakeAppsScript) => unknown]>([
    ['Add rule', (fake) => addRuleRow(fake.spreadsheet as never, CANDIDATE)],
    ['Add rule pack', () => addPack('aws-foundations')],
    ['Add rule pack (sidebar)', () => sidebarAddRulePack('aws-foundations')],
    ['New rulebook', (fake) => addStarterSheets(fake.spreadsheet as never, new Date('2026-11-28T00:00:00Z'))],
  ])('%s refuses with BUSY and writes nothing', (_name, act) => {
    const fake = busyFake();
    expect(() => act(fake)).toThrow(BUSY);
    expect(fake.readSheet('Rules')).toEqual(RULES);
    expect(sheetsOf(fake)).toEqual(['Rules']);
  });

  it.each<[string, () => string]>([
    ['New rulebook', () => createRulebook()],
    ['Add rule pack', () => addRulePack('aws-foundations')],
  ])('the menu’s %s tells BUSY and writes nothing', (_name, act) => {
    const fake = busyFake();
    expect(act()).toBe(BUSY);
    expect(fake.ui._alerts).toEqual([BUSY]);
    expect(sheetsOf(fake)).toEqual(['Rules']);
  });

  it.each<[string, () => unknown]>([
    ['Validate (menu)', () => validateWorkbook()],
    ['Validate (sidebar)', () => sidebarValidate()],
    ['the daily scheduled validation', () => runScheduledValidation()],
  ])('%s says BUSY and writes nothing', (_name, act) => {
    const fake = busyFake();
    let said: unknown;
    try {
      said = act();
    } catch (error) {
      said = (error as Error).message;
    }
    expect(said).toBe(BUSY);
    expect(fake.readSheet('Rules')).toEqual(RULES);
    expect(sheetsOf(fake)).toEqual(['Rules']);
  });

  it('lets go of the lock after a write, so the next one runs', () => {
    const fake = busyFake();
    fake.holdLockElsewhere(false);
    expect(addPack('aws-foundations').added).toBeGreaterThan(5);
    expect(addRuleRow(fake.spreadsheet as never, CANDIDATE)).toMatchObject({ ruleId: 'MY-2' });
  });

  it('refuses a Rule ID in use with the same words as every host, and writes nothing', () => {
    const fake = busyFake();
    fake.holdLockElsewhere(false);
    expect(() => addRuleRow(fake.spreadsheet as never, { ...CANDIDATE, ruleId: 'my-1' })).toThrow(
      "Rule ID 'MY-1' is used again; it was first used at Rules!A2. Give each rule its own ID.",
    );
    expect(fake.readSheet('Rules')).toEqual(RULES);
  });
});
