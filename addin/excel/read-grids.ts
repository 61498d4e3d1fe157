// Reads the sheets core needs as grids: one sync to list sheets, one to load them all, one more only for cross-sheet lists.
import {
  type Cell,
  type Grid,
  HISTORY_SHEET,
  normalizeName,
  OWNERS_SHEET,
  parseSheetRef,
  RESOURCES_PREFIX,
  RESULTS_SHEET,
  RULES_SHEET,
  SETTINGS_SHEET,
  WAIVERS_SHEET,
} from '../../core';
import { readCell } from './cells';
import { isPayloadError } from './payload';
import { TREND_CHART_NAME } from './sheet-format';
import { queueRecovery } from './staging';

const names = (sheet: { name: string; aliases: readonly string[] }) =>
  [sheet.name, ...sheet.aliases].map(normalizeName);

/** Sheets core reads, by normalized name (core's names and aliases); every sheet starting with `Resources` too. */
const CORE_SHEETS = new Set(
  [RULES_SHEET, WAIVERS_SHEET, OWNERS_SHEET, SETTINGS_SHEET, RESULTS_SHEET, HISTORY_SHEET].flatMap(names),
);
const RULES_SHEETS = new Set(names(RULES_SHEET));
const SUMMARY_SHEET = normalizeName('Summary');

/** Cells a chunked read takes per request when one request for everything is too large. */
const READ_CELL_BUDGET = 200_000;

export interface WorkbookRead {
  /** Every worksheet in tab order; sheets core does not need come as empty grids (their names still count for suggestions). */
  grids: Grid[];
  /** Names of the sheets whose cells were read. */
  loaded: string[];
  /** Worksheet names as they are in the workbook. */
  sheetNames: string[];
  /** Whether the Summary sheet already has the trend chart (it is replaced, not duplicated). */
  hasTrendChart: boolean;
}

interface Block {
  values: unknown[][];
  numberFormat: unknown[][];
  rowIndex: number;
  columnIndex: number;
}

export function isCoreSheet(name: string): boolean {
  const key = normalizeName(name);
  return CORE_SHEETS.has(key) || key.startsWith(RESOURCES_PREFIX);
}

/** Sheet names the Rules cells refer to as core reads them (`'Approved Images'!Image`, `Registries!Name`), normalized. */
export function referencedSheets(grid: Grid): string[] {
  const found = new Set<string>();
  for (const row of grid.rows)
    for (const cell of row) {
      if (typeof cell !== 'string' || !cell.includes('!')) continue;
      const ref = parseSheetRef(cell);
      if (ref) found.add(normalizeName(ref.sheet));
    }
  return [...found];
}

/** A block read from the top-left used cell, placed so that row and column indexes are the sheet's (A1 is [0][0]). */
export function blockToRows(block: Block | undefined): Cell[][] {
  if (!block) return [];
  const rows: Cell[][] = [];
  for (let r = 0; r < block.rowIndex; r++) rows.push([]);
  const pad: Cell[] = new Array(block.columnIndex).fill(null);
  block.values.forEach((line, r) => {
    const formats = block.numberFormat[r] ?? [];
    rows.push(pad.concat(line.map((v, c) => readCell(v, formats[c]))));
  });
  return rows;
}

export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const listed = worksheets.items.map((w) => w.name);
  // A run stopped part way may have left a staged or retired sheet: put it back before Results is read.
  const sheetNames = queueRecovery(worksheets, listed);
  if (sheetNames.length !== listed.length || sheetNames.some((n, i) => n !== listed[i])) await context.sync();

  const wanted = sheetNames.filter(isCoreSheet);
  const summary = sheetNames.find((n) => normalizeName(n) === SUMMARY_SHEET);
  let charts = summary ? worksheets.getItem(summary).charts.load('items/name') : undefined;
  const blocks = await loadSheets(context, wanted, () => {
    // The request that carried the chart load was refused as too large: ask again with the chunked reads.
    charts = summary ? worksheets.getItem(summary).charts.load('items/name') : undefined;
  });
  const hasTrendChart = charts ? charts.items.some((c) => c.name === TREND_CHART_NAME) : false;

  const rulesName = wanted.find((n) => RULES_SHEETS.has(normalizeName(n)));
  const refs = rulesName
    ? referencedSheets({ name: rulesName, rows: blockToRows(blocks.get(rulesName)) })
    : [];
  const extra = sheetNames.filter((n) => !wanted.includes(n) && refs.includes(normalizeName(n)));
  if (extra.length > 0) for (const [name, block] of await loadSheets(context, extra)) blocks.set(name, block);

  const grids = sheetNames.map((name) => ({ name, rows: blockToRows(blocks.get(name)) }));
  return { grids, loaded: [...wanted, ...extra], sheetNames, hasTrendChart };
}

/** Used ranges (values and number formats) of the named sheets: in one request, or in chunks when that is too large. */
async function loadSheets(
  context: Excel.RequestContext,
  names: string[],
  onRetry: () => void = () => undefined,
): Promise<Map<string, Block | undefined>> {
  const ranges = names.map((name) =>
    context.workbook.worksheets
      .getItem(name)
      .getUsedRangeOrNullObject(true)
      .load('values,numberFormat,rowIndex,columnIndex'),
  );
  try {
    await context.sync();
  } catch (err) {
    if (!isPayloadError(err)) throw err;
    onRetry();
    return loadSheetsInChunks(context, names);
  }
  return new Map(names.map((name, i) => [name, ranges[i].isNullObject ? undefined : ranges[i]]));
}

interface Chunk {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The fallback for big sheets: sizes first, then row chunks under a cell budget, halved on a payload error. */
async function loadSheetsInChunks(
  context: Excel.RequestContext,
  names: string[],
): Promise<Map<string, Block | undefined>> {
  const sizes = names.map((name) =>
    context.workbook.worksheets
      .getItem(name)
      .getUsedRangeOrNullObject(true)
      .load('rowIndex,columnIndex,rowCount,columnCount'),
  );
  await context.sync();
  const out = new Map<string, Block | undefined>();
  let pending: Chunk[] = [];
  names.forEach((sheet, i) => {
    const s = sizes[i];
    if (s.isNullObject) return out.set(sheet, undefined);
    out.set(sheet, { values: [], numberFormat: [], rowIndex: s.rowIndex, columnIndex: s.columnIndex });
    pending.push({ sheet, row: s.rowIndex, col: s.columnIndex, rows: s.rowCount, cols: s.columnCount });
  });
  let budget = READ_CELL_BUDGET;
  while (pending.length > 0) {
    const batch: Chunk[] = [];
    let cells = 0;
    while (pending.length > 0) {
      const c = pending[0];
      let fit = Math.floor((budget - cells) / c.cols);
      if (fit < 1) {
        if (batch.length > 0) break;
        fit = 1;
      }
      if (c.rows <= fit) {
        batch.push(pending.shift() as Chunk);
        cells += c.rows * c.cols;
        continue;
      }
      batch.push({ ...c, rows: fit });
      pending[0] = { ...c, row: c.row + fit, rows: c.rows - fit };
      break;
    }
    const ranges = batch.map((c) =>
      context.workbook.worksheets
        .getItem(c.sheet)
        .getRangeByIndexes(c.row, c.col, c.rows, c.cols)
        .load('values,numberFormat'),
    );
    try {
      await context.sync();
    } catch (err) {
      if (!isPayloadError(err) || budget <= 1) throw err;
      budget = Math.floor(budget / 2);
      pending = mergeBack(batch, pending);
      continue;
    }
    batch.forEach((c, i) => {
      const block = out.get(c.sheet) as Block;
      for (const row of ranges[i].values) block.values.push(row);
      for (const row of ranges[i].numberFormat) block.numberFormat.push(row);
    });
  }
  return out;
}

/** Puts a failed batch back in front of what is left, rejoining a sheet's split chunk. */
function mergeBack(batch: Chunk[], pending: Chunk[]): Chunk[] {
  const rest = [...pending];
  const last = batch[batch.length - 1];
  if (rest.length > 0 && rest[0].sheet === last.sheet && rest[0].row === last.row + last.rows) {
    rest[0] = { ...last, rows: last.rows + rest[0].rows };
    return [...batch.slice(0, -1), ...rest];
  }
  return [...batch, ...rest];
}
