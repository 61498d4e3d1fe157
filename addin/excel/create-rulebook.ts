// New rulebook: adds the starter sheets a workbook lacks (never touching one it has), then validates once.
import { planStarterWrite } from '../../core';
import { validateWorkbook, type WorkbookRun } from './validate';
import { applyWrite } from './write';

export interface CreatedRulebook {
  /** Sheets added; sheets that were there already are left as they are. */
  added: string[];
  run: WorkbookRun;
}

export async function createRulebook(context: Excel.RequestContext, now: Date): Promise<CreatedRulebook> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const sheetNames = worksheets.items.map((w) => w.name);
  const plan = planStarterWrite(
    sheetNames.map((name) => ({ name, rows: [] })),
    now,
  );
  const { added } = await applyWrite(context, sheetNames, plan);
  if (added.length > 0) {
    worksheets.getItem(added[0]).activate();
    await context.sync();
  }
  return { added, run: await validateWorkbook(context, now) };
}
