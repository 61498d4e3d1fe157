// New rulebook: adds the starter sheets a workbook lacks (never touching one it has), then validates once.
import { normalizeName, starterSheets } from '../../core';
import { columnPoints } from './sheet-format';
import { validateWorkbook, type WorkbookRun } from './validate';
import { queueRows } from './write-rows';

export interface CreatedRulebook {
  /** Sheets added; sheets that were there already are left as they are. */
  added: string[];
  run: WorkbookRun;
}

export async function createRulebook(context: Excel.RequestContext, now: Date): Promise<CreatedRulebook> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const have = new Set(worksheets.items.map((w) => normalizeName(w.name)));
  const added: string[] = [];
  for (const starter of starterSheets(now)) {
    if (have.has(normalizeName(starter.name))) continue;
    const sheet = worksheets.add(starter.name);
    queueRows(sheet, 0, 0, starter.rows);
    const header = sheet.getRangeByIndexes(0, 0, 1, starter.rows[0].length);
    header.format.font.bold = true;
    sheet.freezePanes.freezeRows(1);
    starter.widths.forEach(
      (w, col) => (sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = columnPoints(w)),
    );
    added.push(starter.name);
  }
  if (added.length > 0) {
    worksheets.getItem(added[0]).activate();
    await context.sync();
  }
  return { added, run: await validateWorkbook(context, now) };
}
