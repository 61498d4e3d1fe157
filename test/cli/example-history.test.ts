// The bundled example's history reads true: its earlier Results and Run History agree with each other and with the
// example's run, and the workbook it writes holds the earlier rows typed like this run's.
import * as fs from 'fs';
import * as path from 'path';
import { cellDate, cellText, validate } from '../../core';
import { readCsvFolder } from '../../cli/io/csv';
import { cli, NOW, readXlsx, tempDir } from './helpers/rulebook';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'acme');

function example() {
  const { grids, errors } = readCsvFolder(EXAMPLE);
  expect(errors).toEqual([]);
  const sheet = (name: string) => grids.find((g) => g.name === name)?.rows ?? [];
  return { grids, history: sheet('Run History'), results: sheet('Results') };
}

test('the earlier Results hold as many failures as the last Run History row says', () => {
  const { history, results } = example();
  const header = history[0].map(cellText);
  const last = history.filter((r) => r[header.indexOf('Business Unit')] === 'All').pop() as string[];
  const status = results[0].map(cellText).indexOf('Status');
  const failing = results.slice(1).filter((r) => r[status] === 'FAIL').length;
  expect(failing).toBeGreaterThan(0);
  expect(Number(last[header.indexOf('Failing')])).toBe(failing);
});

test("the example's run counts new and fixed failures that add up to the change since the last run", () => {
  const { grids, history } = example();
  const header = history[0].map(cellText);
  const last = history.filter((r) => r[header.indexOf('Business Unit')] === 'All').pop() as string[];
  const before = Number(last[header.indexOf('Failing')]);
  const run = validate(grids, { now: new Date(NOW) });
  const { failing, newFailures, fixed } = run.summary;
  expect(failing).toBeLessThan(before);
  expect(before - fixed + newFailures).toBe(failing);
  expect(newFailures).toBeLessThan(failing / 2);
  expect(fixed).toBeGreaterThan(0);
});

test('Run History dates and pass rates are written as a person reads them, and each reads as its type', () => {
  const { history } = example();
  const header = history[0].map(cellText);
  for (const row of history.slice(1)) {
    expect(cellDate(row[header.indexOf('Run At')])).toBeInstanceOf(Date);
    expect(row[header.indexOf('Run At')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(row[header.indexOf('Pass Rate')]).toMatch(/^\d{1,3}\.\d%$/);
  }
});

test("the written workbook's Run History has dates and numbers in every row, earlier ones included", async () => {
  const dir = tempDir('rulesheet-example-history-');
  try {
    const out = path.join(dir, 'acme.xlsx');
    const run = await cli('validate', EXAMPLE, '--now', NOW, '--out', out, '--fail-on', 'none');
    expect(run.code).toBe(0);
    const ws = (await readXlsx(out)).getWorksheet('Run History');
    if (!ws) throw new Error('no Run History sheet');
    expect(ws.rowCount).toBeGreaterThan(7);
    for (let r = 2; r <= ws.rowCount; r++) {
      expect(ws.getCell(r, 1).value).toBeInstanceOf(Date);
      expect(ws.getCell(r, 1).numFmt).toBe('yyyy-mm-dd hh:mm');
      expect(typeof ws.getCell(r, 7).value).toBe('number');
      expect(typeof ws.getCell(r, 10).value).toBe('number');
      expect(ws.getCell(r, 10).numFmt).toBe('0.0%');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
