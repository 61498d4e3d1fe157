// The conformance suite against core: hand-written statuses first, then every golden file, byte for byte.
import { listScenarios, loadScenario, previousRunFiles, problemsText, readGoldens, runCore, statusLines, writeGoldens, GOLDEN_SHEETS } from '../helpers/conformance';
import type { ComparableOutput } from '../helpers/conformance';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe.each(listScenarios())('conformance: %s', (name) => {
  const scenario = loadScenario(name);
  let out: ComparableOutput | undefined;
  let failure: unknown;
  beforeAll(() => {
    try {
      out = runCore(scenario);
      if (UPDATE) writeGoldens(scenario, out);
    } catch (err) {
      failure = err;
    }
  });
  const output = (): ComparableOutput => {
    if (failure) throw failure;
    return out as ComparableOutput;
  };

  it('reads its input', () => {
    expect(scenario.inputErrors).toEqual([]);
  });

  if (scenario.previousRun) {
    it(`reads exactly what ${scenario.previousRun} wrote`, () => {
      for (const { input, golden } of previousRunFiles(scenario)) expect(input).toEqual(golden);
    });
  }

  it('gives the hand-written statuses', () => {
    const { expected, actual } = statusLines(scenario.statuses, output().results);
    expect(actual).toEqual(expected);
  });

  it('matches results.json', () => {
    expect(output().results).toEqual(readGoldens(scenario).results);
  });

  it('matches problems.txt', () => {
    expect(problemsText(output().problems)).toEqual(readGoldens(scenario).problems);
  });

  it.each(GOLDEN_SHEETS)('matches %s.csv', (sheet) => {
    expect(output().sheets[sheet]).toEqual(readGoldens(scenario).sheets[sheet]);
  });
});
