// A rulebook on disk (an .xlsx or a folder of CSVs): read it into grids, apply patches, save it, replace a user sheet.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import {
  a1,
  type Cell,
  type CellsPatch,
  EXCEL_LIMITS,
  GENERATED_SHEET_NAMES,
  findSheet,
  type Grid,
  type HostPatch,
  normalizeName,
  previousResultsColumns,
  referencedSheets,
  RESOURCES_PREFIX,
  RESULTS_SHEET,
  RULES_SHEET,
} from '../../core';
import { readCsvFolder } from './csv';
import { saveCsvFolder } from './csv-folder';
import { InputError, firstLine } from './input-error';
import { setCellValue } from './xlsx-cells';
import { applyXlsxPatches } from './xlsx-patches';
import { loadWorkbook, workbookGrids } from './xlsx-read';
import { writeWorkbookSafely } from './safe-write';
import type { EngineSheet } from './xlsx-engine-sheets';
import type { KeptSheets } from './xlsx-kept';
import { writeWorkbookWithSheetsSafely } from './xlsx-write';
import { normaliseDataValidations } from './xlsx-validations';
import { replaceXmlForbidden, xmlCharWarnings } from './xml-chars';

export { InputError } from './input-error';

export interface RulebookFile {
  kind: 'xlsx' | 'csv';
  path: string;
  grids: Grid[];
  /** The loaded workbook, for an .xlsx; patches are applied to it directly. */
  workbook?: ExcelJS.Workbook;
  /** For a CSV folder: the patches applied so far, written out when saving. */
  patches?: HostPatch[];
  /** For an .xlsx: the sheets holding charts, which the workbook would lose if it were rewritten. */
  charts?: string[];
  /** For an .xlsx: the engine sheets patched so far, their rows made only as the workbook is saved. */
  engineSheets?: EngineSheet[];
  /** For an .xlsx: sheets written back byte for byte as read (ExcelJS holds them empty); no patch may touch them. */
  kept?: KeptSheets;
  /** For an .xlsx: its xl/workbook.xml as read, whose defined names a run keeps. */
  workbookXml?: string;
}

const isXlsxPath = (p: string) => /\.xlsx$/i.test(p);

export interface ReadOptions {
  /**
   * The engine's own sheets (Results, Summary, Run History, the lists) are read for their values only, and the
   * workbook holds them empty: for a run, which rewrites them whole.
   */
  engineSheetsAsValues?: boolean;
  /**
   * The Resources sheets, which a run never writes, are read for their values only and copied into the saved
   * workbook as the file had them (when they refer to no other part): for a run, not for commands that write them.
   */
  keepResourcesSheets?: boolean;
}

const ENGINE_SHEETS = new Set(GENERATED_SHEET_NAMES.map(normalizeName));

/** Reads an .xlsx or a folder of CSV files. Raises InputError (one line, naming the file) when it cannot. */
export async function readRulebookFile(file: string, options: ReadOptions = {}): Promise<RulebookFile> {
  const stat = statOrUndefined(file);
  if (!stat) throw new InputError(`${file}: no such file or folder`, file);
  if (stat.isDirectory()) {
    const { grids, errors } = readCsvFolder(file);
    if (errors.length > 0) {
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
      throw new InputError(`${inFolder(file, errors[0])}${more}`, file);
    }
    if (grids.length === 0) throw new InputError(`${file}: the folder has no .csv files`, file);
    const over = overExcelLimits(grids);
    if (over)
      throw new InputError(`${path.join(file, `${over.sheet}.csv`)} ${over.where}: ${over.what}`, file);
    return { kind: 'csv', path: file, grids, patches: [] };
  }
  if (!isXlsxPath(file)) {
    throw new InputError(`${file}: not a rulebook; give an .xlsx workbook or a folder of .csv files`, file);
  }
  const valuesOnly = options.engineSheetsAsValues
    ? (sheet: string) => ENGINE_SHEETS.has(normalizeName(sheet))
    : undefined;
  const keep = options.keepResourcesSheets
    ? (sheet: string) => normalizeName(sheet).startsWith(RESOURCES_PREFIX)
    : undefined;
  // Of the last Results, a run reads only the columns tracking needs (core's previousResultsColumns).
  const results = normalizeName(RESULTS_SHEET.name);
  const columnsOf = options.engineSheetsAsValues
    ? (sheet: string) => (normalizeName(sheet) === results ? previousResultsColumns : undefined)
    : undefined;
  let loaded = await loadWorkbook(file, valuesOnly, keep, columnsOf);
  let grids = workbookGrids(loaded.workbook, loaded.values);
  // A rule that lists a column of Results (`'Results'!Title`) reads that column: the book is read again, Results
  // whole. The Rules sheet is read after the engine sheets, so this is known only now; such a rule is rare.
  const rules = findSheet(grids, RULES_SHEET);
  if (columnsOf && rules && referencedSheets(rules).includes(results)) {
    loaded = await loadWorkbook(file, valuesOnly, keep);
    grids = workbookGrids(loaded.workbook, loaded.values);
  }
  const { workbook, charts, kept, workbookXml } = loaded;
  return { kind: 'xlsx', path: file, grids, workbook, charts, kept, workbookXml };
}

/** Applies core's patches (a run's, or the write path's) to the file in memory; nothing is written until `saveRulebookFile`. */
export function applyPatches(file: RulebookFile, patches: HostPatch[]): void {
  const kept = new Set([...(file.kept?.parts.keys() ?? [])].map(normalizeName));
  const touched = patches.find((p) => 'sheet' in p && kept.has(normalizeName(p.sheet)));
  // A kept sheet is held empty: a patch to it would write into nothing and the file's cells would win.
  if (touched)
    throw new Error(`the sheet '${touched.sheet}' was read to be kept as it is, not to be written`);
  if (file.workbook) applyXlsxPatches(file.workbook, patches, (file.engineSheets ??= []));
  else file.patches = (file.patches ?? []).concat(patches);
}

/**
 * Saves the file where it was read, or to `outPath`: a path ending in .xlsx gets a workbook (even from a
 * CSV folder), any other path a folder of CSV files. Returns warnings (text an .xlsx cannot hold).
 */
export async function saveRulebookFile(file: RulebookFile, outPath?: string): Promise<string[]> {
  const target = outPath ?? file.path;
  if (file.charts?.length && path.resolve(target) === path.resolve(file.path)) {
    throw new InputError(chartsRefusal(file.path, file.charts), file.path);
  }
  try {
    if (isXlsxPath(target)) {
      const workbook = file.workbook ?? workbookFromGrids(file.grids);
      const engineSheets = file.workbook ? (file.engineSheets ?? []) : [];
      if (!file.workbook) applyXlsxPatches(workbook, file.patches ?? [], engineSheets);
      return await writeWorkbook(workbook, target, engineSheets, file.workbook ? file : undefined);
    } else if (file.kind === 'csv') {
      saveCsvFolder(file.path, file.grids, file.patches ?? [], target);
    } else {
      throw new InputError(`${target}: an .xlsx rulebook can only be saved as .xlsx`, target);
    }
    return [];
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${target}: cannot write: ${firstLine(err)}`, target);
  }
}

/**
 * Replaces every value of one user sheet (created when absent) and leaves every other sheet as it is.
 * `target` is an .xlsx (created when absent) or a folder of CSV files (created when absent).
 */
export async function writeUserSheet(target: string, sheet: string, rows: Cell[][]): Promise<string[]> {
  const stat = statOrUndefined(target);
  if (stat?.isDirectory() || (!stat && !isXlsxPath(target))) {
    saveCsvFolder(target, [], [replacing(sheet, [], rows)], target);
    return [];
  }
  if (!isXlsxPath(target)) {
    throw new InputError(
      `${target}: not a rulebook; give an .xlsx workbook or a folder of .csv files`,
      target,
    );
  }
  const loaded = stat ? await loadWorkbook(target) : undefined;
  if (loaded?.charts.length) throw new InputError(chartsRefusal(target, loaded.charts), target);
  const workbook = loaded?.workbook ?? new ExcelJS.Workbook();
  const old = workbookGrids(workbook).find((g) => normalizeName(g.name) === normalizeName(sheet));
  applyXlsxPatches(workbook, [replacing(old?.name ?? sheet, old?.rows ?? [], rows)]);
  return writeWorkbook(workbook, target);
}

/** Why a workbook with charts is not rewritten in place, and what to do instead. */
export function chartsRefusal(file: string, charts: string[]): string {
  const where = charts.map((c) => `'${c}'`).join(', ');
  return (
    `${file}: not rewritten: it has charts (on ${where}) that Rulesheet cannot keep when it rewrites a workbook; ` +
    `nothing was written. Write the results to a new workbook with --out <new.xlsx>, or only a report with ` +
    `--format <format> --report <file>`
  );
}

/** A cells patch that leaves `rows` as the sheet's only values: blanks ('') over every cell the old rows used. */
function replacing(sheet: string, old: Cell[][], rows: Cell[][]): CellsPatch {
  const height = Math.max(old.length, rows.length);
  const out = Array.from({ length: height }, (_, r) => {
    const width = Math.max(old[r]?.length ?? 0, rows[r]?.length ?? 0);
    return Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? '');
  });
  return { kind: 'cells', sheet, row: 0, col: 0, rows: out, create: true };
}

/** A fresh workbook holding the grids' values (CSV text stays text). */
function workbookFromGrids(grids: Grid[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const grid of grids) {
    let ws: ExcelJS.Worksheet;
    try {
      ws = workbook.addWorksheet(grid.name);
    } catch (err) {
      throw new InputError(`${grid.name}.csv: cannot become an Excel sheet: ${firstLine(err)}`, grid.name);
    }
    grid.rows.forEach((values, r) =>
      values.forEach((v, c) => v !== null && setCellValue(ws.getCell(r + 1, c + 1), v)),
    );
  }
  return workbook;
}

/**
 * Writes the workbook (its engine sheets' rows made as they are written); returns warnings for the cells whose
 * text had characters XML cannot hold, sheet by sheet in tab order.
 */
async function writeWorkbook(
  workbook: ExcelJS.Workbook,
  target: string,
  engineSheets: EngineSheet[] = [],
  /** The file read, for its kept sheets and defined names. */
  read?: Pick<RulebookFile, 'kept' | 'workbookXml'>,
): Promise<string[]> {
  const kept = read?.kept;
  normaliseDataValidations(workbook);
  const replaced = replaceXmlForbidden(workbook);
  let inEngineSheets = new Map<string, string[]>();
  try {
    if (engineSheets.length === 0 && !kept?.parts.size) await writeWorkbookSafely(workbook, target);
    else
      inEngineSheets = await writeWorkbookWithSheetsSafely(workbook, engineSheets, target, {
        kept,
        workbookXml: read?.workbookXml,
      });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${target}: cannot write the workbook: ${firstLine(err)}`, target);
  }
  if (inEngineSheets.size === 0) return xmlCharWarnings(target, replaced);
  const ordered = workbook.worksheets.flatMap(
    (ws) => inEngineSheets.get(ws.name) ?? replaced.filter((cell) => cell.startsWith(`${ws.name}!`)),
  );
  return xmlCharWarnings(target, ordered);
}

function inFolder(dir: string, message: string): string {
  return message.startsWith(dir) ? message : path.join(dir, message);
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** A sheet no spreadsheet could hold (Excel: 1,048,576 rows, 32,767 characters a cell): where, and what. */
function overExcelLimits(grids: Grid[]): { sheet: string; where: string; what: string } | undefined {
  for (const g of grids) {
    if (g.rows.length > EXCEL_LIMITS.maxRows) {
      return {
        sheet: g.name,
        where: `line ${EXCEL_LIMITS.maxRows + 1}`,
        what: `more than Excel's ${EXCEL_LIMITS.maxRows.toLocaleString('en-US')} rows`,
      };
    }
    for (let r = 0; r < g.rows.length; r++) {
      const row = g.rows[r];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (typeof cell === 'string' && cell.length > EXCEL_LIMITS.maxCellChars) {
          return {
            sheet: g.name,
            where: `cell ${a1(r, c)}`,
            what: `${cell.length.toLocaleString('en-US')} characters, more than a cell holds (${EXCEL_LIMITS.maxCellChars.toLocaleString('en-US')})`,
          };
        }
      }
    }
  }
  return undefined;
}
