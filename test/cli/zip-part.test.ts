// A part inflated by zlib from the file's own bytes is byte for byte what unzipper gives, or is left to unzipper.
import JSZip from 'jszip';
import * as unzipper from 'unzipper';
import { inflatedPart, type ZipEntry } from '../../cli/io/zip-part';

/** A sheet's worth of XML with text that is not ASCII, over several megabytes (zlib hands on one at a time). */
const XML = Buffer.from(
  '<sheetData>' +
    Array.from(
      { length: 40_000 },
      (_, i) => `<row r="${i + 1}"><c t="inlineStr"><is><t>ü ${i} 🚀</t></is></c></row>`,
    ).join('') +
    '</sheetData>',
);

async function zipOf(compression: 'DEFLATE' | 'STORE'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('xl/styles.xml', '<styleSheet/>');
  zip.file('xl/worksheets/sheet1.xml', XML, { compression });
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

async function entryOf(bytes: Buffer): Promise<unzipper.CentralDirectory['files'][number]> {
  const dir = await unzipper.Open.buffer(bytes);
  return dir.files.find(
    (f) => f.path === 'xl/worksheets/sheet1.xml',
  ) as unzipper.CentralDirectory['files'][number];
}

async function all(chunks: AsyncIterable<Buffer>): Promise<{ bytes: Buffer; count: number }> {
  const list: Buffer[] = [];
  for await (const c of chunks) list.push(c);
  return { bytes: Buffer.concat(list), count: list.length };
}

describe('inflatedPart', () => {
  it.each(['DEFLATE', 'STORE'] as const)(
    'reads a %s part as unzipper does, a megabyte at a time',
    async (how) => {
      const bytes = await zipOf(how);
      const entry = await entryOf(bytes);
      const got = await all(inflatedPart(bytes, entry as ZipEntry) as AsyncIterable<Buffer>);
      expect(got.bytes.equals(await entry.buffer())).toBe(true);
      expect(got.bytes.equals(XML)).toBe(true);
      expect(got.count).toBe(Math.ceil(XML.length / (1 << 20)));
    },
  );

  it.each([
    ['encrypted', { flags: 1 }],
    ['another compression method', { compressionMethod: 12 }],
    ['a local header elsewhere', { offsetToLocalFileHeader: 3 }],
    ['an offset past the end', { offsetToLocalFileHeader: 1e12 }],
    ['a size past the end', { compressedSize: 1e12 }],
    ['no offset', { offsetToLocalFileHeader: undefined }],
    ['a negative size', { compressedSize: -1 }],
    ['no length', { uncompressedSize: undefined }],
    ['no checksum', { crc32: undefined }],
  ])('leaves the part to unzipper when the directory says %s', async (_what, change) => {
    const bytes = await zipOf('DEFLATE');
    const entry = { ...(await entryOf(bytes)), ...change };
    expect(inflatedPart(bytes, entry as ZipEntry)).toBeUndefined();
  });

  it('refuses a part whose deflated bytes are damaged, which unzipper reads as other text', async () => {
    const bytes = await zipOf('DEFLATE');
    const entry = await entryOf(bytes);
    const e = entry as unknown as { offsetToLocalFileHeader: number; compressedSize: number };
    const from = e.offsetToLocalFileHeader + 30 + bytes.readUInt16LE(e.offsetToLocalFileHeader + 26);
    // Garbage in the middle of the deflated stream.
    bytes.fill(0xff, from + (e.compressedSize >> 1), from + (e.compressedSize >> 1) + 64);
    await expect(all(inflatedPart(bytes, entry as ZipEntry) as AsyncIterable<Buffer>)).rejects.toThrow(
      'the part does not match its length or checksum in the zip: the file is damaged',
    );
    expect((await entry.buffer()).equals(XML)).toBe(false);
  });

  it.each([
    ['a checksum', { crc32: 12345 }],
    ['a shorter length', { uncompressedSize: XML.length - 1 }],
    ['a longer length', { uncompressedSize: XML.length + 1 }],
  ])('refuses a stored part that does not match %s the directory records', async (_what, change) => {
    const bytes = await zipOf('STORE');
    const entry = { ...(await entryOf(bytes)), ...change };
    await expect(all(inflatedPart(bytes, entry as ZipEntry) as AsyncIterable<Buffer>)).rejects.toThrow(
      'damaged',
    );
  });
});
