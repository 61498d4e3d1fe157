// The conformance suite through the Apps Script adapter on the fake: the sheets read back equal core's, cell for cell.
import {
  GOLDEN_SHEETS,
  listScenarios,
  loadScenario,
  runCore,
  squared,
  type ComparableOutput,
} from '../helpers/conformance';
import { runOnFake } from './run-on-fake';
import type { FakeAppsScript } from '../../testkit/sheets';

// A zone far from UTC, so a date cell that is not normalised shows up as the wrong day.
const ZONE = 'America/Los_Angeles';

describe.each(listScenarios())('Apps Script adapter: %s', (name) => {
  const scenario = loadScenario(name);
  let core: ComparableOutput;
  let host: ComparableOutput;
  let fake: FakeAppsScript;
  beforeAll(() => {
    core = runCore(scenario);
    ({ out: host, fake } = runOnFake(scenario, ZONE));
  });

  it('gives core’s results and problems', () => {
    expect(host.results).toEqual(core.results);
    expect(host.problems).toEqual(core.problems);
  });

  // A sheet is a rectangle: a row core leaves short reads back padded with blanks, so both sides drop trailing blanks.
  it.each(GOLDEN_SHEETS)('writes %s as core does', (sheet) => {
    expect(squared(host.sheets[sheet])).toEqual(squared(core.sheets[sheet]));
  });

  it('writes no formula anywhere', () => {
    const formulas = fake.spreadsheet._sheets.flatMap((s) =>
      fake.formulaCells(s.name).map((f) => `${s.name}!${f}`),
    );
    expect(formulas).toEqual([]);
  });
});
