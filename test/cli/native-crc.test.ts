// archiver's checksums from zlib's CRC-32: the same values as the crc-32 package, and zips an independent reader verifies.
import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { nativeBuf, useNativeCrc } from '../../cli/io/native-crc';
import { ZipWriter } from '../../cli/io/zip-writer';
import { tempDir } from './helpers/rulebook';

const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** The crc-32 package as it was before any patch: loaded afresh, from its own file. */
function freshCrc(): { buf: (data: Uint8Array, seed?: unknown) => number } {
  let found: { buf: (data: Uint8Array, seed?: unknown) => number } | undefined;
  jest.isolateModules(() => {
    found = jest.requireActual<{ buf: (data: Uint8Array, seed?: unknown) => number }>('crc-32');
  });
  return found!;
}

test('this Node has zlib.crc32, so archiver checksums natively', () => {
  // Node 20.15 and later: the machines run Node 20 of a later minor; an older one keeps the JavaScript CRC.
  expect(typeof native).toBe('function');
  expect(useNativeCrc()).toBe(true);
});

test.each([
  ['empty', 0],
  ['one byte', 1],
  ['a short text', 11],
  ['64 KB', 65_536],
  ['1 MB', 1 << 20],
])(
  "the native buf gives crc-32's value on %s, started as crc32-stream starts it and continued",
  (_what, size) => {
    const js = freshCrc();
    const buf = nativeBuf(native!);
    const data = randomBytes(size);
    // crc32-stream's first call passes a 4-byte Buffer as the seed, which crc-32 reads as 0.
    const start = Buffer.alloc(4);
    expect(buf(data, start)).toBe(js.buf(data, start));
    // Later calls pass the previous CRC as an unsigned number.
    const half = data.subarray(0, size >> 1);
    const rest = data.subarray(size >> 1);
    const first = js.buf(half, start) >>> 0;
    expect(buf(rest, first)).toBe(js.buf(rest, first));
    expect(buf(rest, first) >>> 0).toBe(js.buf(data, start) >>> 0);
  },
);

test("Python's zipfile verifies every entry's CRC in a zip ZipWriter wrote", async () => {
  useNativeCrc();
  const dir = tempDir('rulesheet-crc-');
  try {
    const file = path.join(dir, 'a.zip');
    const fd = fs.openSync(file, 'w');
    const zip = new ZipWriter(fd);
    const rows = Array.from({ length: 40_000 }, (_, i) => `<row r="${i}">${(i * 7919) % 10007} é🙂</row>`);
    await zip.add('rows.xml', rows);
    await zip.add('noise.txt', [randomBytes(300_000).toString('base64')]);
    await zip.add('empty.txt', []);
    await zip.finish();
    fs.closeSync(fd);
    const check = spawnSync(
      PYTHON,
      [
        '-c',
        'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(z.testzip(), len(z.infolist()))',
        file,
      ],
      { encoding: 'utf8' },
    );
    // testzip names the first entry whose CRC is wrong, or None.
    expect(check.stdout.trim()).toBe('None 3');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
