// A worksheet's values read with the SAX reader: every column, or only the columns wanted below the header.
import type { Cell } from '../../core';
import { sheetValues, type ValueContext } from '../../cli/io/xlsx-values';

const ctx: ValueContext = {
  sharedStrings: ['Rule ID', 'Message', 'S3-001', 'long words'],
  dateStyles: new Set(),
  date1904: false,
};

const sheet = (rows: string, tail = '') =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${tail}</worksheet>`;

const HEADER =
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Status</t></is></c><c r="D1"><v>4</v></c></row>';
const BODY =
  '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><r><t>rich</t></r><t> text</t></is></c><c r="C2" t="str"><f>X()</f><v>FAIL</v></c><c r="D2"><v>7</v></c></row>' +
  '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="s"><v>3</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" s="0"/></row>';

async function read(
  xml: string,
  columnsOf?: (header: Cell[]) => readonly number[] | undefined,
): Promise<Cell[][]> {
  async function* chunks() {
    // Small chunks, so tags and texts are split across them.
    for (let i = 0; i < xml.length; i += 7) yield Buffer.from(xml.slice(i, i + 7));
  }
  return sheetValues(chunks(), ctx, 'xl/worksheets/sheet1.xml', columnsOf);
}

describe('sheetValues', () => {
  it('reads every column when no columns are asked for', async () => {
    expect(await read(sheet(HEADER + BODY))).toEqual([
      ['Rule ID', 'Message', 'Status', 4],
      ['S3-001', 'rich text', 'FAIL', 7],
      ['S3-001', 'long words', true, null],
    ]);
  });

  it('reads the header whole and, below it, only the columns wanted: the others are parsed past and left blank', async () => {
    const seen: Cell[][] = [];
    const rows = await read(sheet(HEADER + BODY), (header) => {
      seen.push(header);
      return [0, 2];
    });
    expect(seen).toEqual([['Rule ID', 'Message', 'Status', 4]]);
    expect(rows).toEqual([
      ['Rule ID', 'Message', 'Status', 4],
      ['S3-001', null, 'FAIL'],
      ['S3-001', null, true],
    ]);
  });

  it.each([
    [
      'no header row first: every column',
      sheet(BODY),
      [
        ['S3-001', 'rich text', 'FAIL', 7],
        ['S3-001', 'long words', true, null],
      ],
    ],
    ['the header asks for none: nothing below it', sheet(HEADER + BODY), 'none'],
  ])('%s', async (_what, xml, expected) => {
    const rows = await read(xml as string, () => []);
    if (expected === 'none') expect(rows.slice(1)).toEqual([[], []]);
    else expect(rows.slice(1)).toEqual(expected);
  });

  it('still blanks merged cells, and reads a header the function declines to project as every column', async () => {
    const merged = sheet(HEADER + BODY, '<mergeCells count="1"><mergeCell ref="A2:C2"/></mergeCells>');
    expect((await read(merged, () => [0, 2]))[1]).toEqual(['S3-001', null, null]);
    expect((await read(merged, () => undefined))[2]).toEqual(['S3-001', 'long words', true, null]);
  });

  it('refuses ill-formed XML in a skipped column as in a read one', async () => {
    const broken = sheet(HEADER + '<row r="2"><c r="B2"><v>1</c></row>');
    await expect(read(broken, () => [0])).rejects.toThrow(/sheet1\.xml/);
  });
});
