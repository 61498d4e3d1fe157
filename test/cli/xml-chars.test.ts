// Text XML cannot hold (control characters, U+FFFE/U+FFFF, lone surrogates) is written as U+FFFD with a warning.
import * as fs from 'fs';
import * as path from 'path';
import { runImport } from '../../cli/commands/import';
import { xmlSafe } from '../../cli/io/xml-chars';
import { openpyxlRead } from './helpers/openpyxl';
import { cli, NOW, readXlsx, SHEETS, tempDir, writeCsvRulebook, writeXlsxRulebook } from './helpers/rulebook';

const BAD = 'a\u0001b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDC00i';
const CLEAN = 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFDi';

describe('xmlSafe', () => {
  it.each([
    ['C0 controls', '\u0000\u0001\u001F', '\uFFFD\uFFFD\uFFFD'],
    ['U+FFFE and U+FFFF', 'x\uFFFE\uFFFF', 'x\uFFFD\uFFFD'],
    ['a lone high surrogate, also at the end', '\uD800x\uDBFF', '\uFFFDx\uFFFD'],
    ['a lone low surrogate', 'x\uDC00', 'x\uFFFD'],
    ['everything at once', BAD, CLEAN],
  ])('replaces %s', (_what, text, expected) => {
    expect(xmlSafe(text)).toBe(expected);
  });

  it.each([
    ['plain text', 'hello'],
    ['tab, LF and CR', 'a\tb\nc\rd'],
    ['a surrogate pair', 'smile \u{1F600}'],
    ['CJK and U+FFFD', '\u8CC7\uFFFD'],
    ['empty text', ''],
  ])('leaves %s alone (undefined: nothing to replace)', (_what, text) => {
    expect(xmlSafe(text)).toBeUndefined();
  });
});

describe('writing an .xlsx', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('rulesheet-xml-chars-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('an import of such text into an .xlsx warns, naming the cell, and the workbook reopens', async () => {
    const book = await writeXlsxRulebook(path.join(dir, 'book.xlsx'));
    const input = path.join(dir, 'in.json');
    fs.writeFileSync(input, JSON.stringify([{ name: 'svc', note: BAD }]));
    const errors: string[] = [];
    const code = await runImport(
      'json',
      [input],
      { into: book, type: 'service', id: 'name' },
      () => {},
      (l) => errors.push(l),
    );
    expect(code).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^Warning: .*book\.xlsx: Resources![A-Z]+\d+(, Resources![A-Z]+\d+)*: characters an \.xlsx cannot hold .* were written as U\+FFFD$/,
    );

    const wb = await readXlsx(book);
    const resources = wb.getWorksheet('Resources')!;
    const cells: unknown[] = [];
    resources.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain(CLEAN);
    const sheet = openpyxlRead(book, { cells: true }).find((s) => s.name === 'Resources')!;
    expect(sheet.cells!.flat()).toContain(CLEAN);
  });

  it('validate of a CSV folder into .xlsx warns on stderr and writes a workbook both readers open', async () => {
    const resources = SHEETS.Resources.map((r) => [...r]);
    resources[2][2] = BAD;
    const folder = writeCsvRulebook(path.join(dir, 'book'), { ...SHEETS, Resources: resources });
    const out = path.join(dir, 'out.xlsx');
    const run = await cli('validate', folder, '--now', NOW, '--out', out, '--quiet');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^rulesheet: warning: .*out\.xlsx: Resources!C3(, Results![A-Z]+\d+)*( and \d+ more cells)?: characters/,
    );
    const wb = await readXlsx(out);
    expect(wb.getWorksheet('Resources')!.getCell('C3').value).toBe(CLEAN);
    const names = openpyxlRead(out, { cells: true }).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Rules', 'Resources', 'Results']));
  });
});
