// `rulesheet init <file.xlsx | folder>`: a new rulebook with every sheet, its headers, an example row each and dropdowns.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Command } from 'commander';
import { type HostPatch, listRulePacks, planStarterWrite } from '../../core';
import { saveCsvFolder } from '../io/csv-folder';
import { firstLine } from '../io/input-error';
import { writeWorkbookSafely } from '../io/safe-write';
import { applyXlsxPatches } from '../io/xlsx-patches';

type Log = (line: string) => void;

/** Creates the rulebook and returns the exit code: 0 done, 2 when the target exists or is not .xlsx or a folder name (nothing touched). */
export async function runInit(
  target: string,
  now: Date = new Date(),
  log: Log = console.log,
  logError: Log = console.error,
  packs: readonly string[] = [],
): Promise<number> {
  const xlsx = /\.xlsx$/i.test(target);
  const existing = statOrUndefined(target);
  // `init foo.txt` once made a folder named foo.txt: a name with another extension is almost surely a mistake.
  const ext = path.extname(path.basename(target.replace(/[\\/]+$/, '')));
  if (!xlsx && ext !== '' && !existing?.isDirectory()) {
    const stem = target.slice(0, target.length - ext.length);
    logError(
      `${target}: rulesheet init creates an .xlsx workbook or a folder of CSV files, not a ${ext} file. ` +
        `Give ${stem}.xlsx for a workbook, or ${stem} for a folder.`,
    );
    return 2;
  }
  if (existing && (xlsx || !existing.isDirectory())) {
    logError(
      `${target}: already exists; rulesheet init never overwrites. Pick a new name or remove it first.`,
    );
    return 2;
  }
  if (existing && fs.readdirSync(target).length > 0) {
    logError(
      `${target}: the folder is not empty; rulesheet init never overwrites. Pick an empty or new folder.`,
    );
    return 2;
  }
  // Dropdowns too: a new rulebook file is not validated before someone opens it.
  const plan = planStarterWrite([], now, { packs, dropdowns: true });
  if (plan.refusal !== undefined) {
    for (const line of plan.refusal.split('\n')) logError(line);
    return 2;
  }
  try {
    if (xlsx) await writeXlsx(target, plan.patches);
    else saveCsvFolder(target, [], plan.patches, target, { createOnly: true });
  } catch (err) {
    logError(`${target}: cannot create the rulebook: ${firstLine(err)}`);
    return 2;
  }
  log(
    `Created ${target} with sheets ${plan.added.join(', ')}. Add rules and resources, then run: rulesheet validate ${target}`,
  );
  return 0;
}

async function writeXlsx(file: string, patches: HostPatch[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  applyXlsxPatches(workbook, patches);
  // The existence check above ran before the slow part: the file is created only if it still does not exist.
  await writeWorkbookSafely(workbook, file, { createOnly: true });
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'create a new rulebook (an .xlsx workbook, or a folder of CSV files) with every sheet and an example row each',
    )
    .argument('<target>', 'a new .xlsx file, or a new or empty folder')
    .option(
      '--pack <name...>',
      `add a starter rule pack: ${listRulePacks()
        .map((p) => p.name)
        .join(', ')}`,
    )
    .action(async (target: string, options: { pack?: string[] }) => {
      process.exitCode = await runInit(target, new Date(), console.log, console.error, options.pack ?? []);
    });
}
