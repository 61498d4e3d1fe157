// Excel tables (Format as Table) and links in a rulebook survive a run: on Resources, which is kept, and on any user sheet.
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { readRulebookFile } from '../../cli/io/rulebook-file';
import {
  keptRelsParts,
  PRINTER_TYPE,
  TABLE_TYPE,
  tableIdOf,
  withPartTypes,
  withTableId,
} from '../../cli/io/xlsx-kept-rels';
import { withTableStyleInfo } from '../../cli/io/xlsx-package';
import { parseRels, relsXml } from '../../cli/io/xlsx-rels';
import { makeTabledRulebook, openpyxlSnapshot } from './helpers/openpyxl-workbooks';
import { cli, NOW, tempDir } from './helpers/rulebook';
import { sheetPart } from './helpers/xlsx-parts';

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-xlsx-tables-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Per sheet, its tables (name, range, style) and the link in B2, as openpyxl reads them. */
function tablesAndLinks(file: string) {
  return Object.fromEntries(
    openpyxlSnapshot(file)
      .filter((s) => s.tables.length > 0 || s.cells.B2?.link)
      .map((s) => [s.name, { tables: s.tables, link: s.cells.B2?.link ?? null }]),
  );
}

/** Every table part's id, and whether [Content_Types].xml names each table part. */
async function tableParts(file: string): Promise<{ ids: string[]; typed: boolean }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  const ids: string[] = [];
  let typed = true;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    ids.push(/<(?:\w+:)?table\b[^>]*\sid="(\d+)"/.exec(xml)?.[1] ?? '?');
    typed &&= types.includes(`PartName="/${name}"`);
  }
  return { ids: ids.sort(), typed };
}

test("openpyxl's tables (absolute targets, one without a style) and a link survive three runs in place, Resources's byte for byte", async () => {
  const book = path.join(dir, 'book.xlsx');
  makeTabledRulebook(book);
  const before = tablesAndLinks(book);
  expect(before).toEqual({
    Resources: {
      tables: [['Inventory', 'A1:H5', 'TableStyleMedium9']],
      link: 'https://console.example.com/buckets/b2',
    },
    Teams: { tables: [['Teams', 'A1:B3', null]], link: null },
  });
  const resources = await sheetPart(book, 'Resources');
  for (let run = 0; run < 3; run++) {
    const result = await cli('validate', book, '--now', NOW, '--quiet');
    expect(result.stderr).toBe('');
    // Resources, with its table and link, is kept byte for byte; Teams's table is ExcelJS's.
    expect((await sheetPart(book, 'Resources')).equals(resources)).toBe(true);
    expect(tablesAndLinks(book)).toEqual(before);
    const parts = await tableParts(book);
    expect(parts.ids).toEqual(['1', '2']);
    expect(parts.typed).toBe(true);
  }
});

describe('withTableStyleInfo', () => {
  const INFO =
    'tableStyleInfo showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/>';
  it.each([
    [
      'none: one before the end',
      '<table id="1"><tableColumns/></table>',
      `<table id="1"><tableColumns/><${INFO}</table>`,
    ],
    [
      'an extension list: one before it',
      '<table id="1"><tableColumns/><extLst/></table>\n',
      `<table id="1"><tableColumns/><${INFO}<extLst/></table>\n`,
    ],
    [
      'a prefix: the same prefix',
      '<x:table id="1"><x:tableColumns/></x:table>',
      `<x:table id="1"><x:tableColumns/><x:${INFO}</x:table>`,
    ],
    [
      'one already: unchanged',
      '<table id="1"><tableStyleInfo name="TableStyleLight1"/></table>',
      '<table id="1"><tableStyleInfo name="TableStyleLight1"/></table>',
    ],
    ['not a table: unchanged', '<table id="1">', '<table id="1">'],
  ])('%s', (_what, xml, out) => {
    expect(withTableStyleInfo(xml)).toBe(out);
  });
});

test("Excel's printer settings on a kept Resources sheet are kept with it, byte for byte, over two runs", async () => {
  const book = path.join(dir, 'book.xlsx');
  makeTabledRulebook(book);
  const zip = await JSZip.loadAsync(fs.readFileSync(book));
  const relsPart = 'xl/worksheets/_rels/sheet2.xml.rels';
  const rels = parseRels((await zip.file(relsPart)?.async('string')) ?? '');
  rels.push({
    id: 'rIdP',
    type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings',
    target: '../printerSettings/printerSettings1.bin',
  });
  zip.file(relsPart, relsXml(rels));
  const printer = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7) % 256));
  zip.file('xl/printerSettings/printerSettings1.bin', printer);
  const sheet = (await zip.file('xl/worksheets/sheet2.xml')?.async('string')) ?? '';
  expect(sheet).toContain('<pageMargins');
  zip.file(
    'xl/worksheets/sheet2.xml',
    sheet.replace(
      /<pageMargins[^>]*\/>/,
      (m) =>
        `${m}<pageSetup orientation="landscape" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdP"/>`,
    ),
  );
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  zip.file(
    '[Content_Types].xml',
    types.replace('</Types>', `<Default Extension="bin" ContentType="${PRINTER_TYPE}"/></Types>`),
  );
  const printed = path.join(dir, 'printed.xlsx');
  fs.writeFileSync(printed, await zip.generateAsync({ type: 'nodebuffer' }));
  const resources = await sheetPart(printed, 'Resources');
  for (let run = 0; run < 2; run++) {
    expect((await cli('validate', printed, '--now', NOW, '--quiet')).stderr).toBe('');
    expect((await sheetPart(printed, 'Resources')).equals(resources)).toBe(true);
    const out = await JSZip.loadAsync(fs.readFileSync(printed));
    const outRels = parseRels((await out.file(relsPart)?.async('string')) ?? '');
    const rel = outRels.find((r) => r.id === 'rIdP');
    expect(rel?.target).toMatch(/^\.\.\/printerSettings\/printerSettings\d+\.bin$/);
    const bin = await out
      .file(`xl/printerSettings/${String(rel?.target).split('/').pop()}`)
      ?.async('nodebuffer');
    expect(bin?.equals(printer)).toBe(true);
    expect(tablesAndLinks(printed).Resources.tables).toEqual([['Inventory', 'A1:H5', 'TableStyleMedium9']]);
  }
});

test('a Resources table with parts of its own (a query) sends the sheet through ExcelJS, values read all the same', async () => {
  const book = path.join(dir, 'book.xlsx');
  makeTabledRulebook(book);
  expect([
    ...((await readRulebookFile(book, { keepResourcesSheets: true })).kept?.parts.keys() ?? []),
  ]).toEqual(['Resources']);
  const zip = await JSZip.loadAsync(fs.readFileSync(book));
  zip.file(
    'xl/tables/_rels/table1.xml.rels',
    relsXml([
      {
        id: 'rId1',
        type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/queryTable',
        target: '../queryTables/queryTable1.xml',
      },
    ]),
  );
  zip.file(
    'xl/queryTables/queryTable1.xml',
    '<queryTable xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="q" connectionId="1"/>',
  );
  const queried = path.join(dir, 'queried.xlsx');
  fs.writeFileSync(queried, await zip.generateAsync({ type: 'nodebuffer' }));
  const file = await readRulebookFile(queried, { keepResourcesSheets: true });
  expect(file.kept?.parts.size ?? 0).toBe(0);
  expect(file.grids.find((g) => g.name === 'Resources')?.rows[1][0]).toBe('logs');
});

describe('the kept tables written beside ExcelJS', () => {
  const TABLE =
    '<table xmlns="m" id="7" name="Inventory" displayName="Inventory" ref="A1:B2"><tableColumns count="1"><tableColumn id="1" name="A"/></tableColumns></table>';
  const typesOf = (xml: string) => [...xml.matchAll(/PartName="([^"]+)"/g)].map((m) => m[1]);

  it.each([
    ['the root id only', TABLE, 3, TABLE.replace('id="7"', 'id="3"')],
    [
      'a prefixed root',
      '<x:table id="1" name="T"><x:tableColumns><x:tableColumn id="1"/></x:tableColumns></x:table>',
      9,
      '<x:table id="9" name="T"><x:tableColumns><x:tableColumn id="1"/></x:tableColumns></x:table>',
    ],
    [
      'past a declaration and a comment, not a child',
      '<?xml version="1.0"?><!-- <table id="5"> --><table name="T" id="2"><tableColumn id="1"/></table>',
      4,
      '<?xml version="1.0"?><!-- <table id="5"> --><table name="T" id="4"><tableColumn id="1"/></table>',
    ],
    ['nothing for a root that is not a table', '<tables id="1"/>', 4, '<tables id="1"/>'],
  ])('withTableId sets %s', (_what, xml, id, out) => {
    expect(withTableId(xml, id)).toBe(out);
  });

  it('reads and sets the id of a hostile part in one pass (no closing bracket, many table starts)', () => {
    const hostile = '<table name="x" '.repeat(200_000);
    const start = Date.now();
    expect(withTableId(hostile, 3)).toBe(hostile);
    expect(tableIdOf(hostile)).toBeUndefined();
    expect(tableIdOf('<x:table id="12">')).toBe(12);
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it('numbers the kept tables and printer settings after the ones ExcelJS wrote, and names them in the content types', async () => {
    const pkg = new JSZip();
    pkg.file('xl/tables/table1.xml', '<table id="1" name="Teams"/>');
    pkg.file('xl/tables/table4.xml', '<table id="5" name="Other"/>');
    pkg.file('xl/printerSettings/printerSettings2.bin', new Uint8Array([9]));
    const link = { id: 'rId1', type: 'http://x/hyperlink#external', target: 'https://example.com/' };
    const table = { id: 'rId2', type: 'http://x/table', target: '/xl/tables/table1.xml' };
    const printer = {
      id: 'rId3',
      type: 'http://x/printerSettings',
      target: '../printerSettings/printerSettings1.bin',
    };
    const bytes = new Uint8Array([1, 2, 3]);
    const { parts, types } = await keptRelsParts(
      new Map([
        [
          'xl/worksheets/sheet2.xml',
          {
            rels: [link, table, printer],
            tables: new Map([['rId2', TABLE]]),
            printers: new Map([['rId3', bytes]]),
          },
        ],
      ]),
      pkg,
    );
    expect([...types]).toEqual([
      ['xl/tables/table5.xml', TABLE_TYPE],
      ['xl/printerSettings/printerSettings3.bin', PRINTER_TYPE],
    ]);
    expect(parts.get('xl/tables/table5.xml')).toContain('id="6" name="Inventory"');
    expect(parts.get('xl/printerSettings/printerSettings3.bin')).toBe(bytes);
    expect(parseRels(String(parts.get('xl/worksheets/_rels/sheet2.xml.rels')))).toEqual([
      link,
      { ...table, target: '../tables/table5.xml' },
      { ...printer, target: '../printerSettings/printerSettings3.bin' },
    ]);
    const typed = withPartTypes('<Types><Default Extension="xml"/></Types>', types);
    expect(typesOf(typed)).toEqual(['/xl/tables/table5.xml', '/xl/printerSettings/printerSettings3.bin']);
    expect(withPartTypes('<Types/>', types)).toBe('<Types/>');
  });

  it('refuses to write over relationships ExcelJS wrote for the kept sheet', async () => {
    const pkg = new JSZip();
    pkg.file('xl/worksheets/_rels/sheet2.xml.rels', '<Relationships/>');
    await expect(
      keptRelsParts(
        new Map([['xl/worksheets/sheet2.xml', { rels: [], tables: new Map(), printers: new Map() }]]),
        pkg,
      ),
    ).rejects.toThrow('the workbook written already has xl/worksheets/_rels/sheet2.xml.rels');
  });
});
