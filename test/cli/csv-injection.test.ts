// CSV injection (OWASP): formula-like text behind full-width signs or invisible characters is neutralised too.
import * as fs from 'fs';
import * as path from 'path';
import { fromCsvCell, parseCsv, readCsvFolder, toCsv } from '../../cli/io/csv';
import { looksLikeFormula, validate, type WriteCell } from '../../core';
import { cli, NOW, SHEETS, tempDir, writeCsvRulebook } from './helpers/rulebook';

const FORMULA_LIKE: [string, string][] = [
  ['=', '=1+1'],
  ['+', '+1'],
  ['-', '-1'],
  ['@', '@SUM(1)'],
  ['tab', '\t=1'],
  ['CR', '\r=1'],
  ['full-width =', '\uFF1DHYPERLINK("http://evil","x")'],
  ['full-width +', '\uFF0B1'],
  ['full-width -', '\uFF0D1'],
  ['full-width @', '\uFF20SUM(1)'],
  ['zero-width space, then =', '\u200B=1+1'],
  ['ZWNJ, then +', '\u200C+1'],
  ['ZWJ, then -', '\u200D-1'],
  ['word joiner, then @', '\u2060@x'],
  ['BOM, then =', '\uFEFF=1'],
  ['soft hyphen, then =', '\u00AD=1'],
  ['right-to-left mark, then =', '\u200F=1'],
  ['several invisibles, then full-width =', '\u200B\uFEFF\u2060\uFF1D1'],
  ['a tag character (astral), then =', '\u{E0041}=1'],
];

const PLAIN: [string, string][] = [
  ['empty', ''],
  ['a letter', 'abc'],
  ['a digit', '1=1'],
  ['a space, then =', ' =1'],
  ['an invisible only', '\u200B'],
  ['an invisible, then a letter', '\u200Babc'],
  ['CJK text', '\u8CC7\u6E90'],
  ['full-width letter', '\uFF21'],
  ['an apostrophe', "'=1"],
  ['an emoji', '\u{1F600}=1'],
];

describe('looksLikeFormula', () => {
  it.each(FORMULA_LIKE)('is true for %s', (_what, text) => {
    expect(looksLikeFormula(text)).toBe(true);
  });
  it.each(PLAIN)('is false for %s', (_what, text) => {
    expect(looksLikeFormula(text)).toBe(false);
  });
});

describe('the CSV guard follows looksLikeFormula', () => {
  it.each(FORMULA_LIKE)('quotes %s and reads it back exactly', (_what, text) => {
    const written = toCsv([[text]]);
    const cell = String(parseCsv(written, 'Results.csv').rows[0][0]);
    expect(cell).toBe(`'${text}`);
    expect(fromCsvCell(cell)).toBe(text);
  });
  it.each(PLAIN.filter(([, t]) => t !== '' && !t.startsWith("'")))('leaves %s as it is', (_what, text) => {
    const cell = String(parseCsv(toCsv([[text]]), 'Results.csv').rows[0][0]);
    expect(cell).toBe(text);
    expect(fromCsvCell(cell)).toBe(text);
  });
  it('round-trips text that already opens with quotes before a hidden formula', () => {
    for (const text of ["'\u200B=1", "''\uFF1D1"]) {
      const cell = String(parseCsv(toCsv([[text]]), 'Results.csv').rows[0][0]);
      expect(cell).toBe(`'${text}`);
      expect(fromCsvCell(cell)).toBe(text);
    }
  });
});

const HIDDEN = '\u200B=HYPERLINK("http://evil","x")';
const WIDE = '\uFF1DHYPERLINK("http://evil","x")';

function sheetsWithHiddenFormulas() {
  const resources = SHEETS.Resources.map((r) => [...r]);
  resources[2][4] = HIDDEN;
  resources[2][3] = WIDE;
  return { ...SHEETS, Resources: resources };
}

describe('engine sheets and the CSV report', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('rulesheet-injection-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the Results sheet wraps hidden and full-width formulas as text for every host', () => {
    const sheets = sheetsWithHiddenFormulas();
    const grids = Object.entries(sheets).map(([name, rows]) => ({ name, rows }));
    const output = validate(grids, { now: new Date(NOW) });
    const results = output.patches.find((p) => p.kind === 'sheet' && p.sheet === 'Results');
    const cells = results && results.kind === 'sheet' ? results.rows.flat() : [];
    const texts = (t: string) =>
      cells.filter(
        (c: WriteCell) => c === t || (c !== null && typeof c === 'object' && 'text' in c && c.text === t),
      );
    expect(texts(HIDDEN).length).toBeGreaterThan(0);
    expect(texts(WIDE).length).toBeGreaterThan(0);
    expect(texts(HIDDEN).every((c) => typeof c === 'object')).toBe(true);
    expect(texts(WIDE).every((c) => typeof c === 'object')).toBe(true);
  });

  it('Results.csv and the CSV report quote them, and the folder reads back the original text', async () => {
    const book = writeCsvRulebook(path.join(dir, 'book'), sheetsWithHiddenFormulas());
    const report = path.join(dir, 'report.csv');
    const run = await cli('validate', book, '--now', NOW, '--report', report, '--quiet');
    expect(run.stderr).toBe('');
    for (const file of [path.join(book, 'Results.csv'), report]) {
      const cells = parseCsv(fs.readFileSync(file, 'utf8'), file).rows.flat();
      expect(cells).toContain(`'${HIDDEN}`);
      expect(cells).toContain(`'${WIDE}`);
      expect(cells).not.toContain(HIDDEN);
      expect(cells).not.toContain(WIDE);
    }
    const results = readCsvFolder(book)
      .grids.find((g) => g.name === 'Results')!
      .rows.flat();
    expect(results).toContain(HIDDEN);
    expect(results).toContain(WIDE);
  });
});
