// Applies core's patches so no failure loses data: Results and Summary staged then swapped in, Run History appended to.
import { HISTORY_SHEET, type HostPatch, type SheetPatch } from '../../core';
import { utf8Length } from './cells';
import { runSteps, type BatchStats, type Step } from './batches';
import { GENERATED_TAB_COLOR, queueFormat } from './sheet-format';
import { queueSwap, recoverSwaps, stagingName } from './staging';
import { blockBytes, splitBlock, valueBlocks, type ValueBlock } from './write-plan';

/** Estimated bytes a request carries at most: 2 MB, well under Excel on the web's 5 MB. */
export const DEFAULT_BUDGET_BYTES = 2_000_000;
/** Rows below the header a Status column's colours are cleared from (the whole column: it is the engine's). */
const COLUMN_ROWS = 1_048_575;

export interface ApplyOptions {
  /** Worksheet names as read, to know which engine sheets exist already. */
  sheetNames: string[];
  /** Whether Summary holds a trend chart from an earlier run (it goes with the old Summary when the new one is swapped in). */
  hasTrendChart?: boolean;
  /** Run History's rows as read, up to its last non-blank one: core's patch repeats them, only the rest are written. */
  historyRows?: number;
  budgetBytes?: number;
  onProgress?: (fraction: number) => void;
}

function exists(names: string[], sheet: string): boolean {
  return names.some((n) => n.toLowerCase() === sheet.toLowerCase());
}

function valueStep(context: Excel.RequestContext, b: ValueBlock): Step {
  return {
    bytes: blockBytes(b) + 200,
    queue: () => {
      const range = context.workbook.worksheets
        .getItem(b.sheet)
        .getRangeByIndexes(b.row, b.col, b.values.length, b.values[0].length);
      // Formats first: text must land in cells already formatted as Text to stay text.
      range.numberFormat = b.formats;
      range.values = b.values;
    },
    split: (first, rest) => splitBlock(b, first - 200, rest - 200).map((part) => valueStep(context, part)),
  };
}

/** How an engine sheet is written: whole into a staging sheet, appended to, or overwritten where it is. */
type SheetMode = 'staged' | 'append' | 'inPlace';

/**
 * Run History only ever grows. A sheet other sheets' dropdowns point at (Rulesheet Lists) keeps its identity, and
 * holds the same lists every run, so overwriting it in place loses nothing. Everything else is staged.
 */
function sheetMode(p: SheetPatch, patches: HostPatch[]): SheetMode {
  if (p.sheet.toLowerCase() === HISTORY_SHEET.name.toLowerCase()) return 'append';
  const pointedAt = patches.some((q) => q.format?.dropdowns?.some((d) => d.source?.sheet === p.sheet));
  return pointedAt ? 'inPlace' : 'staged';
}

/** The sheet a patch's cells go to: a staged sheet's are written beside the old one. */
function target(p: HostPatch, patches: HostPatch[]): string {
  return p.kind === 'sheet' && sheetMode(p, patches) === 'staged' ? stagingName(p.sheet) : p.sheet;
}

/** Run History's new rows only, at the row after the earlier ones, their number formats moved with them. */
function appendedBlocks(p: SheetPatch, earlier: number): ValueBlock[] {
  if (earlier <= 0) return valueBlocks(p);
  const numberFormats = (p.format.numberFormats ?? [])
    .filter((n) => n.toRow >= earlier)
    .map((n) => ({ ...n, fromRow: Math.max(0, n.fromRow - earlier), toRow: n.toRow - earlier }));
  const added: SheetPatch = { ...p, rows: p.rows.slice(earlier), format: { ...p.format, numberFormats } };
  return valueBlocks(added).map((b) => ({ ...b, row: b.row + earlier }));
}

/**
 * The first request: add a staging sheet for each staged engine sheet and create the others that are missing,
 * hide the lists, clear the Status colours of the Rules sheet, add the user sheets a cells patch creates.
 */
function structureStep(context: Excel.RequestContext, patches: HostPatch[], options: ApplyOptions): Step {
  return {
    bytes: 300 * patches.length,
    queue: () => {
      const sheets = context.workbook.worksheets;
      const added: string[] = [];
      for (const p of patches) {
        if (p.kind === 'cells') {
          if (!exists(options.sheetNames, p.sheet) && !exists(added, p.sheet)) {
            sheets.add(p.sheet);
            added.push(p.sheet);
          }
        } else if (p.kind === 'sheet') {
          const name = target(p, patches);
          const sheet = exists(options.sheetNames, name) ? sheets.getItem(name) : sheets.add(name);
          sheet.tabColor = GENERATED_TAB_COLOR;
          if (p.hidden) sheet.visibility = 'Hidden';
        } else {
          for (const s of p.format.statusColors ?? [])
            sheets.getItem(p.sheet).getRangeByIndexes(1, s.col, COLUMN_ROWS, 1).conditionalFormats.clearAll();
        }
      }
    },
  };
}

function formatStep(context: Excel.RequestContext, p: HostPatch, sheet = p.sheet): Step[] {
  if (!p.format) return [];
  const format = p.format;
  let firstCol = 0;
  let width = 0;
  if (p.kind === 'sheet') width = p.rows[0]?.length ?? 0;
  else if (p.kind === 'columns') {
    firstCol = p.columns.reduce((m, c) => Math.min(m, c.col), Infinity);
    width = p.columns.length;
  } else {
    firstCol = p.col;
    width = p.rows.reduce((m, r) => Math.max(m, r.length), 0);
  }
  return [
    {
      bytes: utf8Length(JSON.stringify(format)) * 2 + 500,
      queue: () => queueFormat(context.workbook.worksheets.getItem(sheet), format, firstCol, width),
    },
  ];
}

/** A cells patch on a sheet the workbook lacks, that does not ask to create it, writes nothing. */
function applies(p: HostPatch, options: ApplyOptions): boolean {
  return p.kind !== 'cells' || p.create === true || exists(options.sheetNames, p.sheet);
}

/** The run stopped part way; what it left was put back to a whole state. */
export class WriteFailed extends Error {
  constructor(readonly cause: unknown) {
    super(
      `Rulesheet could not finish writing (${cause instanceof Error ? cause.message : String(cause)}). Results, ` +
        'Summary and Run History are as they were before this run, or complete from it: nothing was half written. ' +
        'Validate again.',
    );
    this.name = 'WriteFailed';
  }
}

/**
 * Writes the patches in as few requests as their size allows, calculation suspended throughout, in an order that
 * is the transaction: the staged sheets (Results, Summary) and the lists whole, values in chunks under the budget
 * (halved and resent when Excel refuses a request as too large) then formats; then one small request swaps the
 * staged sheets in; then Run History's new rows, the Rules columns and user cells. A failure at any point leaves
 * either the old sheets or the complete new ones (leftovers are put back at once, or by the next run).
 */
export async function applyPatches(
  context: Excel.RequestContext,
  allPatches: HostPatch[],
  options: ApplyOptions,
): Promise<BatchStats> {
  const patches = allPatches.filter((p) => applies(p, options));
  const staged = patches.filter(
    (p): p is SheetPatch => p.kind === 'sheet' && sheetMode(p, patches) !== 'append',
  );
  const rest = patches.filter((p) => !staged.includes(p as SheetPatch));
  const first: Step[] = [structureStep(context, patches, options)];
  for (const p of staged)
    for (const b of valueBlocks({ ...p, sheet: target(p, patches) })) first.push(valueStep(context, b));
  for (const p of staged) for (const s of formatStep(context, p, target(p, patches))) first.push(s);
  const sheets = context.workbook.worksheets;
  // The swap is the first step of the second part: a request refused as too large is resent with it.
  const second: Step[] = [];
  if (staged.length > 0)
    second.push({
      bytes: 500 * staged.length,
      queue: () => {
        for (const p of staged)
          if (sheetMode(p, patches) === 'staged') {
            const at = options.sheetNames.findIndex((n) => n.toLowerCase() === p.sheet.toLowerCase());
            queueSwap(sheets, p.sheet, at >= 0 ? { position: at } : undefined);
          }
      },
    });
  for (const p of rest) {
    const blocks = p.kind === 'sheet' ? appendedBlocks(p, options.historyRows ?? 0) : valueBlocks(p);
    for (const b of blocks) second.push(valueStep(context, b));
  }
  for (const p of rest) for (const s of formatStep(context, p)) second.push(s);
  const budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const firstBytes = first.reduce((n, s) => n + s.bytes, 0);
  const total = firstBytes + second.reduce((n, s) => n + s.bytes, 0) || 1;
  const suspend = () => context.application.suspendApiCalculationUntilNextSync();
  try {
    const a = await runSteps(context, first, budget, suspend, (done) => options.onProgress?.(done / total));
    const b = await runSteps(context, second, a.budget, suspend, (d) =>
      options.onProgress?.((firstBytes + d) / total),
    );
    return { syncs: a.syncs + b.syncs, halvings: a.halvings + b.halvings, budget: b.budget };
  } catch (error) {
    try {
      await recoverSwaps(context);
    } catch {
      // The next run puts back what this one could not.
    }
    throw new WriteFailed(error);
  }
}
