// The import floors hold: ESLint (the project's eslint.config.mjs, through its Node API) rejects a host importing another
// host, anything reaching below core's face, and host globals in ui/; and the real tree lints clean.
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(__dirname, 'eslint-api.mjs');

interface Message {
  ruleId: string | null;
  severity: number;
  line: number;
  message: string;
}
interface Answer {
  texts: Message[][];
  files: { filePath: string; messages: Message[] }[];
}

/** A file that imports `from` and uses what it imported, so the only finding can be the import itself. */
const importing = (from: string) => `import { thing } from '${from}';\nexport const used = thing;\n`;

// [what, file it is linted as, code, the rules that must fire (none: it passes)]
const CASES: [string, string, string, string[]][] = [
  [
    'apps-script imports addin',
    'apps-script/probe.ts',
    importing('../addin/excel/validate'),
    ['no-restricted-imports'],
  ],
  ['addin imports cli', 'addin/probe.ts', importing('../cli/io/csv'), ['no-restricted-imports']],
  ['cli imports apps-script', 'cli/probe.ts', importing('../apps-script/run'), ['no-restricted-imports']],
  ['ui imports addin', 'ui/probe.tsx', importing('../addin/excel/actions'), ['no-restricted-imports']],
  ['cli imports ui', 'cli/probe.ts', importing('../ui/format'), ['no-restricted-imports']],
  ['importers imports ui', 'importers/probe.ts', importing('../ui/format'), ['no-restricted-imports']],
  [
    'addin reaches below core’s face',
    'addin/probe.ts',
    importing('../core/values/cells'),
    ['no-restricted-imports'],
  ],
  [
    'apps-script reaches below core’s face',
    'apps-script/probe.ts',
    importing('../core/engine/run'),
    ['no-restricted-imports'],
  ],
  [
    'a tool reaches below core’s face',
    'bench/probe.ts',
    importing('../core/values/cells'),
    ['no-restricted-imports'],
  ],
  ['core imports fs', 'core/probe.ts', importing('fs'), ['no-restricted-imports']],
  [
    'Excel.run inside ui',
    'ui/probe.ts',
    'export const go = () => Excel.run(async () => undefined);\n',
    ['no-restricted-globals'],
  ],
  [
    'google.script inside ui',
    'ui/probe.ts',
    'export const go = () => google.script.run.validate();\n',
    ['no-restricted-globals'],
  ],
  ['addin enters core by its face', 'addin/probe.ts', importing('../core'), []],
  ['apps-script enters core by core/index', 'apps-script/probe.ts', importing('../core/index'), []],
  ['cli enters core by its face', 'cli/probe.ts', importing('../core'), []],
  ['ui enters core by its face', 'ui/probe.tsx', importing('../core'), []],
  ['importers enter core by its face', 'importers/probe.ts', importing('../core'), []],
  ['apps-script shows the ui', 'apps-script/sidebar/probe.tsx', importing('../../ui/App'), []],
  ['addin shows the ui', 'addin/taskpane/probe.tsx', importing('../../ui/App'), []],
  [
    'core’s own test reaches into core',
    'test/values/probe.test.ts',
    importing('../../core/values/cells'),
    [],
  ],
];

let answer: Answer;

beforeAll(() => {
  const request = { texts: CASES.map(([, filePath, code]) => ({ filePath, code })), files: ['.'] };
  const run = spawnSync(process.execPath, [SCRIPT], {
    cwd: ROOT,
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`eslint-api.mjs exited ${run.status}:\n${run.stderr}`);
  answer = JSON.parse(run.stdout) as Answer;
}, 180_000);

describe('import floors', () => {
  it.each(CASES.map((c, i) => [c[0], i, c[3]] as const))('%s', (_what, i, rules) => {
    const messages = answer.texts[i];
    expect(messages.map((m) => m.ruleId)).toEqual(rules);
    for (const m of messages) expect(m.severity).toBe(2);
  });

  it('names core’s face when an import reaches below it', () => {
    const i = CASES.findIndex(([what]) => what === 'addin reaches below core’s face');
    expect(answer.texts[i][0].message).toMatch(/public face/);
  });
});

describe('the real tree', () => {
  it('lints clean', () => {
    expect(answer.files).toEqual([]);
  });
});
