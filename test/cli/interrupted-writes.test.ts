// The CLI's writer cut off at every step (each write, deflate, flush, rename of every file it writes): the rulebook read is left as it was.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a spy must sit on the module object every CLI file reads
import fs = require('fs');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the same, for the deflate stream archiver writes through
import zlib = require('zlib');
import * as path from 'path';
import { cli, NOW, tempDir, writeCsvRulebook, writeXlsxRulebook } from './helpers/rulebook';

type Step =
  'write' | 'writev' | 'writeSync' | 'writeFileSync' | 'fsyncSync' | 'renameSync' | 'linkSync' | 'deflate';
const STEPS: Step[] = [
  'write',
  'writev',
  'writeSync',
  'writeFileSync',
  'fsyncSync',
  'renameSync',
  'linkSync',
  'deflate',
];

/** Where a step's function is, and its name there: a deflate chunk is one call of the deflate stream's _transform. */
function hookOf(step: Step): { owner: Record<string, (...a: unknown[]) => unknown>; method: string } {
  if (step === 'deflate') return { owner: zlib.DeflateRaw.prototype as never, method: '_transform' };
  return { owner: fs as never, method: step };
}

/** Every file under a folder with its bytes, to compare before and after. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(dir)) out.set(f, fs.readFileSync(path.join(dir, f)).toString('base64'));
  return out;
}

/** Runs validate with the n-th call of `step` failing as a full disk would; undefined when the run never made it. */
async function failAt(step: Step, n: number, argv: string[]): Promise<number | undefined> {
  const { owner, method } = hookOf(step);
  const real = owner[method];
  let calls = 0;
  let hit = false;
  const spy = jest.spyOn(owner, method).mockImplementation(function (this: unknown, ...args: unknown[]) {
    calls++;
    if (calls === n) {
      hit = true;
      const error = Object.assign(new Error(`ENOSPC: no space left on device, ${step}`), { code: 'ENOSPC' });
      // fs.write and fs.writev (a stream's) and a stream's _transform report through their callback; the others throw.
      const callback = args[args.length - 1];
      if ((step === 'write' || step === 'writev' || step === 'deflate') && typeof callback === 'function')
        return void process.nextTick(() => callback(error));
      throw error;
    }
    return real.apply(this, args);
  } as never);
  try {
    const { code } = await cli(...argv);
    return hit ? code : undefined;
  } finally {
    spy.mockRestore();
  }
}

describe.each([
  ['an .xlsx rulebook validated in place', 'xlsx'],
  ['a CSV folder validated in place', 'csv'],
])('%s, with a JSON report', (_name, kind) => {
  test.each(STEPS)(
    'every %s failing in turn leaves the rulebook as it was',
    async (step) => {
      let failures = 0;
      for (let n = 1; n <= 40; n++) {
        const dir = tempDir('rulesheet-interrupted-');
        const rulebook =
          kind === 'xlsx'
            ? await writeXlsxRulebook(path.join(dir, 'book.xlsx'))
            : writeCsvRulebook(path.join(dir, 'book'));
        const folder = kind === 'xlsx' ? dir : rulebook;
        const before = snapshot(folder);
        const report = path.join(tempDir('rulesheet-interrupted-report-'), 'report.json');
        const code = await failAt(step, n, [
          'validate',
          rulebook,
          '--now',
          NOW,
          '--format',
          'json',
          '--report',
          report,
          '--fail-on',
          'none',
        ]);
        if (code === undefined) break; // the run finished before an n-th call: every step has been cut
        failures++;
        expect(code).not.toBe(0);
        // Cut before the rulebook's own rename, the rulebook is untouched; the report is written after the rulebook,
        // so a cut there leaves the complete new rulebook, which the message says.
        const after = snapshot(folder);
        const untouched = [...before].every(([f, bytes]) => after.get(f) === bytes);
        const written = [...before.keys()].some((f) => after.get(f) !== before.get(f));
        expect(untouched || (written && !fs.existsSync(report))).toBe(true);
        // Nothing half-written is left beside the rulebook.
        expect(
          [...after.keys()].filter((f) => !before.has(f) && !/^(Results|Summary|Run History)\.csv$/.test(f)),
        ).toEqual([]);
        fs.rmSync(dir, { recursive: true, force: true });
      }
      // Each of these is on every path that writes a file, so each was cut at least once. A CSV rulebook and the
      // report are written with writeSync; an .xlsx through archiver's deflate streams and a write stream (fs.write).
      const onPath: Step[] = ['writeSync', 'fsyncSync', 'renameSync'].concat(
        kind === 'xlsx' ? ['write', 'deflate'] : [],
      ) as Step[];
      if (onPath.includes(step)) expect(failures).toBeGreaterThan(0);
    },
    120_000,
  );
});
