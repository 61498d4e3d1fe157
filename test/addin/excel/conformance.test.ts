// The conformance suite through the Excel adapter on the fake workbook: same results, problems and sheets as core.
import { validateWorkbook, type WorkbookRun } from '../../../addin/excel/validate';
import { fromCsvCell, parseCsv, toCsv } from '../../../cli/io/csv';
import type { Cell } from '../../../core/types';
import { createFakeExcel, FakeWorkbook } from '../../fakes/excel';
import { formulaCells, sheetCells } from '../../fakes/excel/read-back';
import { GOLDEN_SHEETS, listScenarios, loadScenario, runCore, toRecord } from '../../helpers/conformance';
import type { ComparableOutput } from '../../helpers/conformance';

/** A spreadsheet has no ragged rows: compare CSV text without trailing blank cells and rows. */
function squared(rows: readonly (readonly Cell[])[]): string {
  const trimmed = rows.map((r) => {
    const row = [...r];
    while (row.length > 0 && (row[row.length - 1] === null || row[row.length - 1] === '')) row.pop();
    return row;
  });
  while (trimmed.length > 0 && trimmed[trimmed.length - 1].length === 0) trimmed.pop();
  return toCsv(trimmed);
}

function squaredCsv(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const rows = parseCsv(text, 'golden').rows.map((r) =>
    r.map((c) => (typeof c === 'string' ? fromCsvCell(c) : c)),
  );
  return squared(rows);
}

describe.each(listScenarios())('Excel adapter conformance: %s', (name) => {
  const scenario = loadScenario(name);
  const book = new FakeWorkbook();
  let run: WorkbookRun;
  // Core is the reference (the core suite holds core to the golden files): the adapter must give exactly what it gives.
  let core: ComparableOutput;

  beforeAll(async () => {
    core = runCore(scenario);
    for (const g of scenario.grids) book.seed(g.name, g.rows);
    run = await createFakeExcel(book).run((ctx) => validateWorkbook(ctx, scenario.now));
  });

  it('gives core’s results', () => {
    expect(run.output.results.map(toRecord)).toEqual(core.results);
  });

  it('gives core’s problems', () => {
    expect(run.problems).toEqual(core.problems);
  });

  it.each(GOLDEN_SHEETS)('leaves %s as core’s patches describe it', (sheet) => {
    const cells = sheetCells(book, sheet);
    expect(cells === undefined ? undefined : squared(cells)).toEqual(squaredCsv(core.sheets[sheet]));
  });

  it('turns no text into a formula', () => {
    expect(formulaCells(book)).toEqual([]);
  });
});
