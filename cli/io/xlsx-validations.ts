// A worksheet's data validations made one per cell before saving: the latest wins a cell, alike ones merge into ranges.
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../core';

/**
 * ExcelJS reads a validation's ranges as one entry a cell and keeps ranges added since as ranges; when it
 * saves, its merging of cells walks addresses in text order (E10 before E2) and writes ranges over ranges.
 * Each re-run in place then added overlapping copies of the engine's lists and of the user's own dropdowns.
 */
interface ValidationsModel {
  model: Record<string, ExcelJS.DataValidation | undefined>;
}

interface Interval {
  from: number;
  to: number;
  key: string;
}

/** Rewrites every worksheet's validations so that no cell has two and alike cells share one range. */
export function normaliseDataValidations(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    const holder = (ws as unknown as { dataValidations?: ValidationsModel }).dataValidations;
    if (holder?.model) holder.model = normalised(holder.model);
  }
}

function normalised(
  model: Record<string, ExcelJS.DataValidation | undefined>,
): Record<string, ExcelJS.DataValidation> {
  const byKey = new Map<string, ExcelJS.DataValidation>();
  // Per column, the row intervals each validation holds; an entry added later takes its cells from earlier ones.
  const columns = new Map<number, Interval[]>();
  const apply = (rect: Rect, key: string) => {
    for (let col = rect.left; col <= rect.right; col++) {
      const kept = subtract(columns.get(col) ?? [], rect.top, rect.bottom);
      kept.push({ from: rect.top, to: rect.bottom, key });
      columns.set(col, kept);
    }
  };
  const unknown: [string, ExcelJS.DataValidation][] = [];
  // A range read from the file comes as consecutive cell entries: gathered first, they are applied as one.
  let pending: { rect: Rect; key: string } | undefined;
  for (const [address, validation] of Object.entries(model)) {
    if (!validation) continue;
    const rect = parseRange(address);
    if (!rect) {
      unknown.push([address, validation]);
      continue;
    }
    const key = canonical(validation);
    if (!byKey.has(key)) byKey.set(key, validation);
    const p = pending;
    if (
      p &&
      p.key === key &&
      p.rect.left === rect.left &&
      p.rect.right === rect.right &&
      rect.top === p.rect.bottom + 1
    ) {
      p.rect.bottom = rect.bottom;
      continue;
    }
    if (p) apply(p.rect, p.key);
    pending = { rect, key };
  }
  if (pending) apply(pending.rect, pending.key);
  const out: Record<string, ExcelJS.DataValidation> = {};
  for (const [key, validation] of byKey) {
    for (const rect of rectangles(columns, key)) out[rangeText(rect)] = validation;
  }
  // Addresses this cannot read (none that ExcelJS writes) are kept as they were.
  for (const [address, validation] of unknown) out[address] = validation;
  return out;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `E2`, `E2:F9` or `$E$2:$F$9` as 1-based rows and columns; anything else undefined. */
function parseRange(address: string): Rect | undefined {
  const parts = address.split(':');
  if (parts.length > 2) return undefined;
  const cells = parts.map(parseCell);
  if (cells.some((c) => !c)) return undefined;
  const [a, b = a] = cells as { row: number; col: number }[];
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

function parseCell(text: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** The intervals with rows `from`–`to` taken out (an interval may split in two). */
function subtract(intervals: Interval[], from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (const iv of intervals) {
    if (iv.to < from || iv.from > to) {
      out.push(iv);
      continue;
    }
    if (iv.from < from) out.push({ from: iv.from, to: from - 1, key: iv.key });
    if (iv.to > to) out.push({ from: to + 1, to: iv.to, key: iv.key });
  }
  return out;
}

/** One validation's cells as few rectangles: rows merged within a column, then equal columns side by side. */
function rectangles(columns: Map<number, Interval[]>, key: string): Rect[] {
  const runsByCol = [...columns.keys()]
    .sort((a, b) => a - b)
    .map((col) => ({ col, runs: mergedRuns(columns.get(col) ?? [], key) }))
    .filter((c) => c.runs.length > 0);
  const rects: Rect[] = [];
  let open: Rect[] = [];
  let prev: { col: number; sig: string } | undefined;
  for (const { col, runs } of runsByCol) {
    const sig = runs.map((r) => `${r.from}-${r.to}`).join(',');
    if (prev && prev.col === col - 1 && prev.sig === sig) {
      for (const r of open) r.right = col;
    } else {
      for (const r of open) rects.push(r);
      open = runs.map((r) => ({ top: r.from, bottom: r.to, left: col, right: col }));
    }
    prev = { col, sig };
  }
  for (const r of open) rects.push(r);
  return rects;
}

function mergedRuns(intervals: Interval[], key: string): { from: number; to: number }[] {
  const mine = intervals.filter((iv) => iv.key === key).sort((a, b) => a.from - b.from);
  const runs: { from: number; to: number }[] = [];
  for (const iv of mine) {
    const last = runs[runs.length - 1];
    if (last && iv.from <= last.to + 1) last.to = Math.max(last.to, iv.to);
    else runs.push({ from: iv.from, to: iv.to });
  }
  return runs;
}

function rangeText(r: Rect): string {
  const first = `${columnLetters(r.left - 1)}${r.top}`;
  return r.top === r.bottom && r.left === r.right
    ? first
    : `${first}:${columnLetters(r.right - 1)}${r.bottom}`;
}

/** One text for alike validations, whatever the order of their properties. */
function canonical(validation: ExcelJS.DataValidation): string {
  const entries = Object.entries(validation as unknown as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
