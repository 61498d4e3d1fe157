// Every .xlsx the CLI writes opens in a strict reader (openpyxl), and re-runs never stack data validations.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runImport } from '../../cli/commands/import';
import { runInit } from '../../cli/commands/init';
import { normaliseDataValidations } from '../../cli/io/xlsx-validations';
import { OPERATORS } from '../../core';
import { openpyxlRead, type OpenpyxlSheet } from './helpers/openpyxl';
import { cli, NOW, readXlsx, tempDir, writeCsvRulebook, writeXlsxRulebook } from './helpers/rulebook';

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

const summary = (vs: OpenpyxlSheet['validations'] | undefined) =>
  (vs ?? []).map((v) => `${v.sqref} ${v.formula1} ${v.errorStyle}`).sort();

test('init writes valid OOXML: the Rules dropdowns use stop and warning', async () => {
  const book = path.join(dir, 'book.xlsx');
  expect(await runInit(book, new Date(NOW), silent, silent)).toBe(0);
  const rules = checkedValidations(book).get('Rules') ?? [];
  expect(rules.map((v) => v.errorStyle).sort()).toEqual(['stop', 'stop', 'warning', 'warning']);
});

test('validating in place three times keeps one copy of each dropdown, the engine lists and the user one', async () => {
  const book = path.join(dir, 'book.xlsx');
  expect(await runInit(book, new Date(NOW), silent, silent)).toBe(0);
  // The user's own dropdown on a Resources column, one range as Excel writes it (ExcelJS's per-cell
  // dropdowns come out as overlapping ranges, which Excel never writes and a run copies as they are).
  const wb = await readXlsx(book);
  const resources = wb.getWorksheet('Resources') as unknown as {
    dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
  };
  resources.dataValidations.add('E2:E50', { type: 'list', allowBlank: true, formulae: ['"Sales,HR"'] });
  await wb.xlsx.writeFile(book);
  const runs: Map<string, OpenpyxlSheet['validations']>[] = [];
  for (let i = 0; i < 3; i++) {
    const run = await cli('validate', book, '--now', NOW, '--quiet');
    expect(run.stderr).toBe('');
    runs.push(checkedValidations(book));
  }
  expect(summary(runs[0].get('Resources'))).toEqual(['E2:E50 "Sales,HR" null']);
  expect(summary(runs[0].get('Rules'))).toHaveLength(4);
  for (const run of runs.slice(1)) {
    expect(summary(run.get('Rules'))).toEqual(summary(runs[0].get('Rules')));
    expect(summary(run.get('Resources'))).toEqual(summary(runs[0].get('Resources')));
  }
});

test('a plain workbook validated three times in place gets the engine lists once', async () => {
  const book = await writeXlsxRulebook(path.join(dir, 'book.xlsx'));
  for (let i = 0; i < 3; i++) expect((await cli('validate', book, '--now', NOW, '--quiet')).stderr).toBe('');
  const rules = checkedValidations(book).get('Rules') ?? [];
  expect(rules.map((v) => v.formula1).sort()).toEqual([
    // One row an operator of the table, under a header.
    `'Rulesheet Lists'!$A$2:$A$${OPERATORS.length + 1}`,
    "'Rulesheet Lists'!$B$2:$B$6",
  ]);
});

test('a CSV folder written out as .xlsx, and an import into an .xlsx, open in openpyxl', async () => {
  const folder = writeCsvRulebook(path.join(dir, 'book'));
  const out = path.join(dir, 'out.xlsx');
  expect((await cli('validate', folder, '--now', NOW, '--out', out, '--quiet')).stderr).toBe('');
  expect(checkedValidations(out).get('Rules')?.length).toBeGreaterThan(0);
  const input = path.join(dir, 'more.json');
  fs.writeFileSync(input, JSON.stringify([{ name: 'svc', port: 1 }]));
  for (let i = 0; i < 2; i++) {
    expect(await runImport('json', [input], { into: out, type: 'service', id: 'name' }, silent, silent)).toBe(
      0,
    );
  }
  const before = summary(checkedValidations(out).get('Rules'));
  expect((await cli('validate', out, '--now', NOW, '--quiet')).stderr).toBe('');
  expect(summary(checkedValidations(out).get('Rules'))).toEqual(before);
});

test('the openpyxl helper names a file openpyxl refuses', () => {
  const bad = path.join(dir, 'bad.xlsx');
  fs.writeFileSync(bad, 'not a zip');
  expect(() => openpyxlRead(bad)).toThrow(/^openpyxl refuses .*bad\.xlsx: /);
});

describe('normaliseDataValidations', () => {
  const listOf = (formula: string): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [formula],
  });

  it('gives a cell to the validation added last and merges alike cells into ranges', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rules');
    const holder = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations;
    const model = holder.model;
    const old = listOf('"a,b"');
    for (let r = 2; r <= 300; r++) model[`E${r}`] = old; // as ExcelJS reads E2:E300
    model['E2:E201'] = listOf('"x,y"');
    model['F2:F9'] = listOf('"a,b"');
    model['G2:G9'] = { ...listOf('"a,b"') };
    model['B7'] = listOf('"solo"');
    normaliseDataValidations(wb);
    expect(Object.fromEntries(Object.entries(holder.model).map(([k, v]) => [k, v.formulae[0]]))).toEqual({
      'E202:E300': '"a,b"',
      'F2:G9': '"a,b"',
      'E2:E201': '"x,y"',
      B7: '"solo"',
    });
  });
});
