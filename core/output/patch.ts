// Patches: what a host writes back, as data. Hosts apply them without business logic.
import type { Cell } from '../types';

/** A value to write. `{ text }` is text that a host must write as literal text, never as a formula. */
export type WriteCell = Cell | { text: string };

export interface StatusColor {
  /** Cell text equal to (or starting with) this gets the colours. */
  startsWith: string;
  fill: string;
  font: string;
}

export interface Dropdown {
  /** 0-based column and the rows (inclusive, 0-based) the list applies to. */
  col: number;
  fromRow: number;
  toRow: number;
  values: string[];
  /** Where the list is also written as cells, for hosts whose inline lists are short (Excel: 255 characters). */
  source?: { sheet: string; col: number; fromRow: number; toRow: number };
  /** Whether other values are allowed (with a warning) or rejected. */
  strict: boolean;
}

export interface SheetFormat {
  frozenRows?: number;
  /** Bold, shaded header row 0. */
  headerRow?: boolean;
  /** Column widths in characters, by 0-based column. */
  columnWidths?: { col: number; width: number }[];
  dropdowns?: Dropdown[];
  /** Conditional formats over a column's rows (0-based, inclusive). */
  statusColors?: { col: number; fromRow: number; toRow: number; colors: StatusColor[] }[];
  /** Number formats by column, e.g. dates `yyyy-mm-dd`, percentages `0.0%`. */
  numberFormats?: { col: number; fromRow: number; toRow: number; format: string }[];
  /** A line chart drawn from a block of this sheet: fromRow is the block's header row (series names), data rows follow to toRow. */
  chart?: {
    title: string;
    fromRow: number;
    toRow: number;
    labelCol: number;
    valueCols: number[];
    anchorRow: number;
    anchorCol: number;
  };
}

/** Rewrite an engine-owned sheet entirely (Results, Summary, Run History, Rulesheet Lists). */
export interface SheetPatch {
  kind: 'sheet';
  sheet: string;
  rows: WriteCell[][];
  format: SheetFormat;
  /** Engine-owned sheets are marked generated and protected warning-only where the host can. */
  generated: true;
  hidden?: boolean;
}

/** Write some columns of a user sheet (the generated Rules columns), header row included. */
export interface ColumnsPatch {
  kind: 'columns';
  sheet: string;
  columns: { col: number; values: WriteCell[] }[];
  format: SheetFormat;
}

/**
 * Write a block of cells into a user sheet (a new rule, a rule pack, imported resources, a starter sheet), from
 * (row, col), 0-based. A null cell leaves the user's cell as it is; '' clears its value. The user's formats stay,
 * except that text a spreadsheet would read as a formula is written as text and a date gets a date format where
 * the cell has none. `create` adds the sheet (at the end) when the workbook lacks it; without it a missing sheet
 * is skipped. `format` is applied over the block's columns, as for the other patches.
 */
export interface CellsPatch {
  kind: 'cells';
  sheet: string;
  row: number;
  col: number;
  rows: WriteCell[][];
  create?: boolean;
  format?: SheetFormat;
}

/** What a run writes: the engine's sheets and the generated Rules columns. */
export type Patch = SheetPatch | ColumnsPatch;

/** Every patch a host applies: a run's, and the write path's cells into user sheets. */
export type HostPatch = Patch | CellsPatch;

const EQUALS = 0x3d;
const PLUS = 0x2b;
const MINUS = 0x2d;
const AT = 0x40;
const TAB = 0x09;
const CR = 0x0d;

/** Text that a spreadsheet would read as a formula, DDE call or the like: it opens with `= + - @`, a tab or a return. */
export function looksLikeFormula(text: string): boolean {
  // One char code rather than a RegExp: this runs on every text cell of every generated sheet.
  const c = text.charCodeAt(0);
  return c === EQUALS || c === PLUS || c === MINUS || c === AT || c === TAB || c === CR;
}

/** Wraps text that would become a formula so every host writes it as text. */
export function safeText(text: string): WriteCell {
  return looksLikeFormula(text) ? { text } : text;
}
