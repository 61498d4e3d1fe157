// Every .xlsx the CLI writes opens in a strict reader (openpyxl), and re-runs never stack data validations.
import * as fs from 'fs';
import * as path from 'path';
import { runInit } from '../../cli/commands/init';
import { openpyxlRead, type OpenpyxlSheet } from './helpers/openpyxl';
import { NOW, tempDir } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-xlsx-valid-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const silent = () => {};
const ERROR_STYLES = [null, 'stop', 'warning', 'information'];

/** Each cell of an sqref (`E2:E9 G4`), as `col,row`. */
function cellsOf(sqref: string): string[] {
  const out: string[] = [];
  for (const part of sqref.split(/\s+/)) {
    const [a, b = a] = part.split(':').map((t) => {
      const m = /^([A-Z]+)(\d+)$/.exec(t) as RegExpExecArray;
      return { col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
    });
    for (let c = a.col; c <= b.col; c++) for (let r = a.row; r <= b.row; r++) out.push(`${c},${r}`);
  }
  return out;
}

/** The validations of every sheet, checked: allowed error styles and no cell under two validations. */
function checkedValidations(file: string): Map<string, OpenpyxlSheet['validations']> {
  const byName = new Map<string, OpenpyxlSheet['validations']>();
  for (const sheet of openpyxlRead(file)) {
    const seen = new Set<string>();
    for (const v of sheet.validations) {
      expect(ERROR_STYLES).toContain(v.errorStyle);
      for (const cell of cellsOf(v.sqref)) {
        if (seen.has(cell))
          throw new Error(`${sheet.name}: cell ${cell} has two data validations (${v.sqref})`);
        seen.add(cell);
      }
    }
    byName.set(sheet.name, sheet.validations);
  }
  return byName;
}

test('init writes valid OOXML: the Rules dropdowns use stop and warning', async () => {
  const book = path.join(dir, 'book.xlsx');
  expect(await runInit(book, new Date(NOW), silent, silent)).toBe(0);
  const rules = checkedValidations(book).get('Rules') ?? [];
  expect(rules.map((v) => v.errorStyle).sort()).toEqual(['stop', 'stop', 'warning', 'warning']);
});

test('the openpyxl helper names a file openpyxl refuses', () => {
  const bad = path.join(dir, 'bad.xlsx');
  fs.writeFileSync(bad, 'not a zip');
  expect(() => openpyxlRead(bad)).toThrow(/^openpyxl refuses .*bad\.xlsx: /);
});
