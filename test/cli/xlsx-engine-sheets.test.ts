// The engine sheets an .xlsx run writes row by row: read back alike by ExcelJS and openpyxl, and read for their values only as ExcelJS reads them.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { type Cell, GENERATED_SHEET_NAMES, normalizeName, previousResultsColumns } from '../../core';
import { readRulebookFile } from '../../cli/io/rulebook-file';
import { loadWorkbook } from '../../cli/io/xlsx-read';
import { NOW, SHEETS, cli, readXlsx, tempDir, writeXlsxRulebook } from './helpers/rulebook';
import { openpyxlRead } from './helpers/openpyxl';

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-engine-sheets-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Texts a writer must escape or keep as they are: markup, quotes, spaces at the ends, a line break, an emoji. */
const TRICKY = [' lead & <tag> "q" \'a\'', 'two\nlines ', '🙂 wide'];

/** The test rulebook with resource names and owners that put the tricky texts into Results. */
function trickySheets(): Record<string, Cell[][]> {
  const resources = SHEETS.Resources.map((row, r) =>
    r === 0 ? row : row.map((v, c) => (c === 2 ? TRICKY[r % TRICKY.length] : v)),
  );
  return { ...SHEETS, Resources: resources };
}

/** A cell as text the way both readers can give it (dates left out: each reader has its own date type). */
const plain = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? 'date' : v);

test('Results, Summary and Run History read the same in ExcelJS and openpyxl, tricky texts included', async () => {
  const book = await writeXlsxRulebook(path.join(dir, 'book.xlsx'), trickySheets());
  const out = path.join(dir, 'out.xlsx');
  const run = await cli('validate', book, '--now', NOW, '--out', out, '--fail-on', 'none', '--quiet');
  expect(run.stderr).toBe('');
  const exceljs = await readXlsx(out);
  const openpyxl = openpyxlRead(out, { cells: true });
  for (const name of ['Results', 'Summary', 'Run History', 'Rulesheet Lists']) {
    const ws = exceljs.getWorksheet(name)!;
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const values = (row.values as unknown[]).slice(1);
      rows[r - 1] = values.map(plain);
    });
    const theirs = openpyxl.find((s) => s.name === name)!.cells!;
    expect(theirs.length).toBe(ws.rowCount);
    theirs.forEach((row, r) =>
      row.forEach((v, c) => {
        const mine = rows[r]?.[c] ?? null;
        // openpyxl gives dates as text here; numbers and texts must match exactly.
        if (mine === 'date') expect(typeof v).toBe('string');
        else expect({ name, r, c, v }).toEqual({ name, r, c, v: mine });
      }),
    );
  }
  const names = new Set(
    openpyxl.find((s) => s.name === 'Results')!.cells!.map((row) => row[6] as string | null),
  );
  // Core trims what it reads; the rest of each text arrives as it was.
  for (const text of [TRICKY[0], TRICKY[2]]) expect(names).toContain(text.trim());
});

test('a Results sheet many batches of bytes long reads back whole, row for row, in openpyxl', async () => {
  // 3,000 buckets, each failing both bucket rules: 6,000 Results rows, well over a megabyte of row markup.
  const rows = Array.from({ length: 3000 }, (_, i) => [
    `bucket-${i}`,
    'aws_s3_bucket',
    `Bucket ${i}`,
    'alice',
    'Finance',
    'FALSE',
    'Suspended',
    null,
  ]);
  const sheets = { ...SHEETS, Resources: [SHEETS.Resources[0], ...rows] };
  const book = await writeXlsxRulebook(path.join(dir, 'many.xlsx'), sheets);
  const run = await cli('validate', book, '--now', NOW, '--fail-on', 'none', '--quiet');
  expect(run.stderr).toBe('');
  const [header, ...results] = openpyxlRead(book, { cells: true }).find((s) => s.name === 'Results')!.cells!;
  const rule = header.indexOf('Rule ID');
  const resource = header.indexOf('Resource ID');
  const pairs = results.map((row) => `${row[rule]} ${row[resource]}`);
  expect(pairs.length).toBe(6000);
  expect(new Set(pairs).size).toBe(6000);
  for (let i = 0; i < 3000; i += 499) {
    expect(pairs).toContain(`S3-001 bucket-${i}`);
    expect(pairs).toContain(`S3-002 bucket-${i}`);
  }
});

test('engine sheets read for their values only give the grids ExcelJS gives, on a workbook validated twice', async () => {
  const book = await writeXlsxRulebook(path.join(dir, 'book.xlsx'), trickySheets());
  await cli('validate', book, '--now', NOW, '--fail-on', 'none', '--quiet');
  await cli('validate', book, '--now', '2026-03-08T09:00:00Z', '--fail-on', 'none', '--quiet');
  const whole = await readRulebookFile(book);
  const values = await readRulebookFile(book, { engineSheetsAsValues: true });
  expect(values.grids.map((g) => g.name)).toEqual(whole.grids.map((g) => g.name));
  for (const grid of whole.grids) {
    const other = values.grids.find((g) => g.name === grid.name)!;
    // Of the last Results a run reads only the columns tracking uses.
    const same =
      grid.name === 'Results'
        ? sameCells(other.rows, asTrackingReads(grid.rows))
        : isDeepStrictEqual(other.rows, grid.rows);
    expect({ name: grid.name, same }).toEqual({ name: grid.name, same: true });
  }
  // Read whole, Results gives every value ExcelJS gives.
  const full = await loadWorkbook(book, isEngineSheet);
  const results = whole.grids.find((g) => g.name === 'Results')!.rows;
  expect(isDeepStrictEqual(full.values.get('Results'), results)).toBe(true);
  expect(results[0].length).toBeGreaterThan(previousResultsColumns(results[0]).length);
  // ExcelJS holds the engine sheets empty.
  expect(values.workbook!.getWorksheet('Results')!.rowCount).toBe(0);
});

test('a Results a rule lists a column of is read whole, so the rule sees that column', async () => {
  const rules = [
    ...SHEETS.Rules,
    ['LIST-001', 'Titles seen', 'aws_s3_bucket', 'name', 'is one of', "'Results'!Title", 'Low'],
  ];
  const book = await writeXlsxRulebook(path.join(dir, 'book.xlsx'), { ...trickySheets(), Rules: rules });
  await cli('validate', book, '--now', NOW, '--fail-on', 'none', '--quiet');
  const whole = (await readRulebookFile(book)).grids.find((g) => g.name === 'Results')!.rows;
  const run = (await readRulebookFile(book, { engineSheetsAsValues: true })).grids.find(
    (g) => g.name === 'Results',
  )!.rows;
  // Title is not a column tracking reads: read for tracking only, it would be blank under the header.
  const title = whole[0].indexOf('Title');
  expect(previousResultsColumns(whole[0])).not.toContain(title);
  expect(whole.slice(1).some((row) => row[title] !== null && row[title] !== undefined)).toBe(true);
  expect(sameCells(run, whole)).toBe(true);
});

/** Whether a sheet is one the engine writes (read for its values only). */
const isEngineSheet = (name: string) =>
  GENERATED_SHEET_NAMES.some((n) => normalizeName(n) === normalizeName(name));

/** The Results rows as a run reads them back: the header whole, below it only the columns tracking uses. */
function asTrackingReads(rows: Cell[][]): Cell[][] {
  const keep = new Set(previousResultsColumns(rows[0] ?? []));
  return rows.map((row, r) => (r === 0 ? row : row.map((c, j) => (keep.has(j) ? c : null))));
}

/** The same cells, a missing one and a blank alike. */
function sameCells(a: Cell[][], b: Cell[][]): boolean {
  for (let r = 0; r < Math.max(a.length, b.length); r++)
    for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++)
      if (!isDeepStrictEqual(a[r]?.[c] ?? null, b[r]?.[c] ?? null)) return false;
  return true;
}

const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** A Results and a Run History sheet as openpyxl writes them: dates, times, booleans, a formula, a merge. */
const OPENPYXL_BOOK = `
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Rules"
ws.append(["Rule ID", "Title", "Resource Type", "Field", "Operator", "Expected", "Severity"])
ws.append(["R-1", "A rule", "t", "f", "equals", "x", "High"])
res = wb.create_sheet("Resources")
res.append(["Resource ID", "Type", "f"])
res.append(["r1", "t", "x"])
results = wb.create_sheet("Results")
results.append(["Rule ID", "Resource ID", "First Seen", "Due", "Overdue", "Count", "Note"])
results.append(["R-1", "r1", datetime.datetime(2026, 1, 2), datetime.datetime(2026, 2, 3, 14, 30), True, 3, "a &amp; <b>"])
results.append(["R-1", "r2", datetime.datetime(2025, 12, 31), None, False, "=1+2", "bold plain"])
results.append(["merged", None, None, None, None, 1.5, " spaced "])
results.merge_cells("A4:B4")
history = wb.create_sheet("Run History")
history.append(["Run At", "Checks"])
history.append([datetime.datetime(2026, 1, 1, 9, 0), 10])
wb.save(sys.argv[1])
`;

test('engine sheets an openpyxl workbook holds are read for their values as ExcelJS reads them', async () => {
  const book = path.join(dir, 'openpyxl.xlsx');
  const made = spawnSync(PYTHON, ['-c', OPENPYXL_BOOK, book], { encoding: 'utf8' });
  expect(made.stderr).toBe('');
  const whole = await readRulebookFile(book);
  const full = await loadWorkbook(book, isEngineSheet);
  for (const name of ['Results', 'Run History']) {
    const a = whole.grids.find((g) => g.name === name)!.rows;
    const b = full.values.get(name);
    expect({ name, rows: b }).toEqual({ name, rows: a });
  }
  // A run reads the Results for tracking: Rule ID, Resource ID and First Seen here, not the rest.
  const values = await readRulebookFile(book, { engineSheetsAsValues: true });
  const tracked = values.grids.find((g) => g.name === 'Results')!.rows;
  expect(sameCells(tracked, asTrackingReads(whole.grids.find((g) => g.name === 'Results')!.rows))).toBe(true);
  expect(tracked[1][6] ?? null).toBeNull();
  const results = full.values.get('Results')!;
  expect(results[1][2]).toEqual(new Date('2026-01-02T00:00:00Z'));
  expect(results[1][6]).toBe('a &amp; <b>');
  expect(results[2][6]).toBe('bold plain');
  expect(results[3][1]).toBeNull();
});
