// The built commands bundle run as Excel runs it: a ribbon click on Validate calls the associated function on a workbook.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import webpack from 'webpack';
import { createFakeExcel, FakeWorkbook } from '../../../testkit/excel';
import { sheetCells } from '../../../testkit/excel/read-back';

const ROOT = path.join(__dirname, '..', '..', '..');

/** Builds the commands entry with the project's webpack config (production: minified, as shipped). */
async function buildCommands(outDir: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configOf = require(path.join(ROOT, 'webpack.config.js')) as (
    env: object,
    argv: object,
  ) => webpack.Configuration;
  const config = configOf({}, { mode: 'production' });
  config.entry = { commands: './addin/commands/commands.ts' };
  config.output = { ...config.output, path: outDir };
  config.plugins = (config.plugins ?? []).filter(
    (p) => (p as { userOptions?: { filename?: string } }).userOptions?.filename === 'commands.html',
  );
  config.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  return fs.readFileSync(path.join(outDir, 'commands.js'), 'utf8');
}

interface Shim {
  handlers: Map<string, (event: { completed(): void }) => unknown>;
  dialogs: string[];
  ready: Promise<unknown>;
}

/**
 * The part of Office.js a commands page uses: onReady, actions.associate and a dialog. The real office.js needs an
 * Office host to talk to, so the bundle runs in a fresh JavaScript context with this shim and the fake `Excel`.
 */
function runBundle(code: string, book: FakeWorkbook): Shim {
  const handlers = new Map<string, (event: { completed(): void }) => unknown>();
  const dialogs: string[] = [];
  let ready!: () => void;
  const readyPromise = new Promise<void>((r) => (ready = r));
  const Office = {
    onReady: (cb?: (info: unknown) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      return Promise.resolve().then(() => {
        cb?.(info);
        ready();
        return info;
      });
    },
    actions: { associate: (id: string, f: (event: { completed(): void }) => unknown) => handlers.set(id, f) },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      ui: {
        displayDialogAsync: (url: string, _options: unknown, cb: (r: unknown) => void) => {
          dialogs.push(url);
          const events = new Map<string, () => void>();
          cb({
            status: 'succeeded',
            value: {
              addEventHandler: (t: string, f: () => void) => events.set(t, f),
              close: () => undefined,
            },
          });
          // The user reads the message and closes the dialog.
          setTimeout(() => events.get('dialogEventReceived')?.(), 0);
        },
      },
    },
  };
  const sandbox = {
    Office,
    Excel: createFakeExcel(book),
    window: { location: { href: 'https://localhost:3000/commands.html' } },
    console,
    setTimeout,
    clearTimeout,
    URL,
    TextEncoder,
  };
  vm.runInNewContext(code, sandbox, { filename: 'commands.js' });
  return { handlers, dialogs, ready: readyPromise };
}

function click(shim: Shim, id: string): Promise<number> {
  let completed = 0;
  return new Promise((resolve) => {
    const event = {
      completed: () => {
        completed++;
        setTimeout(() => resolve(completed), 10);
      },
    };
    const handler = shim.handlers.get(id);
    if (!handler) throw new Error(`no function associated with ${id}`);
    void handler(event);
  });
}

describe('dist commands.js, run like a ribbon click', () => {
  let code: string;
  beforeAll(async () => {
    code = await buildCommands(fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-commands-')));
  }, 180_000);

  it('associates both manifest functions', async () => {
    const shim = runBundle(code, new FakeWorkbook());
    await shim.ready;
    expect([...shim.handlers.keys()].sort()).toEqual(['createRulebook', 'validateWorkbook']);
  });

  it('Validate writes the results into the workbook and completes the event once', async () => {
    const book = new FakeWorkbook();
    book.seed('Rules', [
      ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Severity'],
      [
        'S3-001',
        'Buckets keep versioning on',
        'aws_s3_bucket',
        'versioning.status',
        'equals',
        'Enabled',
        'High',
      ],
    ]);
    book.seed('Resources', [
      ['Resource ID', 'Type', 'versioning.status'],
      ['logs', 'aws_s3_bucket', 'Suspended'],
      ['web', 'aws_s3_bucket', 'Enabled'],
    ]);
    const shim = runBundle(code, book);
    await shim.ready;
    expect(await click(shim, 'validateWorkbook')).toBe(1);
    const results = sheetCells(book, 'Results') ?? [];
    expect(results[0].slice(0, 5)).toEqual(['Rule ID', 'Title', 'Severity', 'Status', 'Resource ID']);
    expect(results.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([['S3-001', 'FAIL', 'logs']]);
    expect(sheetCells(book, 'Rules')?.[1]).toContain('✖ 1 failing');
    expect(shim.dialogs).toEqual([]);
  });

  it('a failing Validate shows the error in a dialog and still completes the event', async () => {
    const book = new FakeWorkbook();
    book.seed('Rules', [['Rule ID'], ['R-1']]);
    // A workbook Excel cannot write to: every request fails.
    const shim = runBundle(code, book);
    await shim.ready;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const sheetFn = book.sheet.bind(book);
    book.sheet = (name: string) => (name.toLowerCase() === 'results' ? undefined : sheetFn(name));
    book.addSheet = () => {
      throw new Error('The workbook is protected.');
    };
    expect(await click(shim, 'validateWorkbook')).toBe(1);
    expect(shim.dialogs).toHaveLength(1);
    const url = new URL(shim.dialogs[0]);
    expect(url.origin + url.pathname).toBe('https://localhost:3000/dialog.html');
    expect(url.searchParams.get('title')).toBe('Rulesheet: Validate failed');
    expect(url.searchParams.get('message')).toContain('The workbook is protected.');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('New rulebook adds the starter sheets and validates them', async () => {
    const book = new FakeWorkbook();
    book.seed('Sheet1', [['my notes']]);
    const shim = runBundle(code, book);
    await shim.ready;
    expect(await click(shim, 'createRulebook')).toBe(1);
    expect(book.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'Sheet1',
        'Rules',
        'Resources',
        'Exceptions',
        'Owners',
        'Settings',
        'Results',
        'Summary',
      ]),
    );
    expect(sheetCells(book, 'Sheet1')).toEqual([['my notes']]);
    expect(shim.dialogs).toEqual([]);
  });
});
