// Writing a folder-of-CSVs rulebook: engine sheets as neutralised CSV, Rules with the user's cells kept verbatim.
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'csv-stringify/sync';
import {
  applyCellsPatches,
  type Cell,
  type ColumnsPatch,
  type Grid,
  type HostPatch,
  normalizeName,
  type WriteCell,
} from '../../core';
import { toCsv, toDataCsv } from './csv';
import { csvChunks } from './csv-chunks';
import { writeChunksSafely, writeFileSafely } from './safe-write';

/** The `.csv` file of a folder that holds a sheet (names matched as core matches them), if any. */
export function csvFileFor(dir: string, sheet: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const key = normalizeName(sheet);
  return fs
    .readdirSync(dir)
    .find((f) => f.toLowerCase().endsWith('.csv') && normalizeName(f.slice(0, -4)) === key);
}

/**
 * Writes the patched sheets into `outDir` and, when it is not the input folder, copies the other CSV files
 * byte for byte. Hidden sheets (the dropdown lists) are skipped: a CSV cannot hold a dropdown, nor a format.
 * Cells patches are laid over the user's sheet as read (several on one sheet in order), and the result is written
 * verbatim (`toDataCsv`): a user's sheet is data and round-trips byte for byte. `createOnly` never replaces a file.
 */
export function saveCsvFolder(
  inDir: string,
  grids: Grid[],
  patches: HostPatch[],
  outDir: string,
  options: { createOnly?: boolean } = {},
): void {
  fs.mkdirSync(outDir, { recursive: true });
  const written = new Set<string>();
  const gridOf = (name: string) => grids.find((g) => normalizeName(g.name) === normalizeName(name));
  const cellsSheets = new Map<string, string>();
  for (const patch of patches) {
    if (patch.kind === 'sheet' && patch.hidden) continue;
    if (patch.kind === 'cells') {
      if (patch.create || gridOf(patch.sheet)) cellsSheets.set(normalizeName(patch.sheet), patch.sheet);
      continue;
    }
    const file = csvFileFor(inDir, patch.sheet) ?? `${patch.sheet}.csv`;
    // An engine sheet is written a batch of rows at a time: Results may hold more text than one string can.
    if (patch.kind === 'sheet')
      writeChunksSafely(path.join(outDir, file), csvChunks(patch.rows, toCsv), options);
    else
      writeFileSafely(path.join(outDir, file), columnsCsv(gridOf(patch.sheet)?.rows ?? [], patch), options);
    written.add(file.toLowerCase());
  }
  const patched = applyCellsPatches(grids, patches);
  for (const [key, sheet] of cellsSheets) {
    const grid = patched.find((g) => normalizeName(g.name) === key) as Grid;
    const file = csvFileFor(inDir, grid.name) ?? `${sheet}.csv`;
    writeChunksSafely(path.join(outDir, file), csvChunks(grid.rows, toDataCsv), options);
    written.add(file.toLowerCase());
  }
  if (path.resolve(inDir) === path.resolve(outDir) || !fs.existsSync(inDir)) return;
  for (const file of fs.readdirSync(inDir)) {
    if (file.toLowerCase().endsWith('.csv') && !written.has(file.toLowerCase())) {
      writeFileSafely(path.join(outDir, file), fs.readFileSync(path.join(inDir, file)));
    }
  }
}

/** The user's cells exactly as read (no quote added), the engine's columns neutralised by `toCsv`. */
function columnsCsv(userRows: Cell[][], patch: ColumnsPatch): string {
  const byCol = new Map(patch.columns.map((c) => [c.col, c.values]));
  const height = patch.columns.reduce((m, c) => Math.max(m, c.values.length), userRows.length);
  const lines: string[] = [];
  for (let r = 0; r < height; r++) {
    const user = userRows[r] ?? [];
    const width = patch.columns.reduce((m, c) => Math.max(m, c.col + 1), user.length);
    const fields: string[] = [];
    for (let c = 0; c < width; c++) {
      const generated = byCol.get(c);
      fields.push(generated ? engineField(generated[r] ?? null) : userField(user[c] ?? null));
    }
    lines.push(fields.join(','));
  }
  return lines.map((l) => `${l}\n`).join('');
}

function engineField(cell: WriteCell): string {
  return toCsv([[cell]]).replace(/\n$/, '');
}

function userField(cell: Cell): string {
  const text = cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell);
  return text === '' ? '' : stringify([[text]]).replace(/\n$/, '');
}

/** Writes through a temporary file so a crash never leaves half a file behind (see `writeFileSafely`). */
export function writeFileAtomic(file: string, text: string): void {
  writeFileSafely(file, text);
}
