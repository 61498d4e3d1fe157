// The CLI's zip writer (archiver, entries deflated as streams from their chunks), checked against JSZip, and its failures.
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { ZipWriter } from '../../cli/io/zip-writer';
import { tempDir } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-zip-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** About 3 MB of text that repeats little: many chunks, several batches. */
const big = () => Array.from({ length: 60_000 }, (_, i) => `<row r="${i}">${(i * 7919) % 10007} é🙂</row>`);

test('JSZip reads every entry ZipWriter wrote, a many-chunk one and an empty one included', async () => {
  const file = path.join(dir, 'a.zip');
  const fd = fs.openSync(file, 'w');
  const zip = new ZipWriter(fd);
  await zip.add('small.xml', ['<a/>']);
  await zip.add('xl/worksheets/sheet1.xml', big());
  await zip.add('empty.txt', []);
  await zip.finish();
  fs.closeSync(fd);
  const read = await JSZip.loadAsync(fs.readFileSync(file));
  expect(Object.keys(read.files)).toEqual(['small.xml', 'xl/worksheets/sheet1.xml', 'empty.txt']);
  expect(await read.file('small.xml')!.async('string')).toBe('<a/>');
  expect((await read.file('xl/worksheets/sheet1.xml')!.async('string')) === big().join('')).toBe(true);
  expect(await read.file('empty.txt')!.async('string')).toBe('');
});

test("an entry whose deflated bytes outgrow zlib's 1 MB output buffer is written whole", async () => {
  // Random bytes as base64 barely compress: 4 MB in, over 3 MB out, several of zlib's output buffers per batch.
  const noise = Array.from({ length: 64 }, () => randomBytes(48 * 1024).toString('base64'));
  const file = path.join(dir, 'noise.zip');
  const fd = fs.openSync(file, 'w');
  const zip = new ZipWriter(fd);
  await zip.add('noise.txt', noise);
  await zip.finish();
  fs.closeSync(fd);
  expect(fs.statSync(file).size).toBeGreaterThan(3 * 1024 * 1024);
  const read = await JSZip.loadAsync(fs.readFileSync(file));
  expect((await read.file('noise.txt')!.async('string')) === noise.join('')).toBe(true);
});

test("an entry's chunks are read only once the entries before it are written", async () => {
  const fd = fs.openSync(path.join(dir, 'b.zip'), 'w');
  const zip = new ZipWriter(fd);
  let firstDone = false;
  let seenByLast: boolean | undefined;
  await zip.add(
    'first.txt',
    (function* () {
      yield* big();
      firstDone = true;
    })(),
  );
  await zip.add(
    'last.txt',
    (function* () {
      seenByLast = firstDone;
      yield 'x';
    })(),
  );
  await zip.finish();
  fs.closeSync(fd);
  expect(seenByLast).toBe(true);
});

test('a chunk that throws fails the entry, and abort leaves no write pending', async () => {
  const fd = fs.openSync(path.join(dir, 'c.zip'), 'w');
  const zip = new ZipWriter(fd);
  await zip.add('ok.txt', ['fine']);
  const failing = (function* () {
    yield big().join('');
    throw new Error('the rows could not be made');
  })();
  await expect(zip.add('bad.txt', failing)).rejects.toThrow('the rows could not be made');
  await zip.abort();
  fs.closeSync(fd);
});
