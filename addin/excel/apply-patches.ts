// Applies core's patches to the workbook: engine sheets reset and rewritten, Rules columns and user cells written, formats last.
import type { HostPatch } from '../../core';
import { utf8Length } from './cells';
import { runSteps, type BatchStats, type Step } from './batches';
import { GENERATED_TAB_COLOR, queueFormat, queueReset } from './sheet-format';
import { blockBytes, splitBlock, valueBlocks, type ValueBlock } from './write-plan';

/** Estimated bytes a request carries at most: 2 MB, well under Excel on the web's 5 MB. */
export const DEFAULT_BUDGET_BYTES = 2_000_000;
/** Rows below the header a Status column's colours are cleared from (the whole column: it is the engine's). */
const COLUMN_ROWS = 1_048_575;

export interface ApplyOptions {
  /** Worksheet names as read, to know which engine sheets exist already. */
  sheetNames: string[];
  /** Whether Summary holds a trend chart from an earlier run. */
  hasTrendChart?: boolean;
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

/**
 * The first request: create or reset each engine sheet, hide the lists, clear the Status colours of the Rules
 * sheet, add the user sheets a cells patch creates.
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
          const sheet = exists(options.sheetNames, p.sheet) ? sheets.getItem(p.sheet) : sheets.add(p.sheet);
          if (exists(options.sheetNames, p.sheet))
            queueReset(sheet, options.hasTrendChart === true && !!p.format.chart);
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

function formatStep(context: Excel.RequestContext, p: HostPatch): Step[] {
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
      queue: () => queueFormat(context.workbook.worksheets.getItem(p.sheet), format, firstCol, width),
    },
  ];
}

/** A cells patch on a sheet the workbook lacks, that does not ask to create it, writes nothing. */
function applies(p: HostPatch, options: ApplyOptions): boolean {
  return p.kind !== 'cells' || p.create === true || exists(options.sheetNames, p.sheet);
}

/**
 * Writes the patches in as few requests as their size allows: the structure, then values in chunks under the
 * budget (halved and resent when Excel refuses a request as too large), then formats, calculation suspended
 * throughout. Only the engine's sheets, the Rules columns and the user cells in the patches are touched.
 */
export async function applyPatches(
  context: Excel.RequestContext,
  allPatches: HostPatch[],
  options: ApplyOptions,
): Promise<BatchStats> {
  const patches = allPatches.filter((p) => applies(p, options));
  const steps: Step[] = [structureStep(context, patches, options)];
  for (const p of patches) for (const b of valueBlocks(p)) steps.push(valueStep(context, b));
  for (const p of patches) for (const s of formatStep(context, p)) steps.push(s);
  return runSteps(
    context,
    steps,
    options.budgetBytes ?? DEFAULT_BUDGET_BYTES,
    () => context.application.suspendApiCalculationUntilNextSync(),
    (done, total) => options.onProgress?.(done / total),
  );
}
