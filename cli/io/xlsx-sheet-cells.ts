// An engine sheet's cells as the ExcelJS path would style them (header, dates, formats, bold, wrap, heights), cell by cell without a worksheet.
import type ExcelJS from 'exceljs';
import type { SheetPatch, WriteCell } from '../../core';
import { DATE_FORMAT, DATE_TIME_FORMAT, isMidnightUtc } from './xlsx-cells';
import {
  ALIGN_RIGHT,
  BOLD,
  DEFAULT_COLUMN_CHARS,
  HEADER_FILL,
  BODY_FONT,
  LINE_POINTS,
  MAX_ROW_POINTS,
  TOP,
  WRAP,
  wrappedLines,
} from './xlsx-patches';

type Style = Partial<ExcelJS.Style>;

/** Which of the format's row-wide changes reach a cell. */
const HEADER = 1;
const BOLD_ROW = 2;
const RIGHT = 4;
const BODY = 8;

/** A cell's value kind: what the style depends on. */
const NONE = 0;
const PLAIN = 1;
const DATE = 2;
const DATE_TIME = 3;

/**
 * The same cells, styles and row heights `applySheetPatch` gives an ExcelJS worksheet for the patch, computed per
 * cell: a cell's style is decided by a small key (column, value kind, number format, row flags), each key's style
 * is made once. `keyOf` is -1 for a cell the worksheet would not have.
 */
export class SheetCells {
  readonly width: number;
  readonly rowCount: number;
  /** Rows (0-based) that have cells: the patch's, and rows the format styles beyond them. */
  readonly lastRow: number;
  /** Columns (0-based) that may have cells. */
  readonly lastCol: number;
  private readonly header: boolean;
  private readonly boldRows: Set<number>;
  private readonly alignRight: { row: number; fromCol: number; toCol: number }[];
  private readonly formats: { col: number; fromRow: number; toRow: number; format: string }[];
  /** Per column, the formats (indexes in `formats`) that may reach it. */
  private readonly formatsByCol: (number[] | undefined)[] = [];
  private readonly topCols: Set<number>;
  private readonly wrapCols: number[];
  private readonly wrapWidths: number[];
  private readonly styles = new Map<number, Style>();
  private flagsRow = -1;
  private rowFlags = 0;
  /** Per wrapped column, the lines of each long text met: a message repeats for many resources. */
  private readonly linesOf: Map<string, number>[];

  constructor(
    readonly patch: SheetPatch,
    /** A column's width once the format's widths are set (undefined: the default). */
    widthOf: (col: number) => number | undefined,
  ) {
    const format = patch.format;
    this.rowCount = patch.rows.length;
    this.width = patch.rows.reduce((max, row) => Math.max(max, row.length), 0);
    this.header = Boolean(format.headerRow);
    this.boldRows = new Set(format.boldRows ?? []);
    this.alignRight = format.alignRight ?? [];
    this.formats = (format.numberFormats ?? []).filter((nf) => nf.col < this.width);
    this.formats.forEach((nf, i) => (this.formatsByCol[nf.col] ??= []).push(i));
    const wrapped = new Set(format.wrapCols ?? []);
    this.topCols = new Set(
      wrapped.size > 0 ? Array.from({ length: this.width }, (_, c) => c).filter((c) => !wrapped.has(c)) : [],
    );
    this.wrapCols = (format.wrapCols ?? []).filter((c) => c < this.width);
    this.wrapWidths = this.wrapCols.map((c) => widthOf(c) ?? DEFAULT_COLUMN_CHARS);
    this.linesOf = this.wrapCols.map(() => new Map());
    let lastRow = Math.max(this.rowCount - 1, 0);
    let lastCol = Math.max(this.width - 1, 0);
    if (this.width > 0) for (const r of this.boldRows) lastRow = Math.max(lastRow, r);
    for (const a of this.alignRight) {
      lastRow = Math.max(lastRow, a.row);
      lastCol = Math.max(lastCol, a.toCol);
    }
    this.lastRow = lastRow;
    this.lastCol = lastCol;
  }

  /** The key of cell (row, col) holding `value`, or -1 when the worksheet would have no cell there. */
  keyOf(row: number, col: number, value: WriteCell | undefined): number {
    const kind =
      value === null || value === undefined
        ? NONE
        : value instanceof Date
          ? isMidnightUtc(value)
            ? DATE
            : DATE_TIME
          : PLAIN;
    // Cells are asked for row by row: the row's own flags are worked out once a row.
    if (row !== this.flagsRow) {
      this.flagsRow = row;
      this.rowFlags = (this.header && row === 0 ? HEADER : 0) | (this.boldRows.has(row) ? BOLD_ROW : 0);
    }
    let flags = col < this.width ? this.rowFlags : 0;
    for (const a of this.alignRight) if (a.row === row && col >= a.fromCol && col <= a.toCol) flags |= RIGHT;
    let format = 0;
    const nfs = this.formatsByCol[col];
    if (nfs) {
      for (const i of nfs) {
        const nf = this.formats[i];
        if (row >= nf.fromRow && row <= Math.min(nf.toRow, this.rowCount - 1)) format = i + 1;
      }
    }
    // A1 holds the generated note, so it always exists.
    if (kind === NONE && flags === 0 && format === 0 && !(row === 0 && col === 0)) return -1;
    if (row >= 1 && row < this.rowCount) flags |= BODY;
    return ((col * 4 + kind) * (this.formats.length + 1) + format) * 16 + flags;
  }

  /** The style of a key, folded in the order applySheetPatch and applyFormat apply their changes. */
  styleOf(key: number): Style {
    let style = this.styles.get(key);
    if (style) return style;
    const flags = key % 16;
    const format = Math.floor(key / 16) % (this.formats.length + 1);
    const rest = Math.floor(key / 16 / (this.formats.length + 1));
    const kind = rest % 4;
    const col = Math.floor(rest / 4);
    let s: Style = {};
    if (kind === DATE) s = { numFmt: DATE_FORMAT };
    else if (kind === DATE_TIME) s = { numFmt: DATE_TIME_FORMAT };
    if (flags & HEADER)
      s = { ...s, font: { ...BODY_FONT, ...(s.font ?? {}), bold: true }, fill: HEADER_FILL };
    if (format) s = { ...s, numFmt: this.formats[format - 1].format };
    if (flags & BOLD_ROW) s = BOLD(s);
    if (flags & RIGHT) s = ALIGN_RIGHT(s);
    if (flags & BODY) {
      if (this.topCols.has(col)) s = TOP(s);
      if (this.wrapCols.includes(col)) s = WRAP(s);
    }
    this.styles.set(key, (style = s));
    return style;
  }

  /** The row's height in points when its wrapped text needs more than one line, else undefined. */
  heightOf(row: number): number | undefined {
    if (row < 1 || row >= this.rowCount || this.wrapCols.length === 0) return undefined;
    const values = this.patch.rows[row];
    let lines = 1;
    for (let i = 0; i < this.wrapCols.length; i++) {
      const v = values[this.wrapCols[i]];
      const text = typeof v === 'string' ? v : v && typeof v === 'object' && 'text' in v ? v.text : undefined;
      // One line, as wrappedLines finds at once: no need to remember it.
      if (text === undefined || (text.length < this.wrapWidths[i] - 1 && !text.includes('\n'))) continue;
      const memo = this.linesOf[i];
      let n = memo.get(text);
      if (n === undefined) memo.set(text, (n = wrappedLines(text, this.wrapWidths[i])));
      if (n > lines) lines = n;
    }
    return lines > 1 ? Math.min(MAX_ROW_POINTS, lines * LINE_POINTS) : undefined;
  }
}
