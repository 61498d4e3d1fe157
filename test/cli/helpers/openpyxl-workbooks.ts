// Runs openpyxl-workbooks.py: a rulebook made by openpyxl, and a snapshot of a workbook as openpyxl reads it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SHEETS } from './rulebook';

const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const SCRIPT = path.join(__dirname, 'openpyxl-workbooks.py');

function python(args: string[]): string {
  const run = spawnSync(PYTHON, [SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    const last = (run.stderr ?? '').trim().split('\n').pop() ?? String(run.error);
    throw new Error(
      `openpyxl-workbooks.py ${args[0]} failed (python3-openpyxl installed, as .ci/run does?): ${last}`,
    );
  }
  return run.stdout;
}

/** Runs one of the script's makers on the test rulebook (SHEETS), handed over as a JSON file beside `file`. */
function makeRulebook(maker: string, file: string, extra: string[] = []): void {
  const sheets = path.join(path.dirname(file), 'sheets.json');
  fs.writeFileSync(sheets, JSON.stringify(SHEETS));
  try {
    python([maker, file, sheets, ...extra]);
  } finally {
    fs.rmSync(sheets);
  }
}

/** The test rulebook (SHEETS) dressed by openpyxl: a user sheet with formulas, links, a merge, notes, dropdowns and, when asked, a chart; a hidden and a protected sheet. */
export function makeOpenpyxlRulebook(file: string, options: { chart: boolean }): void {
  makeRulebook('make', file, [options.chart ? 'chart' : 'nochart']);
}

/** The test rulebook (SHEETS) with print areas and titles on Rules and Resources and a workbook-wide name. */
export function makeNamedRulebook(file: string): void {
  makeRulebook('named', file);
}

/** The test rulebook (SHEETS) with its Resources and Rules sheets formatted: fonts, fills, borders, number and date formats, a merge, frozen panes, widths, conditional formats, a dropdown. */
export function makeDressedRulebook(file: string): void {
  makeRulebook('dressed', file);
}

/** The test rulebook (SHEETS) with Resources formatted as an Excel table holding a link, and a user sheet with a table of its own. */
export function makeTabledRulebook(file: string): void {
  makeRulebook('tabled', file);
}

export interface OpenpyxlSnapshotSheet {
  name: string;
  state: string;
  protected: boolean;
  merges: string[];
  validations: (string | null)[][];
  charts: string[];
  /** Excel tables: name, range, style. */
  tables: (string | null)[][];
  freeze: string | null;
  conditional: unknown[];
  widths: Record<string, number>;
  cells: Record<string, Record<string, unknown>>;
}

/** Every sheet as openpyxl reads it (throws when openpyxl refuses the file). */
export function openpyxlSnapshot(file: string): OpenpyxlSnapshotSheet[] {
  return JSON.parse(python(['snapshot', file])) as OpenpyxlSnapshotSheet[];
}
