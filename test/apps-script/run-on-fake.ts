// Runs a conformance scenario through the Apps Script adapter on the fake and shapes it like runCore's output.
import { formatProblem } from '../../core';
import type { Cell } from '../../core';
import { toCsv } from '../../cli/io/csv';
import { runValidation, type RunOutcome } from '../../apps-script/run';
import { createFakeAppsScript, type FakeAppsScript } from '../../testkit/sheets';
import {
  GOLDEN_SHEETS,
  toRecord,
  type ComparableOutput,
  type GoldenSheet,
  type Scenario,
} from '../helpers/conformance';

/** Puts the fake's services where the adapter looks for them, as Apps Script's globals. */
export function installFake(fake: FakeAppsScript): void {
  Object.assign(globalThis, fake.globals);
}

/** A sheet read back from the fake as the golden CSV holds it. */
export function sheetCsv(fake: FakeAppsScript, name: string): string | undefined {
  const rows = fake.readSheet(name);
  return rows === undefined ? undefined : toCsv(rows as Cell[][]);
}

export function runOnFake(
  scenario: Scenario,
  timeZone: string,
): { out: ComparableOutput; fake: FakeAppsScript; outcome: RunOutcome } {
  const fake = createFakeAppsScript({ timeZone });
  for (const grid of scenario.grids) fake.addSheet(grid.name, grid.rows);
  installFake(fake);
  const outcome = runValidation({ now: scenario.now });
  if (!outcome.ok) throw new Error(outcome.message);
  const sheets: Partial<Record<GoldenSheet, string>> = {};
  const written = new Set(outcome.run.patches.map((p) => p.sheet.toLowerCase()));
  for (const name of GOLDEN_SHEETS) {
    const sheet = fake.spreadsheet._sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (sheet && written.has(sheet.name.toLowerCase())) sheets[name] = sheetCsv(fake, sheet.name);
  }
  return {
    fake,
    outcome,
    out: {
      results: outcome.run.results.toArray().map(toRecord),
      problems: outcome.run.problems.map(formatProblem),
      sheets,
    },
  };
}
