// Unreadable input: one line naming the file (and line where known), exit 2, never a stack trace.
import * as fs from 'fs';
import * as path from 'path';
import * as unzipper from 'unzipper';
import { SHEETS, NOW, cli, tempDir, writeCsvRulebook, writeXlsxRulebook } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function expectOneLine(stderr: string, name: string): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(name);
  expect(stderr).not.toMatch(/\n\s+at /);
}

test.each(['validate', 'lint'])('%s: a missing path', async (command) => {
  const missing = path.join(dir, 'nope.xlsx');
  const r = await cli(command, missing, '--now', NOW);
  expect(r.code).toBe(2);
  expectOneLine(r.stderr, missing);
  expect(r.stderr).toMatch(/no such file or folder/);
});

test('a text file named .xlsx', async () => {
  const file = path.join(dir, 'book.xlsx');
  fs.writeFileSync(file, 'Rule ID,Title\nS3-001,x\n');
  const r = await cli('validate', file, '--now', NOW);
  expect(r.code).toBe(2);
  expectOneLine(r.stderr, file);
  expect(r.stderr).toMatch(/cannot read the workbook/);
});

test('zip garbage named .xlsx', async () => {
  const file = path.join(dir, 'broken.xlsx');
  const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
  fs.writeFileSync(file, Buffer.concat([zipHeader, Buffer.alloc(200, 7)]));
  const r = await cli('validate', file, '--now', NOW);
  expect(r.code).toBe(2);
  expectOneLine(r.stderr, file);
});

test('a file that is neither .xlsx nor a folder', async () => {
  const file = path.join(dir, 'rules.txt');
  fs.writeFileSync(file, 'hello');
  const r = await cli('validate', file);
  expect(r.code).toBe(2);
  expectOneLine(r.stderr, file);
});

test('a CSV with broken quoting names the file and the line', async () => {
  const book = writeCsvRulebook(path.join(dir, 'book'));
  fs.writeFileSync(
    path.join(book, 'Resources.csv'),
    'Resource ID,Type\nlogs,aws_s3_bucket\n"unclosed,aws_s3_bucket\n',
  );
  const r = await cli('validate', book, '--now', NOW);
  expect(r.code).toBe(2);
  expectOneLine(r.stderr, path.join(book, 'Resources.csv'));
  expect(r.stderr).toMatch(/line \d+/);
  expect(fs.existsSync(path.join(book, 'Results.csv'))).toBe(false);
});

test('an empty folder', async () => {
  const empty = path.join(dir, 'empty');
  fs.mkdirSync(empty);
  const r = await cli('validate', empty);
  expect(r.code).toBe(2);
  expectOneLine(r.stderr, empty);
});

test('an output path that cannot be written', async () => {
  const book = writeCsvRulebook(path.join(dir, 'book'), SHEETS);
  const blocker = path.join(dir, 'file');
  fs.writeFileSync(blocker, 'x');
  const r = await cli('validate', book, '--now', NOW, '--out', path.join(blocker, 'out.xlsx'));
  expect(r.code).toBe(2);
  expectOneLine(r.stderr, 'out.xlsx');
});

test('a CSV cell longer than a spreadsheet cell holds names the file and the cell', async () => {
  const book = writeCsvRulebook(path.join(dir, 'book'));
  fs.writeFileSync(
    path.join(book, 'Resources.csv'),
    `Resource ID,Type,Notes\nlogs,aws_s3_bucket,${'x'.repeat(40_000)}\n`,
  );
  const r = await cli('validate', book, '--now', NOW);
  expect(r.code).toBe(2);
  expectOneLine(r.stderr, path.join(book, 'Resources.csv'));
  expect(r.stderr).toMatch(/cell C2: 40,000 characters, more than a cell holds \(32,767\)/);
  expect(fs.existsSync(path.join(book, 'Results.csv'))).toBe(false);
});

test.each([
  [
    'its checksum',
    (part: Buffer, at: number) => part.writeUInt32LE((part.readUInt32LE(at + 14) ^ 1) >>> 0, at + 14),
  ],
  ['its deflated bytes', (part: Buffer, at: number) => part.fill(0x55, at + 80, at + 88)],
])(
  'a workbook whose Resources part is damaged in %s: one line, exit 2, the file as it was',
  async (what, damage) => {
    const file = await writeXlsxRulebook(path.join(dir, 'book.xlsx'), SHEETS);
    const bytes = fs.readFileSync(file);
    const entry = (await unzipper.Open.buffer(bytes)).files.find(
      (f) => f.path === 'xl/worksheets/sheet2.xml',
    );
    const at = (entry as unknown as { offsetToLocalFileHeader: number }).offsetToLocalFileHeader;
    // The local header's checksum (offset 14) and the central directory's are both read: damage both alike.
    damage(bytes, at);
    if (what === 'its checksum') {
      const central = bytes.lastIndexOf(Buffer.from('xl/worksheets/sheet2.xml')) - 46;
      bytes.writeUInt32LE(bytes.readUInt32LE(at + 14), central + 16);
    }
    fs.writeFileSync(file, bytes);
    const r = await cli('validate', file, '--now', NOW);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, file);
    expect(r.stderr).toMatch(/the sheet 'Resources' cannot be read/);
    if (what === 'its checksum')
      expect(r.stderr).toMatch(/does not match its length or checksum in the zip: the file is damaged/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  },
);
