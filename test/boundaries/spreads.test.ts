// No spread arguments over data: ESLint (the project's eslint.config.mjs) rejects `Math.max(...rows)`, `push(...rows)`
// and their kin in every source folder, since V8 overflows its stack near 125k arguments (issue 14).
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(__dirname, 'eslint-api.mjs');

interface Message {
  ruleId: string | null;
  message: string;
}

const uses = (body: string) =>
  `export function probe(rows: number[][], out: number[]): number {\n  void out;\n  ${body}\n}\n`;

// [what, file it is linted as, code, the rules that must fire (none: it passes)]
const CASES: [string, string, string, string[]][] = [
  [
    'Math.max over rows in addin',
    'addin/excel/probe.ts',
    uses('return Math.max(0, ...rows.map((r) => r.length));'),
    ['no-restricted-syntax'],
  ],
  [
    'Math.min over rows in apps-script',
    'apps-script/probe.ts',
    uses('return Math.min(...rows[0]);'),
    ['no-restricted-syntax'],
  ],
  [
    'push(...rows) in core',
    'core/output/probe.ts',
    uses('out.push(...rows[0]);\n  return 0;'),
    ['no-restricted-syntax'],
  ],
  [
    'unshift(...rows) in cli',
    'cli/report/probe.ts',
    uses('out.unshift(...rows[0]);\n  return 0;'),
    ['no-restricted-syntax'],
  ],
  [
    'splice(...rows) in importers',
    'importers/probe.ts',
    uses('out.splice(0, 0, ...rows[0]);\n  return 0;'),
    ['no-restricted-syntax'],
  ],
  [
    'fromCharCode(...codes) in ui',
    'ui/probe.ts',
    uses('return String.fromCharCode(...rows[0]).length;'),
    ['no-restricted-syntax'],
  ],
  [
    'push(...rows) in a fake',
    'testkit/excel/probe.ts',
    uses('out.push(...rows[0]);\n  return 0;'),
    ['no-restricted-syntax'],
  ],
  [
    'a reduce instead',
    'addin/excel/probe.ts',
    uses('return rows.reduce((m, r) => Math.max(m, r.length), 0);'),
    [],
  ],
  ['a loop instead', 'core/output/probe.ts', uses('for (const v of rows[0]) out.push(v);\n  return 0;'), []],
  ['an array literal spread', 'cli/probe.ts', uses('return [...rows[0], ...out].length;'), []],
];

let texts: Message[][];

beforeAll(() => {
  const request = { texts: CASES.map(([, filePath, code]) => ({ filePath, code })), files: [] };
  const run = spawnSync(process.execPath, [SCRIPT], {
    cwd: ROOT,
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`eslint-api.mjs exited ${run.status}:\n${run.stderr}`);
  texts = (JSON.parse(run.stdout) as { texts: Message[][] }).texts;
}, 180_000);

describe('no spread arguments over data', () => {
  it.each(CASES.map((c, i) => [c[0], i, c[3]] as const))('%s', (_what, i, rules) => {
    expect(texts[i].map((m) => m.ruleId)).toEqual(rules);
  });

  it('says what to do instead', () => {
    expect(texts[0][0].message).toMatch(/loop/);
  });
});
