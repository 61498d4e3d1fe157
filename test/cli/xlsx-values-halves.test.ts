// A large worksheet read in halves (a worker thread parses the first) gives exactly what one parser gives, or is read whole.
import fc from 'fast-check';
import type { Cell } from '../../core';
import { sheetValues, type ValueContext } from '../../cli/io/xlsx-values';
import { sheetValuesInHalves } from '../../cli/io/xlsx-values-halves';

const ctx: ValueContext = {
  sharedStrings: ['Resource ID', 'Owner', 'Public', 'Created', 'bucket-1', 'ünïcødé 🚀', '=cmd|x'],
  dateStyles: new Set([3]),
  date1904: false,
};

const OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F99"/><sheetData>';
const CLOSE = '</sheetData></worksheet>';

const header =
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="inlineStr"><is><t>Notes</t></is></c></row>';

/** Row r with every kind of value: shared, rich inline, formula text, boolean, date, error, empty, number. */
const body = (r: number) =>
  `<row r="${r}"><c r="A${r}" t="s"><v>${r % 7}</v></c><c r="B${r}" t="inlineStr"><is><r><t>own</t></r><t>er ${r} ü&amp;</t><rPh><t>x</t></rPh></is></c>` +
  `<c r="C${r}" t="b"><v>${r % 2}</v></c><c r="D${r}" s="3"><v>${45000 + r}.5</v></c><c r="E${r}" t="str"><f>A1</f><v>&amp;lt;v ${r}</v></c>` +
  `<c r="F${r}" t="e"><v>#N/A</v></c><c r="G${r}"/><c t="n"><v>${r * 1.25}</v></c></row>`;

const rows = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => body(from + i)).join('');

interface Read {
  values: Cell[][];
  how: string[];
  bytes: Buffer;
}

/** The XML read in chunks of `size` bytes, in halves (the declared size by default the real one) and whole. */
async function both(
  xml: string,
  options: {
    chunk?: number;
    declared?: number;
    columnsOf?: (header: Cell[]) => readonly number[];
    /** false: the caller does not keep the bytes (a sheet read for its values only). */
    kept?: boolean;
  } = {},
): Promise<{ halves: Read | Error; whole: Cell[][] | Error }> {
  const bytes = Buffer.from(xml);
  const chunk = options.chunk ?? 97;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const how: string[] = [];
  const into: Buffer[] = [];
  const halves = await sheetValuesInHalves(chunks(), ctx, 'xl/worksheets/sheet2.xml', options.columnsOf, {
    size: options.declared ?? bytes.length,
    reopen: chunks,
    into: options.kept === false ? undefined : into,
    fromBytes: 0,
    told: (h) => how.push(h),
  }).then(
    (values) => ({ values, how, bytes: options.kept === false ? bytes : Buffer.concat(into) }),
    (err: Error) => err,
  );
  const whole = await sheetValues(chunks(), ctx, 'xl/worksheets/sheet2.xml', options.columnsOf).catch(
    (err: Error) => err,
  );
  return { halves, whole };
}

function expectSame(
  got: { halves: Read | Error; whole: Cell[][] | Error },
  how: 'halves' | 'whole',
  xml: string,
) {
  if (got.whole instanceof Error) throw got.whole;
  expect(got.halves).not.toBeInstanceOf(Error);
  const halves = got.halves as Read;
  expect(halves.values).toEqual(got.whole);
  expect(halves.how).toEqual([how]);
  // Every byte reaches the caller, in order, whichever way the part was read.
  expect(halves.bytes.toString()).toBe(xml);
}

describe('sheetValuesInHalves: the same values as one parser', () => {
  it.each([
    ['every kind of value, cut near the middle', OPEN + header + rows(2, 80) + CLOSE, 'halves'],
    [
      'merges (one across the cut) come after the rows, in the worker-free half',
      OPEN +
        header +
        rows(2, 80) +
        '</sheetData><mergeCells count="2"><mergeCell ref="A30:B60"/><mergeCell ref="C2:C3"/></mergeCells></worksheet>',
      'halves',
    ],
    [
      'a row number met twice, once in each half: the later cells win, the earlier stay where not overwritten',
      OPEN +
        header +
        rows(2, 40) +
        '<row r="5"><c r="B5"><v>99</v></c></row>' +
        rows(41, 80) +
        '<row r="7"><c r="A7"><v>-1</v></c></row>' +
        CLOSE,
      'halves',
    ],
    [
      'tags with a namespace prefix',
      (OPEN + header + rows(2, 60) + CLOSE)
        .replace('<worksheet xmlns=', '<x:worksheet xmlns:x=')
        .replace('</worksheet>', '</x:worksheet>')
        .replace(/<(\/?)(sheetData|row|c|v|is|t|r|f|rPh)\b/g, '<$1x:$2'),
      'halves',
    ],
    [
      'rows without their own number after the first: whole',
      OPEN + header + rows(2, 60).replace(/<row r="\d+">/g, '<row>') + CLOSE,
      'whole',
    ],
    [
      'a comment before the cut: whole',
      OPEN + header + '<!-- <row r="40"> -->' + rows(2, 60) + CLOSE,
      'whole',
    ],
    [
      'a CDATA section in a cell before the cut: whole',
      OPEN +
        header +
        '<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[</row><row r="50">]]></t></is></c></row>' +
        rows(3, 60) +
        CLOSE,
      'whole',
    ],
    [
      'a processing instruction before the cut: whole',
      OPEN + header + '<?rulesheet <row r="9">?>' + rows(2, 60) + CLOSE,
      'whole',
    ],
    [
      'a DOCTYPE (which could declare entities): whole',
      OPEN.replace('<worksheet', '<!DOCTYPE worksheet><worksheet') + header + rows(2, 60) + CLOSE,
      'whole',
    ],
    [
      'a CDATA section after the cut, in the second half: halves',
      OPEN +
        header +
        rows(2, 60) +
        '<row r="61"><c r="A61" t="inlineStr"><is><t><![CDATA[<row r="1">]]></t></is></c></row>' +
        CLOSE,
      'halves',
    ],
    [
      'a sheet with no rows: whole',
      OPEN + '</sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>',
      'whole',
    ],
  ])('%s', async (_what, xml, how) => {
    expectSame(await both(xml), how as 'halves' | 'whole', xml);
    // Read for its values only (nothing kept), a part read again whole is read from a fresh stream.
    expectSame(await both(xml, { kept: false }), how as 'halves' | 'whole', xml);
  });

  it('applies the columns the header picks to the rows of both halves', async () => {
    const xml = OPEN + header + rows(2, 80) + CLOSE;
    const picked: Cell[][] = [];
    const got = await both(xml, {
      columnsOf: (h) => {
        picked.push(h);
        return [0, 3];
      },
    });
    expectSame(got, 'halves', xml);
    expect((got.halves as Read).values[10]).toEqual(['bucket-1', null, null, expect.any(Date)]);
  });

  it('cuts where the declared size says, right or wrong, and the values never change', async () => {
    const xml = OPEN + header + rows(2, 80) + CLOSE;
    const length = Buffer.byteLength(xml);
    for (const declared of [1, 300, Math.floor(length * 0.9), length])
      expectSame(await both(xml, { declared }), 'halves', xml);
    // A middle past the end: no cut is ever found.
    expectSame(await both(xml, { declared: length * 3 }), 'whole', xml);
  });

  it.each([
    [
      'in the first half',
      OPEN + header + rows(2, 10) + '<row r="11"><c r="A11"><v>1</c></row>' + rows(12, 80) + CLOSE,
    ],
    [
      'in the second half',
      OPEN + header + rows(2, 70) + '<row r="71"><c r="A71"><v>1</c></row>' + rows(72, 80) + CLOSE,
    ],
    ['at the end', OPEN + header + rows(2, 80) + '</sheetData>'],
    [
      'an unknown entity',
      OPEN + header + rows(2, 70) + '<row r="71"><c r="A71" t="str"><v>&bogus;</v></c></row>' + CLOSE,
    ],
  ])('ill-formed XML %s fails with the error one parser gives', async (_where, xml) => {
    const got = await both(xml);
    expect(got.whole).toBeInstanceOf(Error);
    expect(got.halves).toBeInstanceOf(Error);
    expect((got.halves as Error).message).toBe((got.whole as Error).message);
  });

  it('passes on an error reading the part (a bad zip) as it is', async () => {
    const xml = Buffer.from(OPEN + header + rows(2, 80) + CLOSE);
    async function* failing() {
      yield xml.subarray(0, xml.length - 100);
      throw new Error('invalid distance too far back');
    }
    const how: string[] = [];
    await expect(
      sheetValuesInHalves(failing(), ctx, 'xl/worksheets/sheet2.xml', undefined, {
        size: xml.length,
        reopen: failing,
        fromBytes: 0,
        told: (h) => how.push(h),
      }),
    ).rejects.toThrow('invalid distance too far back');
    // Neither read in halves nor again whole: the error is the zip's, not the XML's.
    expect(how).toEqual([]);
  });

  it('reads a part below the threshold whole, on this thread', async () => {
    const xml = OPEN + header + rows(2, 20) + CLOSE;
    const how: string[] = [];
    async function* one() {
      yield Buffer.from(xml);
    }
    await sheetValuesInHalves(one(), ctx, 'p', undefined, { size: xml.length, told: (h) => how.push(h) });
    expect(how).toEqual(['whole']);
  });

  it('property: any rows, any chunking, any declared size give the values one parser gives', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('<row r="3">', ']]>', '&', '"', 'ü', '🚀', '\t', ' lead', '=SUM(1)'),
    );
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const cell = fc.oneof(
      fc.nat({ max: 9 }).map((i) => `t="s"><v>${i}</v>`),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => `><v>${n}</v>`),
      text.map((s) => `t="inlineStr"><is><t xml:space="preserve">${escape(s)}</t></is>`),
      text.map((s) => `t="str"><f>X()</f><v>${escape(s)}</v>`),
      fc.boolean().map((b) => `t="b"><v>${b ? 1 : 0}</v>`),
      fc.integer({ min: 1, max: 80000 }).map((n) => `s="3"><v>${n}</v>`),
      fc.constant('/'),
    );
    const row = fc.record({ r: fc.integer({ min: 1, max: 40 }), cells: fc.array(cell, { maxLength: 6 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        async (list, chunk, at) => {
          const xml =
            OPEN +
            list
              .map(
                ({ r, cells }) =>
                  `<row r="${r}">` +
                  cells
                    .map(
                      (c, i) => `<c r="${String.fromCharCode(65 + i)}${r}" ${c === '/' ? '/>' : `${c}</c>`}`,
                    )
                    .join('') +
                  '</row>',
              )
              .join('') +
            CLOSE;
          const got = await both(xml, {
            chunk,
            declared: Math.max(1, Math.floor(Buffer.byteLength(xml) * at)),
          });
          if (got.whole instanceof Error) throw got.whole;
          expect((got.halves as Read).values).toEqual(got.whole);
          expect((got.halves as Read).bytes.toString()).toBe(xml);
        },
      ),
      // Each run starts a worker: a failure is reported as found, not shrunk through hundreds more.
      { numRuns: 25, endOnFailure: true },
    );
  }, 120_000);
});
