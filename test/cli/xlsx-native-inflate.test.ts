// unzipper inflates the shared strings and the kept sheets natively; when it cannot open a package, JSZip reads them alike.
import * as fs from 'fs';
import * as path from 'path';
import * as unzipper from 'unzipper';
import { NOW, SHEETS, cli, tempDir, writeXlsxRulebook } from './helpers/rulebook';
import { openpyxlRead } from './helpers/openpyxl';

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-native-inflate-');
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Validates a copy of the rulebook and returns every sheet's cells as openpyxl reads them. */
async function validatedCells(name: string): Promise<unknown> {
  const book = await writeXlsxRulebook(path.join(dir, name), SHEETS);
  const run = await cli('validate', book, '--now', NOW, '--fail-on', 'none', '--quiet');
  expect(run.stderr).toBe('');
  return openpyxlRead(book, { cells: true }).map((s) => ({ name: s.name, cells: s.cells }));
}

test('a package unzipper cannot open is read by JSZip, with the same texts and the same output', async () => {
  const native = await validatedCells('native.xlsx');
  const open = jest.spyOn(unzipper.Open, 'buffer').mockRejectedValue(new Error('unsupported zip'));
  const fallback = await validatedCells('fallback.xlsx');
  expect(open).toHaveBeenCalled();
  expect(fallback).toEqual(native);
});
