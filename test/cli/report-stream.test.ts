// Reports written as streams: JSON and SARIF byte for byte what one JSON.stringify gave, JSON Lines one object a
// line, standard output the same bytes as the file, and a stream that fails midway leaves the old report whole.
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { GATHER_BYTES, gatherBytes } from '../../cli/io/chunk-bytes';
import { toCsv } from '../../cli/io/csv';
import { writeChunksSafely } from '../../cli/io/safe-write';
import { csvReport } from '../../cli/report/csv';
import { prettyJson, Streamed } from '../../cli/report/json-stream';
import { isoDateOrTime, validate, type Cell } from '../../core';
import { cli, CSV_REPORT_HEADER, NOW, SHEETS, tempDir, writeCsvRulebook } from './helpers/rulebook';

let dir: string;
let book: string;
beforeAll(() => {
  dir = tempDir('rulesheet-stream-');
  book = writeCsvRulebook(path.join(dir, 'book'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function reportFile(format: string): Promise<string> {
  const file = path.join(dir, `report-${format}.out`);
  const r = await cli('validate', book, '--no-write', '--now', NOW, '--format', format, '--report', file);
  expect(r.code).toBe(0);
  return fs.readFileSync(file, 'utf8');
}

const MANY = Array.from({ length: 3000 }, (_, i) => ({ i, text: 'x'.repeat(i % 50), list: [i, 'y'] }));

describe('prettyJson', () => {
  // [what, value]: each must come out exactly as JSON.stringify(value, null, 2) with its Streamed arrays as arrays.
  const CASES: [string, unknown, unknown][] = [
    ['an empty streamed array', { a: new Streamed([]) }, { a: [] }],
    [
      'objects in a streamed array',
      { r: new Streamed([{ x: 1, y: 'a\nb' }, { z: [] }]) },
      { r: [{ x: 1, y: 'a\nb' }, { z: [] }] },
    ],
    [
      'undefined keys dropped, undefined items null',
      { a: undefined, s: new Streamed([undefined, 2]) },
      { s: [null, 2] },
    ],
    [
      'a stream inside an array inside an object',
      { runs: [{ results: new Streamed([1, { d: new Date(0) }]) }] },
      { runs: [{ results: [1, { d: new Date(0) }] }] },
    ],
    ['an object that empties', { only: undefined, s: new Streamed([]) }, { s: [] }],
    ['no stream at all', { a: [1, { b: 'c' }], e: {} }, { a: [1, { b: 'c' }], e: {} }],
    [
      'a stream whose item holds a stream',
      { s: new Streamed([1, { t: new Streamed([2, { u: 3 }]) }, 4]) },
      { s: [1, { t: [2, { u: 3 }] }, 4] },
    ],
    ['thousands of items, many batches', { s: new Streamed(MANY.map((item) => item)) }, { s: MANY }],
  ];
  it.each(CASES)('%s', (_what, value, plain) => {
    expect([...prettyJson(value)].join('')).toBe(JSON.stringify(plain, null, 2));
  });

  // Values the plain writer takes and values it must leave to JSON.stringify, mixed at any depth.
  class Box {
    constructor(readonly v: number) {}
  }
  const anyValue = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string({ unit: 'binary' }),
      fc.constantFrom('', '\n', '"', '\\', '\u2028', '\ud800', '<script>', '=1+1'),
      fc.double(),
      fc.constantFrom(0, -0, 1e21, NaN, Infinity, -Infinity, 5e-324),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constant(() => 1),
      fc.date({ noInvalidDate: true }),
      fc.integer().map((v) => new Box(v)),
      fc.constant({ toJSON: () => 'custom' }),
      fc.constant({ toJSON: 'not a function' }),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('0', '10', '2', '__proto__x')), tie('value'), {
        maxKeys: 4,
      }),
    ),
  })).value;

  it('writes any value in a streamed array as JSON.stringify does, plain or not, searched or flat, at any depth', () => {
    fc.assert(
      fc.property(
        fc.array(anyValue, { maxLength: 40 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        (items, flat, depth) => {
          let value: unknown = new Streamed(items, flat);
          let plain: unknown = items.map((v) => (v === undefined ? null : v));
          for (let i = 0; i < depth; i++) {
            value = i % 2 ? [value] : { s: value };
            plain = i % 2 ? [plain] : { s: plain };
          }
          expect([...prettyJson(value)].join('')).toBe(JSON.stringify(plain, null, 2));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('writes a batch too long for one string item by item, and the same text', () => {
    // V8 refuses a string near 512 MB with this RangeError; an item whose toJSON throws it inside a batch (where
    // its key is its index) but not alone (key '') stands in for a batch that long.
    const tooLongTogether = { toJSON: (key: string) => (key === '' ? 'alone' : ''.padEnd(2 ** 30)) };
    const items = [1, { a: [2] }, tooLongTogether, 'x'];
    expect(() => JSON.stringify(items)).toThrow(RangeError);
    const written = [...prettyJson({ s: new Streamed(items, true) })].join('');
    expect(written).toBe(JSON.stringify({ s: [1, { a: [2] }, 'alone', 'x'] }, null, 2));
  });

  it('writes a deep plain value whole, and a cycle is an error, not output', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = i % 2 ? [deep] : { k: deep };
    expect([...prettyJson({ s: new Streamed([deep]) })].join('')).toBe(
      JSON.stringify({ s: [deep] }, null, 2),
    );
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => [...prettyJson({ s: new Streamed([cyclic]) })]).toThrow();
  });

  it('gives chunks of bounded size however many items there are', () => {
    const lengths = [...prettyJson({ s: new Streamed(MANY.concat(MANY, MANY)) })].map((c) => c.length);
    expect(lengths.length).toBeGreaterThan(10);
    // Items are gathered: far fewer chunks than items.
    expect(lengths.length).toBeLessThan(MANY.length / 10);
    // About 16,000 characters a chunk, for items of about the same size.
    expect(Math.max(...lengths)).toBeLessThan(24_000);
  });

  it('shrinks its batches when small items are followed by large ones, and grows them again', () => {
    const small = Array.from({ length: 5000 }, (_, i) => i);
    const large = Array.from({ length: 400 }, (_, i) => 'y'.repeat(20_000 + i));
    const items = [...small, ...large, ...small];
    const lengths = [...prettyJson({ s: new Streamed(items, true) })].map((c) => c.length);
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(JSON.stringify({ s: items }, null, 2).length);
    // The batch that meets the first large items has at most 1,024 items; after it, a large item a chunk.
    expect(Math.max(...lengths)).toBeLessThan(1024 * 20_500);
    expect(lengths.filter((n) => n >= 20_000 && n < 21_000).length).toBeGreaterThan(250);
    // Small items after them are gathered again: far fewer chunks than items.
    expect(lengths.length).toBeLessThan(400 + 200);
  });

  it('makes items only as they are written', () => {
    let made = 0;
    function* items() {
      for (let i = 0; i < 3; i++) {
        made++;
        yield { i };
      }
    }
    const chunks = prettyJson({ s: new Streamed(items()) });
    chunks.next();
    expect(made).toBe(0);
    for (const _ of chunks) void _;
    expect(made).toBe(3);
  });
});

describe('streamed reports', () => {
  it.each(['json', 'sarif'])('%s is exactly one JSON.stringify(…, null, 2) of itself', async (format) => {
    const text = await reportFile(format);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it.each(['json', 'jsonl', 'sarif', 'junit', 'csv', 'html'])(
    '%s on standard output is the file, byte for byte',
    async (format) => {
      const file = await reportFile(format);
      const r = await cli('validate', book, '--no-write', '--now', NOW, '--format', format);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(file);
    },
  );

  it('jsonl: a summary line, then problems, then one line a result, the same results as json', async () => {
    const lines = (await reportFile('jsonl')).split('\n');
    expect(lines.pop()).toBe('');
    const objects = lines.map((l) => JSON.parse(l));
    const json = JSON.parse(await reportFile('json'));
    expect(objects[0]).toMatchObject({
      type: 'summary',
      tool: 'rulesheet',
      runAt: json.runAt,
      ...json.summary,
    });
    expect(objects[0].results).toBe(json.results.length);
    const results = objects.filter((o) => o.type === 'result').map(({ type: _type, ...rest }) => rest);
    expect(results).toEqual(json.results);
    // Each result line, as text, is the one JSON.stringify gives the row with its type first.
    expect(lines.filter((l) => l.startsWith('{"type":"result"'))).toEqual(
      json.results.map((r: object) => JSON.stringify({ type: 'result', ...r })),
    );
    const problems = objects.filter((o) => o.type === 'problem').map(({ type: _type, ...rest }) => rest);
    expect(problems).toEqual(json.problems);
    expect(objects.map((o) => o.type)).toEqual([
      'summary',
      ...problems.map(() => 'problem'),
      ...results.map(() => 'result'),
    ]);
  });
});

describe('the CSV report in chunks', () => {
  // Enough awkward resources for many chunks: commas, quotes, line breaks, formula-like and wide text.
  const NAMES = ['plain', 'with, comma', 'say "hi"', 'two\nlines', '=1+2', '@SUM(1)', '-3', 'é😀€'];
  const resources: Cell[][] = [SHEETS.Resources[0]];
  for (let i = 0; i < 3000; i++) {
    const name = `${NAMES[i % NAMES.length]} ${i}`;
    resources.push([name, 'aws_s3_bucket', name, 'alice', 'Finance', i % 3 ? 'TRUE' : 'FALSE', name, null]);
  }
  const output = validate(
    Object.entries({ ...SHEETS, Resources: resources }).map(([name, rows]) => ({ name, rows })),
    { now: new Date(NOW) },
  );
  const chunks = [...csvReport(output, { rulebookPath: 'book', fileOf: (s) => `${s}.csv`, version: '0' })];

  it('is, byte for byte, one toCsv of every row: batching changes nothing', () => {
    const date = (d: Date | undefined) => (d ? isoDateOrTime(d) : '');
    const rows = output.results
      .toArray()
      .map((r) => [
        r.rule.id,
        r.rule.title,
        r.resource?.id ?? '',
        r.resource?.type ?? '',
        r.status,
        r.rule.severity,
        r.fixOwner ?? '',
        r.resource?.businessUnit ?? '',
        r.field ?? '',
        r.expected ?? '',
        r.actual ?? '',
        r.message ?? '',
        r.rule.remediation,
        date(r.firstSeen),
        date(r.due),
        r.overdue ? 'TRUE' : 'FALSE',
      ]);
    expect(rows).toHaveLength(6000);
    expect(chunks.join('')).toBe(toCsv([CSV_REPORT_HEADER, ...rows]));
  });

  it('comes in many small chunks, each ending a row: none grows with the run', () => {
    expect(chunks.length).toBeGreaterThan(20);
    for (const chunk of chunks) {
      expect(chunk.endsWith('\n')).toBe(true);
      // Below V8's large-object size (128 KB), so a chunk dies young.
      expect(chunk.length).toBeLessThan(32_000);
    }
  });
});

describe('gatherBytes', () => {
  it('hands on whole chunks as UTF-8, a megabyte at most unless one chunk is larger', () => {
    const big = 'x'.repeat(GATHER_BYTES);
    const chunks = [...Array.from({ length: 5000 }, (_, i) => `${i}é😀€\n`), big, 'tail'];
    const flushed: Buffer[] = [];
    gatherBytes(chunks, (bytes) => flushed.push(Buffer.from(bytes)));
    expect(Buffer.concat(flushed).toString('utf8')).toBe(chunks.join(''));
    expect(flushed.map((b) => b.length <= GATHER_BYTES || b.toString() === big)).not.toContain(false);
    expect(flushed.length).toBeLessThan(10);
  });

  it('hands on nothing for no text', () => {
    const flushed: Buffer[] = [];
    gatherBytes(['', ''], (bytes) => flushed.push(bytes));
    expect(flushed).toEqual([]);
  });
});

describe('writeChunksSafely', () => {
  it('writes every chunk, past the batch size, and leaves no temp file', () => {
    const file = path.join(dir, 'chunks', 'big.txt');
    const line = `${'é'.repeat(999)}\n`;
    writeChunksSafely(
      file,
      (function* () {
        for (let i = 0; i < 3000; i++) yield line;
      })(),
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(line.repeat(3000));
    expect(fs.readdirSync(path.dirname(file))).toEqual(['big.txt']);
  });

  it('writes chunks of every size and width whole: one-, two-, three- and four-byte characters, and chunks larger than a batch', () => {
    const file = path.join(dir, 'chunks', 'mixed.txt');
    const chunks = [
      'a',
      '',
      `${'é'.repeat(300_000)}\n`,
      '€😀'.repeat(200_000),
      'z',
      `${'x'.repeat(2_500_000)}\n`,
      ...Array.from({ length: 2000 }, (_, i) => `${i}:${'😀'.repeat(i % 700)}€\n`),
    ];
    writeChunksSafely(file, chunks);
    expect(fs.readFileSync(file, 'utf8')).toBe(chunks.join(''));
  });

  it('a stream that fails midway leaves the old file whole and no temp file', () => {
    const file = path.join(dir, 'fails', 'report.json');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, 'the old report');
    function* failing() {
      for (let i = 0; i < 5000; i++) yield 'x'.repeat(1000);
      throw new Error('disk full');
    }
    expect(() => writeChunksSafely(file, failing())).toThrow('disk full');
    expect(fs.readFileSync(file, 'utf8')).toBe('the old report');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['report.json']);
  });
});
