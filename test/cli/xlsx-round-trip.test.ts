// Real-world-shaped workbooks (made by ExcelJS and by openpyxl) validated three times in place: every user cell, style, note, link, merge, dropdown and sheet state is kept, and openpyxl opens each result.
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { loadWorkbook } from '../../cli/io/xlsx-read';
import { makeExceljsRulebook } from './helpers/exceljs-workbooks';
import {
  makeOpenpyxlRulebook,
  openpyxlSnapshot,
  type OpenpyxlSnapshotSheet,
} from './helpers/openpyxl-workbooks';
import { cli, NOW, tempDir } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Sheets the engine writes whole; every other sheet is the user's. */
const ENGINE_SHEETS = new Set(['Results', 'Summary', 'Run History', 'Rulesheet Lists']);
/** The user's columns of Rules (A–J); the engine writes its own columns after them. */
const RULES_USER_COLUMNS = /^[A-J]\d+$/;

/** What openpyxl sees of the user's sheets; on Rules, the user's columns (its dropdowns are compared run to run). */
function userView(sheets: OpenpyxlSnapshotSheet[]) {
  return sheets
    .filter((s) => !ENGINE_SHEETS.has(s.name))
    .map((s) => ({
      ...s,
      // A validation without an operator is "between" (ECMA-376's default), however the writer spells it.
      validations:
        s.name === 'Rules'
          ? []
          : s.validations.map(([sqref, type, op, ...rest]) => [sqref, type, op ?? 'between', ...rest]),
      cells:
        s.name === 'Rules'
          ? Object.fromEntries(Object.entries(s.cells).filter(([a]) => RULES_USER_COLUMNS.test(a)))
          : s.cells,
      widths: s.name === 'Rules' ? {} : s.widths,
      // The engine freezes Rules' header and colours its own columns' statuses.
      freeze: s.name === 'Rules' ? null : s.freeze,
      conditional:
        s.name === 'Rules'
          ? s.conditional.filter((c) => RULES_USER_COLUMNS.test(String((c as string[])[0]).split(':')[0]))
          : s.conditional,
    }));
}

/** What ExcelJS sees of one user sheet: every cell's value (formulas, links, errors), style and note, merges, state, protection. */
function exceljsView(ws: ExcelJS.Worksheet, maxCol = Infinity) {
  const cells: Record<string, string> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const blank = cell.value === null && !cell.note && Object.keys(cell.style ?? {}).length === 0;
      if (col <= maxCol && !blank)
        cells[cell.address] = canonical([cell.value, cell.style, cell.note ?? null]);
    }),
  );
  const model = ws.model as unknown as { merges: string[] };
  const protection = (ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null;
  return { name: ws.name, state: ws.state, merges: [...model.merges].sort(), protection, cells };
}

/** JSON with object keys sorted: the same style read twice may list its properties in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

async function exceljsUserView(file: string) {
  const { workbook } = await loadWorkbook(file);
  return workbook.worksheets
    .filter((ws) => !ENGINE_SHEETS.has(ws.name))
    .map((ws) => exceljsView(ws, ws.name === 'Rules' ? 10 : Infinity));
}

const MAKERS: [string, (file: string) => Promise<void>][] = [
  ['ExcelJS', makeExceljsRulebook],
  ['openpyxl', async (file) => makeOpenpyxlRulebook(file, { chart: false })],
];

test.each(MAKERS)(
  'a workbook made by %s keeps every user cell, style, note, link, merge, dropdown and sheet over three runs',
  async (_maker, make) => {
    const file = path.join(dir, 'book.xlsx');
    await make(file);
    const before = openpyxlSnapshot(file);
    const beforeExceljs = await exceljsUserView(file);
    const inventory = before.find((s) => s.name === 'Inventory')!;
    // The fixture holds what it claims to.
    expect(inventory.merges).toEqual(['A8:E8']);
    expect(inventory.cells.A1.comment).toBe('Teams from the CMDB export');
    expect(inventory.cells.D2.link).toBe('https://wiki.example.com/payments');
    expect(inventory.cells.C2.value).toBe('=B2/SUM($B$2:$B$4)');
    expect(inventory.validations.map((v) => v[0]).sort()).toEqual(['B2:B1048576', 'E2:E50']);
    expect(before.find((s) => s.name === 'Lookups')!.state).toBe('hidden');
    expect(before.find((s) => s.name === 'Locked')!.protected).toBe(true);

    let rulesValidations: unknown;
    for (let run = 1; run <= 3; run++) {
      const r = await cli('validate', file, '--now', NOW, '--quiet');
      expect({ run, code: r.code, stderr: r.stderr }).toEqual({ run, code: 0, stderr: '' });
      const after = openpyxlSnapshot(file); // throws if openpyxl refuses the file
      expect(after.map((s) => s.name)).toEqual(expect.arrayContaining(['Results', 'Summary', 'Run History']));
      expect(userView(after)).toEqual(userView(before));
      expect(await exceljsUserView(file)).toEqual(beforeExceljs);
      // The engine's own dropdowns on Rules neither stack nor multiply run after run.
      const rules = after.find((s) => s.name === 'Rules')!.validations;
      if (run === 1) rulesValidations = rules;
      else expect(rules).toEqual(rulesValidations);
    }
  },
  30_000,
);

describe('a workbook with a chart (ExcelJS cannot keep charts)', () => {
  const make = () => {
    const file = path.join(dir, 'charted.xlsx');
    makeOpenpyxlRulebook(file, { chart: true });
    return file;
  };

  test('validating in place is refused three times: exit 2, the file byte for byte as it was, a message that says why and what to do', async () => {
    const file = make();
    const bytes = fs.readFileSync(file);
    for (let run = 1; run <= 3; run++) {
      const r = await cli('validate', file, '--now', NOW, '--quiet');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${file}: not rewritten: it has charts (on 'Inventory')`);
      expect(r.stderr).toMatch(/nothing was written.*--out <new\.xlsx>.*--format <format> --report <file>/);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    }
    expect(openpyxlSnapshot(file).find((s) => s.name === 'Inventory')!.charts).toEqual(['BarChart']);
  });

  test('with --report only the report is written, three times; the workbook and its chart stay as they were', async () => {
    const file = make();
    const bytes = fs.readFileSync(file);
    const report = path.join(dir, 'report.json');
    for (let run = 1; run <= 3; run++) {
      const r = await cli('validate', file, '--now', NOW, '--format', 'json', '--report', report);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`${file} was not rewritten: it has charts`);
      expect(r.stdout).toContain(`Wrote ${report}.`);
      expect(JSON.parse(fs.readFileSync(report, 'utf8'))).toBeTruthy();
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    }
  });

  test('--out writes the results to a new workbook openpyxl opens, warns that it has no charts, and leaves the original alone', async () => {
    const file = make();
    const bytes = fs.readFileSync(file);
    const out = path.join(dir, 'results.xlsx');
    const r = await cli('validate', file, '--now', NOW, '--quiet', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${out} has no charts`);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const written = openpyxlSnapshot(out);
    expect(written.map((s) => s.name)).toEqual(expect.arrayContaining(['Inventory', 'Results', 'Summary']));
    const before = openpyxlSnapshot(file).find((s) => s.name === 'Inventory')!;
    expect(written.find((s) => s.name === 'Inventory')!.cells).toEqual(before.cells);
  });
});
