// CSV made a batch of rows at a time (the CSV report and a CSV folder's engine sheets): the same bytes as one go, never one string.
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import type { SheetPatch, WriteCell } from '../../core';
import { BATCH_CHARS, csvChunks } from '../../cli/io/csv-chunks';
import { saveCsvFolder } from '../../cli/io/csv-folder';
import { toCsv, toDataCsv } from '../../cli/io/csv';
import * as safeWrite from '../../cli/io/safe-write';
import { tempDir } from './helpers/rulebook';

/** Cells a sheet can hold, hostile text included: quotes, separators, line ends, formula-like text, emoji. */
const cell: fc.Arbitrary<WriteCell> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: true }),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('=SUM(A1)', '+1', '-2', '@x', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', ' padded ', ''),
  fc.string({ maxLength: 12 }).map((text) => ({ text })),
);
const rows = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 400 });

describe('csvChunks', () => {
  it('gives, joined, exactly the text one stringify of every row gives, for engine and data sheets alike', () => {
    fc.assert(
      fc.property(rows, (sheet) => {
        expect([...csvChunks(sheet, toCsv)].join('')).toBe(toCsv(sheet));
        expect([...csvChunks(sheet, toDataCsv)].join('')).toBe(toDataCsv(sheet));
      }),
      { numRuns: 300 },
    );
  });

  it('cuts only between rows, each chunk about BATCH_CHARS: none grows with the sheet', () => {
    const row = (i: number): WriteCell[] => [`R-${i}`, 'FAIL', 'x'.repeat(90), 'line one\nline two', i];
    const sheet = Array.from({ length: 20_000 }, (_, i) => row(i));
    const chunks = [...csvChunks(sheet, toCsv)];
    expect(chunks.length).toBeGreaterThan(100);
    const longestRow = Math.max(...sheet.slice(0, 100).map((r) => toCsv([r]).length));
    for (const chunk of chunks) {
      expect(chunk.endsWith('\n')).toBe(true);
      // The budget counts cells' text; separators and quotes add a little.
      expect(chunk.length).toBeLessThan(1.25 * BATCH_CHARS + longestRow);
    }
    expect(chunks.join('')).toBe(toCsv(sheet));
  });

  it('makes nothing for no rows, and reads the rows only as the chunks are asked for', () => {
    expect([...csvChunks([], toCsv)]).toEqual([]);
    let made = 0;
    function* lazily(): Generator<WriteCell[]> {
      for (let i = 0; i < 10_000; i++) {
        made++;
        yield [`row ${i}`, 'y'.repeat(100)];
      }
    }
    const chunks = csvChunks(lazily(), toCsv);
    chunks.next();
    expect(made).toBeLessThan(200);
  });
});

describe('a CSV folder’s engine sheets', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('rulesheet-csv-chunks-');
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const results = (n: number, poison?: number): SheetPatch => ({
    kind: 'sheet',
    sheet: 'Results',
    generated: true,
    format: {},
    rows: [
      ['Rule ID', 'Resource ID', 'Status', 'Message'],
      ...Array.from({ length: n }, (_, i): WriteCell[] => [
        `R-${i % 7}`,
        `=cmd|' /C calc'!A${i}`,
        'FAIL',
        i === poison
          ? ({
              get text(): string {
                throw new Error('the row could not be made');
              },
            } as { text: string })
          : `message ${i}, "quoted"`,
      ]),
    ],
  });

  it('are written a batch of rows at a time, the file the same bytes as one toCsv', () => {
    // The chunks each file's text really went to disk in, by file name.
    const sizes = new Map<string, number[]>();
    const write = safeWrite.writeChunksSafely;
    jest.spyOn(safeWrite, 'writeChunksSafely').mockImplementation((file, chunks, options) => {
      const seen: number[] = [];
      sizes.set(path.basename(file), seen);
      function* counted(): Generator<string> {
        for (const chunk of chunks) {
          seen.push(chunk.length);
          yield chunk;
        }
      }
      write(file, counted(), options);
    });
    const patch = results(30_000);
    saveCsvFolder(dir, [], [patch], dir);
    const written = fs.readFileSync(path.join(dir, 'Results.csv'), 'utf8');
    expect(written).toBe(toCsv(patch.rows));
    // Formula-like text is neutralised as before.
    expect(written.split('\n')[1]).toBe(`R-0,'=cmd|' /C calc'!A0,FAIL,"message 0, ""quoted"""`);
    // The text went to the file in many chunks, never as one string the size of the sheet.
    const chunks = sizes.get('Results.csv') ?? [];
    expect(chunks.length).toBeGreaterThan(50);
    expect(Math.max(...chunks)).toBeLessThan(BATCH_CHARS * 2);
  });

  it('a row that fails midway leaves the old file whole and no temp file behind', () => {
    saveCsvFolder(dir, [], [results(10)], dir);
    const before = fs.readFileSync(path.join(dir, 'Results.csv'));
    expect(() => saveCsvFolder(dir, [], [results(30_000, 20_000)], dir)).toThrow('the row could not be made');
    expect(fs.readFileSync(path.join(dir, 'Results.csv'))).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual(['Results.csv']);
  });
});
