// Excel tables (Format as Table) and links in a rulebook survive a run: on Resources, which is kept, and on any user sheet.
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { withTableStyleInfo } from '../../cli/io/xlsx-package';
import { makeTabledRulebook, openpyxlSnapshot } from './helpers/openpyxl-workbooks';
import { cli, NOW, tempDir } from './helpers/rulebook';

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

test("openpyxl's tables (absolute targets, one without a style) and a link survive three runs in place", async () => {
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
  for (let run = 0; run < 3; run++) {
    const result = await cli('validate', book, '--now', NOW, '--quiet');
    expect(result.stderr).toBe('');
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
