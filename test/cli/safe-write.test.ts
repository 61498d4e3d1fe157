// Safe file writes: atomic replacement through an exclusive random temp file, links written through, read-only refused.
import * as fs from 'fs';
import * as path from 'path';
import { writeFileSafely } from '../../cli/io/safe-write';
import { cli, NOW, readXlsx, tempDir, writeCsvRulebook, writeXlsxRulebook } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-safe-write-');
});
afterEach(() => {
  // Read-only files and folders made by a test must not stop the clean-up.
  for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('writeFileSafely', () => {
  it('replaces a file, keeps its mode and leaves no temp file behind', () => {
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o640);
    writeFileSafely(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
  });

  it('creates missing folders and files', () => {
    const file = path.join(dir, 'deep', 'er', 'b.txt');
    writeFileSafely(file, 'x');
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it('writes through a symbolic link (and a chain of them) and keeps the links', () => {
    const real = path.join(dir, 'real.txt');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync('real.txt', path.join(dir, 'link1'));
    fs.symlinkSync(path.join(dir, 'link1'), path.join(dir, 'link2'));
    writeFileSafely(path.join(dir, 'link2'), 'new');
    expect(fs.readFileSync(real, 'utf8')).toBe('new');
    expect(fs.lstatSync(path.join(dir, 'link1')).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(path.join(dir, 'link2')).isSymbolicLink()).toBe(true);
  });

  it('refuses a read-only file with a clear message and leaves it as it was', () => {
    const file = path.join(dir, 'ro.txt');
    fs.writeFileSync(file, 'keep');
    fs.chmodSync(file, 0o444);
    expect(() => writeFileSafely(file, 'new')).toThrow(/ro\.txt: the file is read-only/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep');
    expect(fs.readdirSync(dir)).toEqual(['ro.txt']);
  });

  it('with createOnly, never replaces an existing file', () => {
    const file = path.join(dir, 'c.txt');
    writeFileSafely(file, 'first', { createOnly: true });
    expect(() => writeFileSafely(file, 'second', { createOnly: true })).toThrow(/already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('first');
    expect(fs.readdirSync(dir)).toEqual(['c.txt']);
  });
});

describe('rulesheet validate writes safely', () => {
  it('does not follow a link planted at the old predictable temp name', async () => {
    const book = writeCsvRulebook(path.join(dir, 'book'));
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious');
    const report = path.join(dir, 'report.json');
    fs.symlinkSync(victim, `${report}.${process.pid}.tmp`);
    const results = path.join(book, 'Results.csv');
    fs.symlinkSync(victim, `${results}.${process.pid}.tmp`);
    const run = await cli('validate', book, '--now', NOW, '--report', report, '--quiet');
    expect(run.stderr).toBe('');
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
    expect(JSON.parse(fs.readFileSync(report, 'utf8'))).toHaveProperty('results');
  });

  it('writes a linked workbook and a linked report through their links', async () => {
    const real = await writeXlsxRulebook(path.join(dir, 'real.xlsx'));
    fs.symlinkSync(real, path.join(dir, 'book.xlsx'));
    const realReport = path.join(dir, 'real-report.json');
    fs.writeFileSync(realReport, '{}');
    fs.symlinkSync(realReport, path.join(dir, 'report.json'));
    const run = await cli(
      'validate',
      path.join(dir, 'book.xlsx'),
      '--now',
      NOW,
      '--report',
      path.join(dir, 'report.json'),
      '--quiet',
    );
    expect(run.stderr).toBe('');
    expect(fs.lstatSync(path.join(dir, 'book.xlsx')).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(path.join(dir, 'report.json')).isSymbolicLink()).toBe(true);
    expect((await readXlsx(real)).getWorksheet('Results')).toBeDefined();
    expect(JSON.parse(fs.readFileSync(realReport, 'utf8'))).toHaveProperty('results');
  });

  it('writes a linked CSV sheet through its link', async () => {
    const book = writeCsvRulebook(path.join(dir, 'book'));
    const shared = path.join(dir, 'shared-rules.csv');
    fs.renameSync(path.join(book, 'Rules.csv'), shared);
    fs.symlinkSync(shared, path.join(book, 'Rules.csv'));
    const run = await cli('validate', book, '--now', NOW, '--quiet');
    expect(run.stderr).toBe('');
    expect(fs.lstatSync(path.join(book, 'Rules.csv')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(shared, 'utf8')).toMatch(/Last Run|Status|Result/);
  });

  it.each([
    ['the workbook', 'book.xlsx'],
    ['the report', 'report.json'],
  ])('refuses to replace %s when it is read-only (exit 2, clear message)', async (_what, readOnly) => {
    const book = await writeXlsxRulebook(path.join(dir, 'book.xlsx'));
    const report = path.join(dir, 'report.json');
    fs.writeFileSync(report, '{}');
    const target = path.join(dir, readOnly);
    const before = fs.readFileSync(target);
    fs.chmodSync(target, 0o444);
    const run = await cli('validate', book, '--now', NOW, '--report', report, '--quiet');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${target}: the file is read-only`);
    expect(fs.readFileSync(target)).toEqual(before);
  });
});
