// Host limits checked on the write plans before the first write: a run that would not fit writes nothing.
import { cellTooLong, tooManyCells } from './messages';
import { formatRows, sheetMode } from './apply';
import type { WritePlan } from './plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const MAX_CELLS = 10_000_000;
export const MAX_CELL_CHARS = 50_000;
/** The rows and columns of a sheet Apps Script inserts. */
const NEW_ROWS = 1000;
const NEW_COLS = 26;

function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Cells a plan adds at its largest moment: a staged sheet is whole beside the old one until the swap. */
function addedCells(ss: Spreadsheet, plan: WritePlan, plans: readonly WritePlan[]): number {
  let rows: number;
  let width: number;
  if (plan.kind === 'sheet') {
    rows = Math.max(plan.values.length, formatRows(plan));
    width = plan.width;
  } else if (plan.kind === 'columns') {
    rows = plan.blocks.reduce((m, b) => Math.max(m, b.values.length), formatRows(plan));
    width = plan.blocks.reduce((m, b) => Math.max(m, b.col + (b.values[0]?.length ?? 0)), 0);
  } else {
    rows = Math.max(plan.height, formatRows(plan));
    width = plan.width;
  }
  const existing = ss.getSheetByName(plan.sheet);
  if (!existing || (plan.kind === 'sheet' && sheetMode(plan, plans) === 'staged'))
    return Math.max(rows, NEW_ROWS) * Math.max(width, NEW_COLS);
  const [maxRows, maxCols] = [existing.getMaxRows(), existing.getMaxColumns()];
  return Math.max(rows, maxRows) * Math.max(width, maxCols) - maxRows * maxCols;
}

/** The first over-long text in the plans, as a message naming its cell. */
function longText(plans: readonly WritePlan[]): string | undefined {
  const check = (sheet: string, row: number, col: number, values: unknown[][]) => {
    for (let r = 0; r < values.length; r++)
      for (let c = 0; c < values[r].length; c++) {
        const v = values[r][c];
        // Text is written with a leading apostrophe that Sheets does not store.
        const length = typeof v === 'string' ? v.length - (v.startsWith("'") ? 1 : 0) : 0;
        if (length > MAX_CELL_CHARS)
          return cellTooLong(`${sheet}!${columnName(col + c)}${row + r + 1}`, length, MAX_CELL_CHARS);
      }
    return undefined;
  };
  for (const plan of plans) {
    const blocks =
      plan.kind === 'sheet'
        ? [{ row: 0, col: 0, values: plan.values }]
        : plan.kind === 'columns'
          ? plan.blocks.map((b) => ({ row: 0, col: b.col, values: b.values }))
          : plan.blocks;
    for (const b of blocks) {
      const found = check(plan.sheet, b.row, b.col, b.values);
      if (found) return found;
    }
  }
  return undefined;
}

/** Why these plans cannot be written within Google's limits, or undefined when they can. */
export function overLimit(ss: Spreadsheet, plans: readonly WritePlan[]): string | undefined {
  const long = longText(plans);
  if (long) return long;
  const used = ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
  const peak = used + plans.reduce((n, p) => n + addedCells(ss, p, plans), 0);
  return peak > MAX_CELLS ? tooManyCells(peak, MAX_CELLS) : undefined;
}
