// The numbering under kept sheets: the file's styles and texts first, ExcelJS's appended and its sheets' numbers moved.
import {
  canAppendTo,
  mergeSharedStrings,
  mergeStyles,
  shiftSheetXml,
  shiftTableXml,
} from '../../cli/io/xlsx-kept';

const FILE_STYLES =
  '<?xml version="1.0"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="170" formatCode="[&gt;100]0;0"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/></font><font><b/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="170" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0"><alignment wrapText="1"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<tableStyles count="0"/></styleSheet>';

const WRITTEN_STYLES =
  '<?xml version="1.0"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/></font><font><color rgb="FFFF0000"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF00FF00"/></patternFill></fill></fills>' +
  '<borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="2" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs><tableStyles count="0"/></styleSheet>';

describe('mergeStyles', () => {
  const { xml, shift } = mergeStyles(FILE_STYLES, WRITTEN_STYLES);

  test('the file keeps its numbers; ExcelJS moves by the file’s counts', () => {
    expect(shift).toEqual({ xf: 3, dxf: 0 });
    expect(xml).toContain(
      '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="170"',
    );
  });

  test.each([
    ['ExcelJS’s format moves past the file’s highest', '<numFmt numFmtId="171" formatCode="yyyy-mm-dd"/>'],
    ['the file’s format stays', '<numFmt numFmtId="170" formatCode="[&gt;100]0;0"/>'],
    ['formats counted', '<numFmts count="2">'],
    ['fonts appended and counted', '<fonts count="4">'],
    ['fills appended and counted', '<fills count="5">'],
    [
      'ExcelJS’s cell format points at moved parts',
      '<xf numFmtId="171" fontId="3" fillId="4" borderId="1" xfId="0"/>',
    ],
    ['the file’s cell format keeps its children', '<alignment wrapText="1"/></xf>'],
    [
      'dxfs the file lacked come before tableStyles',
      '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs><tableStyles',
    ],
    ['the file’s named styles stay its own', '<cellStyles count="1"><cellStyle name="Normal"'],
  ])('%s', (_what, piece) => {
    expect(xml).toContain(piece);
  });

  test('the result is one stylesheet with every element once', () => {
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs', 'cellStyles'])
      expect(xml.split(`<${name} `).length - 1).toBe(1);
  });

  test('a file without styles takes ExcelJS’s as they are', () => {
    expect(mergeStyles('', WRITTEN_STYLES)).toEqual({ xml: WRITTEN_STYLES, shift: { xf: 0, dxf: 0 } });
  });
});

describe('shiftSheetXml', () => {
  const shift = { xf: 10, dxf: 2, sst: 100 };
  test.each([
    ['a styled shared string', '<c r="A1" s="2" t="s"><v>3</v></c>', '<c r="A1" s="12" t="s"><v>103</v></c>'],
    ['an unstyled shared string', '<c r="B1" t="s"><v>0</v></c>', '<c r="B1" t="s"><v>100</v></c>'],
    ['a number keeps its value', '<c r="C1" s="1"><v>5</v></c>', '<c r="C1" s="11"><v>5</v></c>'],
    ['a styled empty cell', '<c r="D1" s="4"/>', '<c r="D1" s="14"/>'],
    [
      'a row style',
      '<row r="1" spans="1:3" s="4" customFormat="1">',
      '<row r="1" spans="1:3" s="14" customFormat="1">',
    ],
    [
      'a column style',
      '<cols><col min="1" max="1" width="9" style="2"/></cols>',
      '<cols><col min="1" max="1" width="9" style="12"/></cols>',
    ],
    [
      'a conditional format',
      '<cfRule type="expression" dxfId="0" priority="1">',
      '<cfRule type="expression" dxfId="2" priority="1">',
    ],
    [
      'a formula text is not a shared string',
      '<c r="E1" t="str"><f>A1</f><v>x</v></c>',
      '<c r="E1" t="str"><f>A1</f><v>x</v></c>',
    ],
  ])('%s', (_what, xml, shifted) => {
    expect(shiftSheetXml(xml, shift)).toBe(shifted);
  });

  test('nothing to move leaves the part as it is', () => {
    const xml = '<c r="A1" s="2" t="s"><v>3</v></c>';
    expect(shiftSheetXml(xml, { xf: 0, dxf: 0, sst: 0 })).toBe(xml);
  });

  test('table columns’ formats move with the dxfs', () => {
    expect(shiftTableXml('<tableColumn id="1" name="A" dataDxfId="1"/>', { ...shift })).toBe(
      '<tableColumn id="1" name="A" dataDxfId="3"/>',
    );
  });
});

test('shared strings: the file’s first, ExcelJS’s after, counted', () => {
  const file =
    '<?xml version="1.0"?>\n<sst xmlns="m" count="5" uniqueCount="2"><si><t>a</t></si><si><r><t>b</t></r></si></sst>';
  const written = '<sst xmlns="m" count="3" uniqueCount="2"><si><t>x</t></si><si><t></t></si></sst>';
  expect(mergeSharedStrings(file, 2, written)).toBe(
    '<?xml version="1.0"?>\n<sst xmlns="m" count="8" uniqueCount="4"><si><t>a</t></si><si><r><t>b</t></r></si><si><t>x</t></si><si><t></t></si></sst>',
  );
  expect(mergeSharedStrings('', 0, written)).toBe(written);
});

test.each([
  ['plain parts', '<styleSheet xmlns="m">', '<sst xmlns="m">', true],
  ['no shared strings', '<styleSheet xmlns="m">', '', true],
  ['prefixed styles', '<x:styleSheet xmlns:x="m">', '', false],
  ['prefixed shared strings', '<styleSheet xmlns="m">', '<x:sst xmlns:x="m">', false],
  [
    'shared strings with an extension list after their items',
    '<styleSheet xmlns="m">',
    '<sst xmlns="m"><si><t>a</t></si><extLst/></sst>',
    false,
  ],
])('canAppendTo: %s', (_what, styles, sst, ok) => {
  expect(canAppendTo(styles, sst)).toBe(ok);
});
