// The task pane's host actions over Office.js: each one an Excel.run that reads grids, asks core, and writes cells.
import { a1, builderData, type Cell, findSheet, type Grid, listRulePacks, mergeRulePack, normalizeName, parseA1, planRuleRow, previewRule, rulePack, RULES_SHEET, unknownPackMessage, type WriteCell } from '../../core';
import type { HostActions } from '../../ui/host-actions';
import { toRunView } from '../../ui/run-view';
import { readWorkbook } from './read-grids';
import { validateWorkbook } from './validate';
import { queueRows } from './write-rows';
import { importFromText } from '../../importers/from-text';

async function grids(): Promise<Grid[]> {
  return Excel.run(async (context) => (await readWorkbook(context)).grids);
}

/** The Rules sheet to write into, added first when the workbook has none. */
function rulesSheet(context: Excel.RequestContext, book: Grid[], name: string): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  return findSheet(book, RULES_SHEET) ? sheets.getItem(name) : sheets.add(name);
}

export function excelActions(): HostActions {
  return {
    validate: (onProgress, signal) =>
      Excel.run(async (context) =>
        toRunView((await validateWorkbook(context, new Date(), { onProgress, signal })).output),
      ),

    selectCell: (sheet, cell) =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(parseA1(cell) ? cell : 'A1').select();
        await context.sync();
      }),

    getBuilderData: async () => builderData(await grids()),

    previewRule: async (candidate) => previewRule(await grids(), candidate, new Date()),

    addRule: (candidate) =>
      Excel.run(async (context) => {
        const book = (await readWorkbook(context)).grids;
        const plan = planRuleRow(book, candidate);
        const errors = plan.problems.filter((p) => p.severity === 'error');
        if (errors.length > 0) throw new Error(errors.map((p) => p.message).join(' '));
        const sheet = rulesSheet(context, book, plan.sheet);
        if (plan.header) queueRows(sheet, 0, 0, [plan.header]);
        queueRows(sheet, plan.row, 0, [plan.cells]);
        await context.sync();
        return { ruleId: candidate.ruleId, sheet: plan.sheet, cell: a1(plan.row, 0) };
      }),

    listRulePacks: async () =>
      listRulePacks().map((p) => ({
        name: p.name,
        title: p.title,
        description: p.description,
        rules: p.ruleCount,
      })),

    addRulePack: (name) =>
      Excel.run(async (context) => {
        const pack = rulePack(name);
        if (!pack) throw new Error(unknownPackMessage(name));
        const book = (await readWorkbook(context)).grids;
        const grid = findSheet(book, RULES_SHEET) ?? { name: RULES_SHEET.name, rows: [] as Cell[][] };
        const merge = mergeRulePack(grid, pack, { update: false });
        const sheet = rulesSheet(context, book, grid.name);
        for (const h of merge.header) queueRows(sheet, 0, h.col, [[h.value as WriteCell]]);
        queueRows(sheet, merge.appendAt, 0, merge.append);
        await context.sync();
        return { added: merge.append.length, skipped: merge.skipped.length, sheet: grid.name, problems: [] };
      }),

    importResources: (kind, fileName, text) =>
      Excel.run(async (context) => {
        const book = (await readWorkbook(context)).grids;
        const grid = book.find((g) => normalizeName(g.name) === 'resources') ?? {
          name: 'Resources',
          rows: [] as Cell[][],
        };
        const imported = importFromText(kind, fileName, text, grid.rows);
        if (!imported.rows) throw new Error(imported.errors.join('\n'));
        const sheets = context.workbook.worksheets;
        const sheet = book.some((g) => g.name === grid.name)
          ? sheets.getItem(grid.name)
          : sheets.add(grid.name);
        // The whole sheet is written back; '' (not null, which Excel skips) clears a value the import removed.
        const width = Math.max(...imported.rows.map((r) => r.length));
        queueRows(
          sheet,
          0,
          0,
          imported.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? '')),
        );
        await context.sync();
        return { added: imported.added, skipped: 0, sheet: grid.name, problems: [] };
      }),

    // Excel's API does not name the signed-in user; the pane asks once and remembers.
    getUserName: async () => '',
  };
}
