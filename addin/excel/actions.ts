// The task pane's host actions over Office.js: each one an Excel.run that reads grids, asks core, and writes cells.
import {
  builderData,
  type Grid,
  parseA1,
  planPackWrite,
  planRuleWrite,
  previewRule,
  rulePackViews,
  type SheetWrite,
} from '../../core';
import { planTextImport } from '../../importers/from-text';
import type { HostActions } from '../../ui/host-actions';
import { toRunView } from '../../ui/run-view';
import { readWorkbook } from './read-grids';
import { validateWorkbook } from './validate';
import { applyWrite } from './write';

async function grids(): Promise<Grid[]> {
  return Excel.run(async (context) => (await readWorkbook(context)).grids);
}

/** Reads the workbook, has core plan the write, and applies it (or throws its refusal). */
function write<W extends SheetWrite>(plan: (grids: Grid[]) => W): Promise<W> {
  return Excel.run(async (context) => {
    const book = await readWorkbook(context);
    return applyWrite(context, book.sheetNames, plan(book.grids));
  });
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

    addRule: async (candidate) => {
      const { ruleId, sheet, cell } = await write((book) => planRuleWrite(book, candidate));
      return { ruleId, sheet, cell };
    },

    listRulePacks: async () => rulePackViews(),

    addRulePack: async (name) => {
      const { added, skipped, sheet } = await write((book) => planPackWrite(book, name));
      return { added, skipped, sheet, problems: [] };
    },

    importResources: async (kind, fileName, text) => {
      const { added, sheet, warnings } = await write((book) => planTextImport(kind, fileName, text, book));
      const problems = warnings.map((message) => ({
        sheet: '',
        cell: '',
        message,
        suggestion: '',
        severity: 'warning' as const,
      }));
      return { added, skipped: warnings.length, sheet, problems };
    },

    // Excel's API does not name the signed-in user; the pane asks once and remembers.
    getUserName: async () => '',
  };
}
