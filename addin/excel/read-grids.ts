// Reads the sheets core needs as grids: one sync to list sheets, one to load them all, one more only for cross-sheet lists.
import {
  type Cell,
  type Grid,
  HISTORY_SHEET,
  columnRuns,
  normalizeName,
  OWNERS_SHEET,
  previousResultsColumns,
  referencedSheets,
  RESOURCES_PREFIX,
  RESULTS_SHEET,
  RULES_SHEET,
  SETTINGS_SHEET,
  WAIVERS_SHEET,
} from '../../core';
import { GENERAL_FORMAT, readCell } from './cells';
import { isPayloadError, isReadTooLarge } from './payload';
import { TREND_CHART_NAME } from './sheet-format';
import { queueRecovery } from './staging';

const names = (sheet: { name: string; aliases: readonly string[] }) =>
  [sheet.name, ...sheet.aliases].map(normalizeName);

/** Sheets core reads, by normalized name (core's names and aliases); every sheet starting with `Resources` too. */
const CORE_SHEETS = new Set(
  [RULES_SHEET, WAIVERS_SHEET, OWNERS_SHEET, SETTINGS_SHEET, RESULTS_SHEET, HISTORY_SHEET].flatMap(names),
);
const RULES_SHEETS = new Set(names(RULES_SHEET));
const RESULTS_SHEETS = new Set(names(RESULTS_SHEET));
const SUMMARY_SHEET = normalizeName('Summary');

/** Cells a chunked read takes per request when one request for everything is too large. */
const READ_CELL_BUDGET = 200_000;

/**
 * Columns of Results' first row read beside its size, before anything else of it: the engine writes 18, people add
 * a few. A Results wider than this, or not starting at A1, is read whole.
 */
const RESULTS_HEAD_COLUMNS = 64;

export interface ReadOptions {
  /**
   * Read the last Results for tracking only: its first row, then below it the columns core's tracking uses (Rule
   * ID, Resource ID, Resource Type, Status, First Seen), its other cells left blank. A large Results is most of what
   * a re-run reads: hundreds of thousands of rows, chunked into many requests when read whole.
   */
  resultsForTracking?: boolean;
}

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

export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<WorkbookRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const listed = worksheets.items.map((w) => w.name);
  // A run stopped part way may have left a staged or retired sheet: put it back before Results is read.
  const sheetNames = queueRecovery(worksheets, listed);
  if (sheetNames.length !== listed.length || sheetNames.some((n, i) => n !== listed[i])) await context.sync();

  const wanted = sheetNames.filter(isCoreSheet);
  const summary = sheetNames.find((n) => normalizeName(n) === SUMMARY_SHEET);
  const results = options.resultsForTracking
    ? wanted.find((n) => RESULTS_SHEETS.has(normalizeName(n)))
    : undefined;
  let charts = summary ? worksheets.getItem(summary).charts.load('items/name') : undefined;
  let head = results ? queueResultsHead(context, results) : undefined;
  const blocks = await loadSheets(
    context,
    wanted.filter((n) => n !== results),
    () => {
      // The request that carried these loads was refused as too large: ask again with the chunked reads.
      charts = summary ? worksheets.getItem(summary).charts.load('items/name') : undefined;
      head = results ? queueResultsHead(context, results) : undefined;
    },
  );
  const hasTrendChart = charts ? charts.items.some((c) => c.name === TREND_CHART_NAME) : false;

  const rulesName = wanted.find((n) => RULES_SHEETS.has(normalizeName(n)));
  const refs = rulesName
    ? referencedSheets({ name: rulesName, rows: blockToRows(blocks.get(rulesName)) })
    : [];
  if (results && head) {
    // A rule that lists a column of Results reads it as a list: then it is read whole.
    const block = refs.includes(normalizeName(results))
      ? (await loadSheets(context, [results])).get(results)
      : await trackingBlock(context, results, head);
    blocks.set(results, block);
  }
  const extra = sheetNames.filter((n) => !wanted.includes(n) && refs.includes(normalizeName(n)));
  if (extra.length > 0) for (const [name, block] of await loadSheets(context, extra)) blocks.set(name, block);

  const grids = sheetNames.map((name) => ({ name, rows: blockToRows(blocks.get(name)) }));
  return { grids, loaded: [...wanted, ...extra], sheetNames, hasTrendChart };
}

/** Results' size and the start of its first row, loaded in the request that reads the other sheets. */
interface ResultsHead {
  size: Excel.Range;
  first: Excel.Range;
}

function queueResultsHead(context: Excel.RequestContext, name: string): ResultsHead {
  const sheet = context.workbook.worksheets.getItem(name);
  return {
    size: sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
    first: sheet.getRangeByIndexes(0, 0, 1, RESULTS_HEAD_COLUMNS).load('values,numberFormat'),
  };
}

/**
 * The last Results as a block of its used range's size: the first row whole, and below it the columns tracking
 * reads, each run of adjacent ones in one area (chunked like any large read); the other cells are blank.
 */
async function trackingBlock(
  context: Excel.RequestContext,
  name: string,
  head: ResultsHead,
): Promise<Block | undefined> {
  if (head.size.isNullObject) return undefined;
  const { rowIndex, columnIndex, rowCount, columnCount } = head.size;
  const width = columnIndex + columnCount;
  if (rowIndex !== 0 || width > RESULTS_HEAD_COLUMNS) return (await loadSheets(context, [name])).get(name);
  const values: unknown[][] = [head.first.values[0].slice(0, width)];
  const numberFormat: unknown[][] = [head.first.numberFormat[0].slice(0, width)];
  for (let r = 1; r < rowCount; r++) {
    values.push(new Array<unknown>(width).fill(''));
    numberFormat.push(new Array<unknown>(width).fill(GENERAL_FORMAT));
  }
  const header = values[0].map((v, c) => readCell(v, numberFormat[0][c]));
  // A header alone has nothing under it to read.
  const runs = rowCount > 1 ? columnRuns(previousResultsColumns(header)) : [];
  const areas: Chunk[] = runs.map(({ from, count }) => ({
    sheet: name,
    row: 1,
    col: from,
    rows: rowCount - 1,
    cols: count,
  }));
  for (const piece of await loadChunks(context, areas))
    piece.values.forEach((line, r) =>
      line.forEach((v, k) => {
        values[piece.row + r][piece.col + k] = v;
        numberFormat[piece.row + r][piece.col + k] = piece.numberFormat[r]?.[k];
      }),
    );
  return { values, numberFormat, rowIndex: 0, columnIndex: 0 };
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
    if (!isReadTooLarge(err)) throw err;
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
  const chunks: Chunk[] = [];
  names.forEach((sheet, i) => {
    const s = sizes[i];
    if (s.isNullObject) return out.set(sheet, undefined);
    out.set(sheet, { values: [], numberFormat: [], rowIndex: s.rowIndex, columnIndex: s.columnIndex });
    chunks.push({ sheet, row: s.rowIndex, col: s.columnIndex, rows: s.rowCount, cols: s.columnCount });
  });
  for (const piece of await loadChunks(context, chunks)) {
    const block = out.get(piece.sheet) as Block;
    for (const row of piece.values) block.values.push(row);
    for (const row of piece.numberFormat) block.numberFormat.push(row);
  }
  return out;
}

/** A chunk's cells as read. */
interface Piece extends Chunk {
  values: unknown[][];
  numberFormat: unknown[][];
}

/**
 * Areas read in requests under a cell budget, the budget halved on a payload error; an area too large for one
 * request is split by rows. The pieces come back in the areas' order, each area's rows top to bottom.
 */
async function loadChunks(context: Excel.RequestContext, areas: Chunk[]): Promise<Piece[]> {
  const out: Piece[] = [];
  let pending = [...areas];
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
    batch.forEach((c, i) =>
      out.push({ ...c, values: ranges[i].values, numberFormat: ranges[i].numberFormat }),
    );
  }
  return out;
}

/** Puts a failed batch back in front of what is left, rejoining a sheet's split chunk. */
function mergeBack(batch: Chunk[], pending: Chunk[]): Chunk[] {
  const rest = [...pending];
  const last = batch[batch.length - 1];
  const next = rest[0];
  if (
    next !== undefined &&
    next.sheet === last.sheet &&
    next.col === last.col &&
    next.cols === last.cols &&
    next.row === last.row + last.rows
  ) {
    rest[0] = { ...last, rows: last.rows + rest[0].rows };
    return [...batch.slice(0, -1), ...rest];
  }
  return [...batch, ...rest];
}
