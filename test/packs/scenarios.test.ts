// Every rule pack runs clean through core and through the CLI, and its conformance scenario is its own files.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../cli/main';
import { formatProblem, validate } from '../../core';
import { readCsvFolder } from '../../cli/io/csv';
import { loadScenario, runCore, CONFORMANCE_DIR } from '../helpers/conformance';
import { PACKS_DIR, readRulePacks } from '../../scripts/build-packs';

const PACKS = readRulePacks().map((p) => p.name);
const scenarioOf = (pack: string) => `pack-${pack}`;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-packs-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.each(PACKS)('rule pack %s', (pack) => {
  const source = path.join(PACKS_DIR, pack);
  const scenarioDir = path.join(CONFORMANCE_DIR, scenarioOf(pack));

  test('its conformance scenario exists and its input is a copy of the pack', () => {
    expect(fs.existsSync(path.join(scenarioDir, 'scenario.json'))).toBe(true);
    for (const file of ['Rules.csv', 'Resources.csv']) {
      expect(fs.readFileSync(path.join(scenarioDir, 'input', file), 'utf8')).toEqual(
        fs.readFileSync(path.join(source, file), 'utf8'),
      );
    }
  });

  test('its rules read without a single problem', () => {
    const { grids, errors } = readCsvFolder(source);
    expect(errors).toEqual([]);
    const out = validate(grids, { now: new Date('2026-03-01T09:00:00Z') });
    expect(out.problems.map(formatProblem)).toEqual([]);
    expect(out.results.toArray().filter((r) => r.status === 'ERROR')).toEqual([]);
  });

  test('every rule has a passing and a failing sample resource in the hand-written statuses', () => {
    const s = loadScenario(scenarioOf(pack));
    const ids = new Set(s.statuses.map((x) => x.ruleId));
    const rules = readRulePacks()
      .find((p) => p.name === pack)!
      .rules.slice(1);
    expect([...ids].sort()).toEqual(rules.map((r) => r[0]).sort());
    for (const id of ids) {
      const statuses = new Set(s.statuses.filter((x) => x.ruleId === id).map((x) => x.status));
      expect([id, statuses.has('PASS'), statuses.has('FAIL')]).toEqual([id, true, true]);
    }
  });

  test('the CLI gives the same results as core', async () => {
    const scenario = loadScenario(scenarioOf(pack));
    const folder = path.join(tmp, pack);
    fs.cpSync(path.join(scenarioDir, 'input'), folder, { recursive: true });
    const report = path.join(tmp, `${pack}.json`);
    const io = { stdout: { write: () => true }, stderr: { write: () => true } };
    const code = await run(
      [
        'validate',
        folder,
        '--format',
        'json',
        '--report',
        report,
        '--now',
        scenario.now.toISOString(),
        '--quiet',
      ],
      io,
    );
    expect(code).toBe(0);
    const json = JSON.parse(fs.readFileSync(report, 'utf8')) as {
      results: Record<string, unknown>[];
      problems: unknown[];
    };
    const pick = (r: {
      ruleId: string;
      resourceId: string | null;
      status: string;
      message: string | null;
    }) => [r.ruleId, r.resourceId ?? '', r.status, r.message ?? ''];
    const core = runCore(scenario);
    expect(json.results.map((r) => pick(r as never))).toEqual(core.results.map(pick));
    expect(json.problems).toEqual([]);
    const cliResults = fs.readFileSync(path.join(folder, 'Results.csv'), 'utf8');
    expect(cliResults).toEqual(core.sheets.Results);
  });
});
