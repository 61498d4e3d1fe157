// `validate --format sarif --max-results n`: the n most severe results, in the log's order, and a note of the rest.
import * as fs from 'fs';
import * as path from 'path';
import type { Cell } from '../../core';
import { cli, NOW, tempDir, writeCsvRulebook } from './helpers/rulebook';
import { sarifSchemaErrors } from './helpers/sarif-schema';

const SEVERITY_ORDER = ['Critical', 'High', 'Medium', 'Low', 'Info'];
const VMS = Array.from({ length: 12 }, (_, i) => `vm-${String(i + 1).padStart(2, '0')}`);

// Rules listed from the least severe, so the log's order is not the cap's; every VM fails every rule; four of
// the High rule's failures are waived.
const BOOK: Record<string, Cell[][]> = {
  Rules: [
    ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Severity'],
    ...[...SEVERITY_ORDER].reverse().map((s) => [`R-${s}`, `${s} rule`, 'vm', 'ok', 'is true', null, s]),
  ],
  Resources: [['Resource ID', 'Type', 'ok'], ...VMS.map((id) => [id, 'vm', 'FALSE'])],
  Exceptions: [
    ['Rule ID', 'Resource ID', 'Reason', 'Approved By', 'Expires'],
    ...['vm-02', 'vm-05', 'vm-07', 'vm-11'].map((id) => ['R-High', id, 'Accepted', 'carol', '2099-01-01']),
  ],
};

interface SarifResult {
  ruleId: string;
  suppressions?: unknown[];
  locations: { logicalLocations: { name: string }[] }[];
}

let dir: string;
let book: string;
beforeAll(() => {
  dir = tempDir('rulesheet-sarif-cap-');
  book = writeCsvRulebook(path.join(dir, 'book'), BOOK);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sarif(...extra: string[]): Promise<{ text: string; stdout: string }> {
  const file = path.join(dir, `log-${extra.join('_') || 'all'}.sarif`);
  const r = await cli(
    'validate',
    book,
    '--no-write',
    '--now',
    NOW,
    '--format',
    'sarif',
    '--report',
    file,
    ...extra,
  );
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { text: fs.readFileSync(file, 'utf8'), stdout: r.stdout };
}

const key = (r: SarifResult) =>
  `${r.ruleId} ${r.locations[0].logicalLocations[0].name}${r.suppressions ? ' waived' : ''}`;

describe('--max-results', () => {
  let all: SarifResult[];
  beforeAll(async () => {
    all = JSON.parse((await sarif()).text).runs[0].results;
  });

  test('without it, every FAIL and WAIVED result is listed: 5 rules × 12 VMs', () => {
    expect(all).toHaveLength(60);
    expect(all.filter((r) => r.suppressions)).toHaveLength(4);
  });

  test.each([
    // max → results listed per rule, as "open+waived"
    [12, { 'R-Critical': '12+0' }],
    [15, { 'R-Critical': '12+0', 'R-High': '3+0' }],
    [20, { 'R-Critical': '12+0', 'R-High': '8+0' }],
    [22, { 'R-Critical': '12+0', 'R-High': '8+2' }],
    [30, { 'R-Critical': '12+0', 'R-High': '8+4', 'R-Medium': '6+0' }],
    [59, { 'R-Critical': '12+0', 'R-High': '8+4', 'R-Medium': '12+0', 'R-Low': '12+0', 'R-Info': '11+0' }],
  ])('%i: the most severe, open before waived, in the log’s own order', async (max, perRule) => {
    const { text, stdout } = await sarif('--max-results', String(max));
    const log = JSON.parse(text);
    const listed: SarifResult[] = log.runs[0].results;
    expect(listed).toHaveLength(max);
    const counts: Record<string, string> = {};
    for (const id of new Set(listed.map((r) => r.ruleId))) {
      const mine = listed.filter((r) => r.ruleId === id);
      counts[id] =
        `${mine.filter((r) => !r.suppressions).length}+${mine.filter((r) => r.suppressions).length}`;
    }
    expect(counts).toEqual(perRule);
    // The listed results are those of the full log, in its order, and within a rank the first ones.
    const order = all.map(key);
    const positions = listed.map((r) => order.indexOf(key(r)));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]))).toBe(true);
    const high = listed.filter((r) => r.ruleId === 'R-High' && !r.suppressions).map(key);
    const allHigh = all.filter((r) => r.ruleId === 'R-High' && !r.suppressions).map(key);
    expect(high).toEqual(allHigh.slice(0, high.length));
    // The log says what it left out, and so does the summary.
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ descriptor: { id: 'results-capped' }, level: 'warning' });
    expect(notes[0].message.text).toContain(`lists ${max} of the run's 60 FAIL, ERROR and WAIVED results`);
    expect(stdout).toContain(
      `The SARIF report lists the ${max} most severe of 60 FAIL, ERROR and WAIVED results`,
    );
  });

  test.each([60, 61, 1_000_000])(
    '%i, at or above the results there are: the log as without it',
    async (max) => {
      const { text, stdout } = await sarif('--max-results', String(max));
      const uncapped = (await sarif()).text;
      expect(text).toBe(uncapped);
      expect(stdout).not.toContain('most severe of');
    },
  );

  test('a capped log is valid SARIF 2.1.0, its notification included', async () => {
    const log = JSON.parse((await sarif('--max-results', '7')).text);
    expect(sarifSchemaErrors(log)).toEqual([]);
    // Every rule keeps its descriptor, listed or not.
    expect(log.runs[0].tool.driver.rules).toHaveLength(5);
  });

  test.each([
    [['--max-results', '0'], /--max-results.*1 or more/],
    [['--max-results', '-5'], /--max-results|unknown option/],
    [['--max-results', '2.5'], /--max-results.*whole number/],
    [['--max-results', 'all'], /--max-results.*whole number/],
    [
      ['--max-results', '5', '--format', 'json'],
      /--max-results applies to --format sarif only; the json report/,
    ],
    [['--max-results', '5'], /--max-results applies to --format sarif only\n/],
  ])('%j is refused before anything is read or written', async (args, message) => {
    const report = path.join(dir, 'refused.out');
    const withReport = args.includes('--format') ? ['--report', report] : [];
    const r = await cli('validate', book, '--no-write', '--now', NOW, ...args, ...withReport);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fs.existsSync(report)).toBe(false);
  });
});
