// Report only (`validate --no-write`): the rulebook is read and checked, its bytes and times untouched, the report written.
import * as fs from 'fs';
import * as path from 'path';
import { cli, NOW, tempDir, writeCsvRulebook, writeXlsxRulebook } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-report-only-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every file under a path with its bytes and modification time, to show nothing changed. */
function snapshot(root: string): Record<string, { bytes: string; mtimeMs: number }> {
  const out: Record<string, { bytes: string; mtimeMs: number }> = {};
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const f of fs.readdirSync(p).sort()) walk(path.join(p, f));
    else out[path.relative(root, p)] = { bytes: fs.readFileSync(p).toString('base64'), mtimeMs: st.mtimeMs };
  };
  walk(root);
  return out;
}

const books: [string, (d: string) => Promise<string>][] = [
  ['an .xlsx workbook', (d) => writeXlsxRulebook(path.join(d, 'book.xlsx'))],
  ['a folder of CSVs', async (d) => writeCsvRulebook(path.join(d, 'book'))],
];

describe.each(books)('--no-write on %s', (_what, make) => {
  it('writes the SARIF report and leaves the rulebook’s bytes and mtime as they were', async () => {
    const book = await make(dir);
    // An old mtime, so a rewrite within the same clock tick could not hide.
    const old = new Date('2020-01-01T00:00:00Z');
    if (fs.statSync(book).isDirectory())
      for (const f of fs.readdirSync(book)) fs.utimesSync(path.join(book, f), old, old);
    else fs.utimesSync(book, old, old);
    const before = snapshot(book);
    const report = path.join(dir, 'out.sarif');
    const r = await cli(
      'validate',
      book,
      '--no-write',
      '--now',
      NOW,
      '--format',
      'sarif',
      '--report',
      report,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(snapshot(book)).toEqual(before);
    expect(JSON.parse(fs.readFileSync(report, 'utf8')).runs[0].results.length).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/was not written \(--no-write\)/);
    // Nothing else appeared beside the rulebook either.
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(book), 'out.sarif'].sort());
  });

  it('still sets the exit code from --fail-on', async () => {
    const book = await make(dir);
    const r = await cli('validate', book, '--no-write', '--now', NOW, '--fail-on', 'low', '--quiet');
    expect(r.code).toBe(1);
  });
});

it('without --no-write the rulebook is written, as before', async () => {
  const book = writeCsvRulebook(path.join(dir, 'book'));
  const r = await cli(
    'validate',
    book,
    '--now',
    NOW,
    '--format',
    'sarif',
    '--report',
    path.join(dir, 'o.sarif'),
  );
  expect(r.code).toBe(0);
  expect(fs.existsSync(path.join(book, 'Results.csv'))).toBe(true);
});

it('--no-write with --out is a usage error, and nothing is written', async () => {
  const book = writeCsvRulebook(path.join(dir, 'book'));
  const before = snapshot(dir);
  const r = await cli('validate', book, '--no-write', '--out', path.join(dir, 'elsewhere'));
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--no-write: give one or the other/);
  expect(snapshot(dir)).toEqual(before);
});

it('--no-write on a read-only rulebook is no refusal: nothing is written to it', async () => {
  const book = await writeXlsxRulebook(path.join(dir, 'ro.xlsx'));
  fs.chmodSync(book, 0o444);
  const r = await cli(
    'validate',
    book,
    '--no-write',
    '--now',
    NOW,
    '--format',
    'json',
    '--report',
    path.join(dir, 'r.json'),
  );
  fs.chmodSync(book, 0o644);
  expect(r.code).toBe(0);
  expect(fs.existsSync(path.join(dir, 'r.json'))).toBe(true);
});
