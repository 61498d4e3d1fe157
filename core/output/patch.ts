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
  /** A filter on the header row (row 0) over the patch's columns, so a reader can sort and narrow the rows. */
  autoFilter?: boolean;
  /** Columns (0-based) whose text wraps within the column's width instead of being cut off. */
  wrapCols?: number[];
  /** Rows (0-based) shown bold: the block titles and headings of a sheet laid out in blocks (Summary). */
  boldRows?: number[];
  /** Cells aligned right, by row and columns (0-based, inclusive): headings over numbers, so they line up. */
  alignRight?: { row: number; fromCol: number; toCol: number }[];
  /** How the sheet prints: landscape, scaled to one page wide, with its first rows repeated on every page. */
  print?: { landscape: boolean; fitToWidth: boolean; repeatHeaderRows: number };
  /**
   * Widths for the user's own columns of a sheet nobody has sized (every column but the engine's at the default
   * width, as in a workbook made from CSV files), and whether their text wraps there. A host applies none of them
   * when any user column has a width.
   */
  defaultWidths?: { col: number; width: number; wrap?: boolean }[];
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
/** Full-width `＋ － ＝ ＠`, which spreadsheets in East Asian locales read as their ASCII forms. */
const FULL_WIDTH_PLUS = 0xff0b;
const FULL_WIDTH_MINUS = 0xff0d;
const FULL_WIDTH_EQUALS = 0xff1d;
const FULL_WIDTH_AT = 0xff20;

/**
 * Text that a spreadsheet would read as a formula, DDE call or the like (OWASP "CSV injection"): its first
 * visible character is `= + - @` (or their full-width forms), a tab or a return. Invisible format characters
 * before it (zero-width space, joiners, word joiner, byte order mark, direction marks…) do not hide it.
 */
export function looksLikeFormula(text: string): boolean {
  // Char codes rather than a RegExp: this runs on every text cell of every generated sheet, and most text
  // opens with an ASCII character, which settles it at once.
  let i = 0;
  let c = text.charCodeAt(0);
  while (c >= 0x80 && isFormatChar(text.codePointAt(i) as number)) {
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    c = text.charCodeAt(i);
  }
  if (c < 0x80) return c === EQUALS || c === PLUS || c === MINUS || c === AT || c === TAB || c === CR;
  return c === FULL_WIDTH_EQUALS || c === FULL_WIDTH_PLUS || c === FULL_WIDTH_MINUS || c === FULL_WIDTH_AT;
}

/** Unicode's format characters (general category Cf): they take no space, so a reader cannot see them. */
const FORMAT_CHARS: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x0600, 0x0605],
  [0x061c, 0x061c],
  [0x06dd, 0x06dd],
  [0x070f, 0x070f],
  [0x0890, 0x0891],
  [0x08e2, 0x08e2],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfeff, 0xfeff],
  [0xfff9, 0xfffb],
  [0x110bd, 0x110bd],
  [0x110cd, 0x110cd],
  [0x13430, 0x1343f],
  [0x1bca0, 0x1bca3],
  [0x1d173, 0x1d17a],
  [0xe0001, 0xe0001],
  [0xe0020, 0xe007f],
];

function isFormatChar(code: number): boolean {
  for (const [from, to] of FORMAT_CHARS) if (code >= from && code <= to) return true;
  return false;
}

/** Wraps text that would become a formula so every host writes it as text. */
export function safeText(text: string): WriteCell {
  return looksLikeFormula(text) ? { text } : text;
}
