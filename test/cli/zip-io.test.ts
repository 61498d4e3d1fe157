// The CLI's own zip writer (entries deflated chunk by chunk) and native entry reader, checked against JSZip.
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { entryStream } from '../../cli/io/zip-reader';
import { ZipWriter } from '../../cli/io/zip-writer';
import { tempDir } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-zip-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** About 3 MB of text that repeats little: several chunks, each sync-flushed. */
const big = () => Array.from({ length: 60_000 }, (_, i) => `<row r="${i}">${(i * 7919) % 10007} é🙂</row>`);

async function collect(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}

test('JSZip reads every entry ZipWriter wrote, a multi-chunk one included', async () => {
  const file = path.join(dir, 'a.zip');
  const fd = fs.openSync(file, 'w');
  const zip = new ZipWriter(fd);
  await zip.add('small.xml', ['<a/>']);
  await zip.add('xl/worksheets/sheet1.xml', big());
  await zip.add('empty.txt', []);
  zip.finish();
  fs.closeSync(fd);
  const read = await JSZip.loadAsync(fs.readFileSync(file));
  expect(Object.keys(read.files)).toEqual(['small.xml', 'xl/worksheets/sheet1.xml', 'empty.txt']);
  expect(await read.file('small.xml')!.async('string')).toBe('<a/>');
  expect(await read.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(big().join(''));
  expect(await read.file('empty.txt')!.async('string')).toBe('');
});

test.each(['DEFLATE', 'STORE'] as const)(
  'entryStream inflates a %s entry as JSZip does',
  async (compression) => {
    const zip = new JSZip();
    zip.file('first.txt', 'one');
    zip.file('xl/worksheets/sheet2.xml', big().join(''));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression });
    const stream = entryStream(bytes, 'xl/worksheets/sheet2.xml');
    expect(stream).toBeDefined();
    const want = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet2.xml')!.async('string');
    expect(want.length).toBeGreaterThan(1 << 20);
    expect((await collect(stream!)) === want).toBe(true);
    expect(await collect(entryStream(bytes, 'first.txt')!)).toBe('one');
    expect(entryStream(bytes, 'missing.xml')).toBeUndefined();
    expect(entryStream(Buffer.from('not a zip at all, just text'), 'first.txt')).toBeUndefined();
  },
);
