// The CSV reader and writer: cells in as text or null, formula-like text out as inert text, and back.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fromCsvCell, parseCsv, readCsvFolder, toCsv } from '../../cli/io/csv';

describe('parseCsv', () => {
  it('reads cells as text and empty cells as null', () => {
    const { rows, error } = parseCsv('Rule ID,Title,Expected\nS3-001,,90\n', 'Rules.csv');
    expect(error).toBeUndefined();
    expect(rows).toEqual([
      ['Rule ID', 'Title', 'Expected'],
      ['S3-001', null, '90'],
    ]);
  });

  it('strips a UTF-8 byte order mark so the first header is clean', () => {
    const { rows } = parseCsv('\uFEFFRule ID,Title\nA,B\n', 'Rules.csv');
    expect(rows[0][0]).toBe('Rule ID');
  });

  it('accepts rows of different lengths', () => {
    const { rows, error } = parseCsv('a,b,c\n1\n1,2,3,4\n', 'Ragged.csv');
    expect(error).toBeUndefined();
    expect(rows).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']]);
  });

  it('keeps quoted commas, doubled quotes and new lines inside a cell', () => {
    const { rows } = parseCsv('Expected\n"a, b\nc ""d"""\n', 'Rules.csv');
    expect(rows[1][0]).toBe('a, b\nc "d"');
  });

  it('reads CRLF line ends', () => {
    const { rows } = parseCsv('a,b\r\n1,2\r\n', 'x.csv');
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reports a broken quote with the file and line instead of throwing', () => {
    const result = parseCsv('a,b\n1,2\n3,"unterminated\n', 'Resources.csv');
    expect(result.rows).toEqual([]);
    expect(result.error).toMatch(/^Resources\.csv line \d+, cell B3: /);
    expect(result.error).toMatch(/line 3/);
  });

  it('reports a quote in the middle of an unquoted cell', () => {
    const result = parseCsv('a,b\n1,x"y"z\n', 'Rules.csv');
    expect(result.error).toMatch(/^Rules\.csv line 2, cell B2: /);
  });

  // Lines, rows and fields count from 1, the cell reads as the spreadsheet names it, and the file is named.
  it.each([
    [
      'a stray quote in the second cell of row 2',
      'Rule ID,Title\nS3-001,x"y"z\n',
      'Rules.csv line 2, cell B2: cannot read the CSV: a quote is inside a value that does not start with one: put the whole value in quotes and write each " inside it as ""',
    ],
    [
      'text after a closing quote in the first cell of row 3',
      'Rule ID,Title\nS3-001,ok\n"S3-002"x,y\n',
      'Rules.csv line 3, cell A3: cannot read the CSV: a quoted value goes on after its closing quote: put the whole value in quotes and write each " inside it as ""',
    ],
    [
      'a quote never closed in C3, after a value spanning two lines',
      'a,b,c\n"one\ntwo",2,3\n4,5,"open\n',
      'Rules.csv line 4, cell C3: cannot read the CSV: a quoted value is never closed: end it with " and write each " inside it as ""',
    ],
  ])('%s', (_name, text, error) => {
    const result = parseCsv(text, 'Rules.csv');
    expect(result.rows).toEqual([]);
    expect(result.error).toBe(error);
    expect(result.error).not.toMatch(/field 0/);
  });
});

describe('toCsv', () => {
  it('writes dates at midnight UTC as YYYY-MM-DD and other times as full ISO', () => {
    const text = toCsv([[new Date(Date.UTC(2026, 10, 28)), new Date(Date.UTC(2026, 10, 28, 12, 30))]]);
    expect(text).toBe('2026-11-28,2026-11-28T12:30:00.000Z\n');
  });

  it('writes booleans as TRUE/FALSE, numbers as written, null as an empty cell', () => {
    expect(toCsv([[true, false, 2.5, -3, null]])).toBe('TRUE,FALSE,2.5,-3,\n');
  });

  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['@SUM(1)', "'@SUM(1)"],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
  ])('neutralises formula-like text %j', (input, written) => {
    expect(toCsv([[input]])).toBe(`${written}\n`);
  });

  it('neutralises { text } cells the same way and leaves plain text alone', () => {
    expect(toCsv([[{ text: '=1+1' }, { text: 'plain' }, 'a=b', "'quoted"]])).toBe(
      "'=1+1,plain,a=b,'quoted\n",
    );
  });

  it('quotes cells holding commas, quotes and new lines', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines']])).toBe('"a,b","say ""hi""","two\nlines"\n');
    expect(toCsv([['one\rtwo', 'three\r\nfour', 'x\r']])).toBe('"one\rtwo","three\r\nfour","x\r"\n');
  });
});

describe('fromCsvCell', () => {
  it.each([
    '=HYPERLINK("http://evil","x")',
    '@SUM(1)',
    '+cmd',
    '-2+3',
    '\tx',
    '\rx',
    'a\r\nb',
    "'=already quoted",
    "''+x",
    'plain',
    "'plain",
    '',
  ])('reads back exactly what was written for %j', (original) => {
    const written = String(parseCsv(toCsv([[original]]), 'Results.csv').rows[0][0] ?? '');
    expect(fromCsvCell(written)).toBe(original);
  });

  it('leaves a quote that does not protect a formula', () => {
    expect(fromCsvCell("'hello")).toBe("'hello");
    expect(fromCsvCell("'=x")).toBe('=x');
  });
});

describe('readCsvFolder', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-csv-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads each CSV as a sheet named by its file, Rules first, then by name', () => {
    fs.writeFileSync(path.join(dir, 'Resources - S3.csv'), 'Resource ID,Type\nb1,aws_s3_bucket\n');
    fs.writeFileSync(path.join(dir, 'Exceptions.csv'), 'Rule ID\n');
    fs.writeFileSync(path.join(dir, 'Rules.csv'), 'Rule ID\nR1\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a sheet');
    const { grids, errors } = readCsvFolder(dir);
    expect(errors).toEqual([]);
    expect(grids.map((g) => g.name)).toEqual(['Rules', 'Exceptions', 'Resources - S3']);
    expect(grids[2].rows).toEqual([
      ['Resource ID', 'Type'],
      ['b1', 'aws_s3_bucket'],
    ]);
  });

  it('undoes the protective quote in engine-owned sheets only', () => {
    fs.writeFileSync(path.join(dir, 'Results.csv'), "Actual\n'=SUM(1)\n");
    fs.writeFileSync(path.join(dir, 'Run History.csv'), "Business Unit\n'-ops\n");
    fs.writeFileSync(path.join(dir, 'Resources.csv'), "Name\n'=SUM(1)\n");
    const { grids } = readCsvFolder(dir);
    const byName = new Map(grids.map((g) => [g.name, g.rows]));
    expect(byName.get('Results')?.[1][0]).toBe('=SUM(1)');
    expect(byName.get('Run History')?.[1][0]).toBe('-ops');
    expect(byName.get('Resources')?.[1][0]).toBe("'=SUM(1)");
  });

  it('collects a broken file as an error and still reads the others', () => {
    fs.writeFileSync(path.join(dir, 'Rules.csv'), 'Rule ID\nR1\n');
    fs.writeFileSync(path.join(dir, 'Owners.csv'), 'Owner\n"broken\n');
    const { grids, errors } = readCsvFolder(dir);
    expect(grids.map((g) => g.name)).toEqual(['Rules']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Owners\.csv line \d+/);
  });

  it('reports a folder that cannot be read', () => {
    const { grids, errors } = readCsvFolder(path.join(dir, 'nope'));
    expect(grids).toEqual([]);
    expect(errors[0]).toMatch(/cannot read the folder/);
  });
});
