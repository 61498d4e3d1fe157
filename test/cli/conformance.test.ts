// The conformance suite through the command line: a CSV folder in (an .xlsx where a scenario needs typed cells),
// the JSON report and the generated sheets out, identical to core's.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { run } from '../../cli/main';
import { readRulebookFile } from '../../cli/io/rulebook-file';
import type { Grid } from '../../core';
import {
  GOLDEN_SHEETS,
  listScenarios,
  loadScenario,
  runCore,
  squared,
  type Scenario,
} from '../helpers/conformance';

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } } as unknown as Parameters<
  typeof run
>[1];

function typed(s: Scenario): boolean {
  return /"cellTypes"/.test(fs.readFileSync(path.join(s.dir, 'scenario.json'), 'utf8'));
}

async function writeXlsx(file: string, grids: Grid[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const g of grids) {
    const sheet = book.addWorksheet(g.name);
    for (const row of g.rows) sheet.addRow(row.map((c) => (c === null ? null : c)));
  }
  await book.xlsx.writeFile(file);
}

describe.each(listScenarios())('CLI conformance: %s', (name) => {
  const scenario = loadScenario(name);
  const core = runCore(scenario);
  let report: {
    results: Record<string, unknown>[];
    problems: { sheet: string; cell: string; message: string }[];
  };
  let sheets: Partial<Record<string, string>>;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-cli-conf-'));
    const reportFile = path.join(dir, 'report.json');
    let book: string;
    if (typed(scenario)) {
      book = path.join(dir, 'book.xlsx');
      await writeXlsx(book, scenario.grids);
    } else {
      book = path.join(dir, 'book');
      fs.cpSync(path.join(scenario.dir, 'input'), book, { recursive: true });
    }
    const argv = [
      'validate',
      book,
      '--now',
      scenario.now.toISOString(),
      '--format',
      'json',
      '--report',
      reportFile,
      '--quiet',
    ];
    const code = await run(argv, quiet);
    expect([0, 1]).toContain(code);
    report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    const written = await readRulebookFile(book);
    sheets = {};
    for (const sheet of GOLDEN_SHEETS) {
      const g = written.grids.find((x) => x.name.toLowerCase() === sheet.toLowerCase());
      if (g) sheets[sheet] = squared(g.rows);
    }
  });

  it('reports core’s results', () => {
    const pick = (r: Record<string, unknown>) =>
      [
        r.ruleId,
        r.resourceId ?? '',
        r.resourceType ?? '',
        r.status,
        r.severity,
        r.fixOwner ?? '',
        r.field ?? '',
        r.expected ?? '',
        r.actual ?? '',
        r.message ?? '',
      ].join(' | ');
    expect(report.results.map(pick)).toEqual(
      core.results.map((r) => pick(r as unknown as Record<string, unknown>)),
    );
  });

  it('reports core’s problems', () => {
    expect(report.problems.length).toBe(core.problems.length);
    core.problems.forEach((line, i) => expect(line).toContain(report.problems[i].message));
  });

  it.each(GOLDEN_SHEETS)('writes %s as core does', (sheet) => {
    expect(sheets[sheet]).toEqual(squared(core.sheets[sheet]));
  });
});
