// A run whose sheets are read in halves writes the same workbook, over runs in place, as one reading each whole.
import * as fs from 'fs';
import * as path from 'path';
import * as halves from '../../cli/io/xlsx-values-halves';
import { makeDressedRulebook, openpyxlSnapshot } from './helpers/openpyxl-workbooks';
import { cli, NOW, tempDir } from './helpers/rulebook';
import { sheetPart } from './helpers/xlsx-parts';

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-halves-run-');
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const original = halves.sheetValuesInHalves;

/** Runs validate three times in place on a dressed rulebook, every sheet read in halves or every one whole. */
async function threeRuns(
  name: string,
  fromBytes: number,
): Promise<{ snapshot: unknown; told: string[]; part: Buffer }> {
  const told: string[] = [];
  jest.spyOn(halves, 'sheetValuesInHalves').mockImplementation((chunks, ctx, part, columnsOf, options) =>
    original(chunks, ctx, part, columnsOf, {
      ...options,
      fromBytes,
      told: (how) => told.push(`${part} ${how}`),
    }),
  );
  const book = path.join(dir, name);
  makeDressedRulebook(book);
  for (let run = 0; run < 3; run++) {
    const result = await cli('validate', book, '--now', NOW, '--quiet', '--fail-on', 'none');
    expect(result.stderr).toBe('');
  }
  jest.restoreAllMocks();
  return { snapshot: openpyxlSnapshot(book), told, part: await sheetPart(book, 'Resources') };
}

test('Resources (kept) and the Results read back (values only) in halves: the same workbook, byte for byte where kept', async () => {
  const split = await threeRuns('halves.xlsx', 0);
  const whole = await threeRuns('whole.xlsx', Number.POSITIVE_INFINITY);
  // Each run read the kept Resources sheet in halves; the runs after the first read their Results back in halves too.
  expect(split.told.filter((t) => t.endsWith(' halves')).length).toBeGreaterThanOrEqual(5);
  expect(split.told.filter((t) => t.endsWith(' whole'))).toEqual([]);
  expect(whole.told.every((t) => t.endsWith(' whole'))).toBe(true);
  expect(split.snapshot).toEqual(whole.snapshot);
  expect(split.part.equals(whole.part)).toBe(true);
}, 120_000);
