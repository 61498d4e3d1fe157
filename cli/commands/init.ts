// `rulesheet init <file.xlsx | folder>`: a new rulebook with every sheet, its headers, an example row each and dropdowns.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Command } from 'commander';
import {
  type ColumnsPatch,
  type Dropdown,
  listRulePacks,
  listSource,
  listsSheet,
  normalizeName,
  type Patch,
  ruleLists,
  type StarterSheet,
  starterSheets,
  unknownPackMessage,
  withRulePacks,
} from '../../core';
import { toDataCsv } from '../io/csv';
import { firstLine } from '../io/input-error';
import { writeFileSafely, writeWorkbookSafely } from '../io/safe-write';
import { applyXlsxPatches } from '../io/xlsx-patches';

type Log = (line: string) => void;

/** Rows of the Rules sheet the dropdowns cover, header excluded. */
const DROPDOWN_ROWS = 1000;

/** Creates the rulebook and returns the exit code: 0 done, 2 when the target exists (nothing touched). */
export async function runInit(
  target: string,
  now: Date = new Date(),
  log: Log = console.log,
  logError: Log = console.error,
  packs: readonly string[] = [],
): Promise<number> {
  const xlsx = /\.xlsx$/i.test(target);
  const existing = statOrUndefined(target);
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
  const sheets = starterSheets(now);
  if (packs.length > 0) {
    const rules = sheets.find((s) => s.name === 'Rules') as StarterSheet;
    const merged = withRulePacks(rules.rows, packs);
    if (merged.unknown.length > 0) {
      for (const name of merged.unknown) logError(unknownPackMessage(name));
      return 2;
    }
    rules.rows = merged.rows;
    while (rules.widths.length < merged.rows[0].length) rules.widths.push(24);
  }
  try {
    if (xlsx) await writeXlsx(target, sheets);
    else writeFolder(target, sheets);
  } catch (err) {
    logError(`${target}: cannot create the rulebook: ${firstLine(err)}`);
    return 2;
  }
  log(
    `Created ${target} with sheets ${sheets.map((s) => s.name).join(', ')}. Add rules and resources, then run: rulesheet validate ${target}`,
  );
  return 0;
}

function writeFolder(dir: string, sheets: StarterSheet[]): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const s of sheets) {
    writeFileSafely(path.join(dir, `${s.name}.csv`), toDataCsv(s.rows), { createOnly: true });
  }
}

async function writeXlsx(file: string, sheets: StarterSheet[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const lists = ruleLists();
  const patches: Patch[] = sheets.map((s) => sheetPatch(s, s.name === 'Rules' ? dropdowns(s, lists) : []));
  patches.push(listsSheet(lists));
  applyXlsxPatches(workbook, patches);
  // The existence check above ran before the slow part: the file is created only if it still does not exist.
  await writeWorkbookSafely(workbook, file, { createOnly: true });
}

/** A user sheet written whole: values, bold frozen header, widths. */
function sheetPatch(s: StarterSheet, lists: Dropdown[]): ColumnsPatch {
  const width = s.rows[0].length;
  return {
    kind: 'columns',
    sheet: s.name,
    columns: Array.from({ length: width }, (_, col) => ({ col, values: s.rows.map((r) => r[col] ?? null) })),
    format: {
      frozenRows: 1,
      headerRow: true,
      columnWidths: s.widths.map((w, col) => ({ col, width: w })),
      dropdowns: lists,
    },
  };
}

/** Operator, Severity, Enabled and Match lists, read from the hidden lists sheet (Excel's inline lists stop at 255 characters). */
function dropdowns(rules: StarterSheet, lists: ReturnType<typeof ruleLists>): Dropdown[] {
  const headers = rules.rows[0].map((h) => normalizeName(String(h)));
  return lists.flatMap((list, i) => {
    const col = headers.indexOf(normalizeName(list.header));
    if (col < 0) return [];
    return [
      {
        col,
        fromRow: 1,
        toRow: DROPDOWN_ROWS,
        values: [...list.values],
        source: listSource(lists, i),
        strict: list.strict,
      },
    ];
  });
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
