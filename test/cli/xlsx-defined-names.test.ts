// A run keeps the workbook's own defined names as the file wrote them: print areas, print titles, names of ranges.
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { restoreDefinedNames } from '../../cli/io/xlsx-defined-names';
import { makeNamedRulebook } from './helpers/openpyxl-workbooks';
import { cli, NOW, tempDir } from './helpers/rulebook';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const SHEETS = '<sheets><sheet name="Rules" sheetId="1"/><sheet name="Results" sheetId="2"/></sheets>';
const book = (names: string, sheets = SHEETS) => `<workbook ${NS}>${sheets}${names}<calcPr/></workbook>`;
const isEngine = (name: string) => name === 'Results';

describe('restoreDefinedNames', () => {
  test.each([
    [
      'a print area ExcelJS rewrote relative comes back as the file wrote it',
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Rules!$A$1:$E$5</definedName></definedNames>',
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Rules!$A1:$E5</definedName></definedNames>',
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Rules!$A$1:$E$5</definedName></definedNames>',
    ],
    [
      'print titles ExcelJS dropped come back; the engine sheet’s are ExcelJS’s',
      '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">Rules!1:1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">Results!1:3</definedName></definedNames>',
      '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">Results!$1:$1</definedName></definedNames>',
      '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">Rules!1:1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">Results!$1:$1</definedName></definedNames>',
    ],
    [
      'a workbook-wide name is the file’s; a name only ExcelJS has is kept',
      '<definedNames><definedName name="Teams" hidden="1">Rules!$A$2:$A$9</definedName></definedNames>',
      '<definedNames><definedName name="Teams">Rules!$A2:$A9</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">Results!$1:$1</definedName></definedNames>',
      '<definedNames><definedName name="Teams" hidden="1">Rules!$A$2:$A$9</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">Results!$1:$1</definedName></definedNames>',
    ],
    [
      'names ExcelJS left out altogether go after the sheets',
      '<definedNames><definedName name="Teams">Rules!$A$2:$A$9</definedName></definedNames>',
      '',
      '<definedNames><definedName name="Teams">Rules!$A$2:$A$9</definedName></definedNames>',
    ],
  ])('%s', (_what, file, written, expected) => {
    expect(restoreDefinedNames(book(written), book(file), isEngine)).toBe(book(expected));
  });

  test('a name of a sheet not at the same place is left to ExcelJS', () => {
    const moved = '<sheets><sheet name="Results" sheetId="2"/><sheet name="Rules" sheetId="1"/></sheets>';
    const file =
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Rules!$A$1:$E$5</definedName></definedNames>';
    const written =
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">Rules!$A1:$E5</definedName></definedNames>';
    expect(restoreDefinedNames(book(written), book(file, moved), isEngine)).toBe(book(written));
  });

  test('a workbook part with prefixed elements is left as ExcelJS wrote it', () => {
    const prefixed = `<x:workbook xmlns:x="m"><x:sheets><x:sheet name="Rules"/></x:sheets><x:definedNames><x:definedName name="A">Rules!$A$1</x:definedName></x:definedNames></x:workbook>`;
    const written = book('<definedNames><definedName name="A">Rules!$A1</definedName></definedNames>');
    expect(restoreDefinedNames(written, prefixed, isEngine)).toBe(written);
  });
});

test('print areas and titles openpyxl wrote on Rules and Resources survive three runs in place', async () => {
  const dir = tempDir('rulesheet-defined-names-');
  try {
    const file = path.join(dir, 'book.xlsx');
    makeNamedRulebook(file);
    const namesOf = async (f: string) => {
      const xml =
        (await (await JSZip.loadAsync(fs.readFileSync(f))).file('xl/workbook.xml')?.async('string')) ?? '';
      return [...xml.matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
    };
    const before = await namesOf(file);
    expect(before).toHaveLength(5);
    for (let run = 0; run < 3; run++) {
      expect((await cli('validate', file, '--now', NOW, '--quiet')).stderr).toBe('');
      const after = await namesOf(file);
      expect(after.slice(0, before.length)).toEqual(before);
      // The engine's own print titles follow the user's names.
      expect(after.slice(before.length).every((n) => /Results|Summary|Run History/.test(n))).toBe(true);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
