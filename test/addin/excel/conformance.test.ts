// The conformance suite through the Excel adapter on the fake workbook: same results, problems and sheets as core.
import { validateWorkbook, type WorkbookRun } from '../../../addin/excel/validate';
import { createFakeExcel, FakeWorkbook } from '../../../testkit/excel';
import { formulaCells, sheetCells } from '../../../testkit/excel/read-back';
import {
  GOLDEN_SHEETS,
  listScenarios,
  loadScenario,
  runCore,
  squared,
  toRecord,
} from '../../helpers/conformance';
import type { ComparableOutput } from '../../helpers/conformance';

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
    expect(run.output.results.toArray().map(toRecord)).toEqual(core.results);
  });

  it('gives core’s problems', () => {
    expect(run.problems).toEqual(core.problems);
  });

  it.each(GOLDEN_SHEETS)('leaves %s as core’s patches describe it', (sheet) => {
    const cells = sheetCells(book, sheet);
    expect(squared(cells)).toEqual(squared(core.sheets[sheet]));
  });

  it('turns no text into a formula', () => {
    expect(formulaCells(book)).toEqual([]);
  });
});
