// A worksheet part's values read with a SAX parser as it is inflated, cell by cell as ExcelJS would give them: for the engine sheets a run rewrites anyway.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { StringDecoder } from 'string_decoder';
import type { Cell } from '../../core';
import { parseRef } from './xlsx-ranges';

/** What a sheet's cells refer to: the shared strings, the styles that make a number a date, the date system. */
export interface ValueContext {
  sharedStrings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

/** Number formats Excel has built in that are dates or times (those ExcelJS reads as dates). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** ExcelJS's test for a date format: a date or time letter outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A tag's name without its namespace prefix (`x:row` → `row`). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * A SAX parser over `part`'s XML with handlers for its tags (local names) and texts. Ill-formed XML (a tag that
 * never closes, an unknown entity) is an error naming the part, as ExcelJS, which parses with the same library,
 * refuses it; the parser reads each character once, so a hostile part costs one pass.
 */
function parser(
  part: string,
  open: (name: string, attrs: Record<string, string>, selfClosing: boolean) => void,
  close: (name: string) => void,
  text: (text: string) => void,
): SaxesParser<{ xmlns: false; position: true; fileName: string }> {
  const p = new SaxesParser({ xmlns: false, position: true, fileName: part });
  p.on('opentag', (tag: SaxesTagPlain) => open(local(tag.name), tag.attributes, tag.isSelfClosing));
  p.on('closetag', (tag: SaxesTagPlain) => close(local(tag.name)));
  p.on('text', text);
  p.on('cdata', text);
  return p;
}

/** Parses a whole part held as a string. */
function parseWhole(
  part: string,
  xml: string,
  open: (name: string, attrs: Record<string, string>) => void,
  close: (name: string) => void = () => undefined,
  text: (text: string) => void = () => undefined,
): void {
  parser(part, open, close, text).write(xml).close();
}

/** The cell styles (xf index in cellXfs) whose number format is a date, from xl/styles.xml. */
export function dateStylesOf(stylesXml: string | undefined, part = 'xl/styles.xml'): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  parseWhole(
    part,
    stylesXml,
    (name, attrs) => {
      if (name === 'numFmt' && attrs.numFmtId !== undefined && attrs.formatCode !== undefined)
        custom.set(Number(attrs.numFmtId), attrs.formatCode);
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(attrs.numFmtId ?? 0));
    },
    (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  );
  xfs.forEach((id, index) => {
    const code = custom.get(id);
    if (id && (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id))) out.add(index);
  });
  return out;
}

/** Whether the workbook counts dates from 1904 (its workbookPr's date1904), from xl/workbook.xml. */
export function date1904Of(workbookXml: string, part = 'xl/workbook.xml'): boolean {
  let date1904 = false;
  parseWhole(part, workbookXml, (name, attrs) => {
    if (name === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
  });
  return date1904;
}

/**
 * Collects the texts of the `<t>` elements of string items (`<si>`, `<is>`), phonetic runs (`<rPh>`) left out,
 * as ExcelJS joins a rich text.
 */
export class StringItem {
  private depthInPhonetic = 0;
  private inT = false;
  text = '';

  open(name: string): void {
    if (name === 'rPh') this.depthInPhonetic++;
    else if (name === 't' && this.depthInPhonetic === 0) this.inT = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.depthInPhonetic--;
    else if (name === 't') this.inT = false;
  }

  add(text: string): void {
    if (this.inT) this.text += text;
  }
}

/** The shared strings' texts (rich text joined, phonetic runs left out), as ExcelJS reads them. */
export function sharedStringsOf(xml: string | undefined, part = 'xl/sharedStrings.xml'): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let item: StringItem | undefined;
  parseWhole(
    part,
    xml,
    (name) => {
      if (name === 'si') item = new StringItem();
      else item?.open(name);
    },
    (name) => {
      if (name === 'si' && item) {
        out.push(
          item.text.replace(/_x([0-9A-F]{4})_/g, (_all, hex: string) =>
            String.fromCharCode(parseInt(hex, 16)),
          ),
        );
        item = undefined;
      } else item?.close(name);
    },
    (text) => item?.add(text),
  );
  return out;
}

/** One `<c>` element as it is read: its attributes, its value's text, an inline string, whether it has a formula. */
export interface CellRead {
  t: string;
  s: string | undefined;
  v: string | undefined;
  inV: boolean;
  inline: StringItem | undefined;
  formula: boolean;
}

/** A cell of a column whose values are not wanted: parsed past, left blank. */
const SKIPPED: CellRead = {
  t: 'n',
  s: undefined,
  v: undefined,
  inV: false,
  inline: undefined,
  formula: false,
};

/** What a worksheet's XML holds for its values, reported in document order as it is parsed. */
export interface CellEvents {
  /** A row opens: its number (1-based), from its `r` or counted on from the row before. */
  row(r: number): void;
  /** Whether the cell at column `col` (1-based) of the open row is parsed past without being reported. */
  skip(col: number): boolean;
  /** A cell of the open row closed, with what was read of it (a record reused for the next cell). */
  cell(col: number, read: CellRead): void;
  /** The open row closed. */
  rowEnd(): void;
  /** A merged range, as its ref. */
  merge(ref: string): void;
}

/**
 * A parser of a worksheet's XML reporting its rows, cells and merges to `on`. Throws an Error naming `part` (and
 * where) when the XML is not well-formed.
 */
export function cellParser(
  part: string,
  on: CellEvents,
): SaxesParser<{ xmlns: false; position: true; fileName: string }> {
  let nextRow = 1;
  let inRow = false;
  let nextCol = 1;
  let col = 0;
  let cell: CellRead | undefined;
  const reading: CellRead = { ...SKIPPED };
  return parser(
    part,
    (name, attrs) => {
      if (cell === SKIPPED) return;
      if (cell) {
        if (name === 'v' && cell.v === undefined) {
          cell.v = '';
          cell.inV = true;
        } else if (name === 'f') cell.formula = true;
        else if (name === 'is') cell.inline ??= new StringItem();
        else cell.inline?.open(name);
        return;
      }
      if (name === 'row') {
        const r = attrs.r !== undefined ? Number(attrs.r) : nextRow;
        nextRow = r + 1;
        inRow = true;
        nextCol = 1;
        on.row(r);
      } else if (name === 'c' && inRow) {
        col = attrs.r ? columnOf(attrs.r) : nextCol;
        nextCol = col + 1;
        if (on.skip(col)) cell = SKIPPED;
        else {
          // One record for every cell, filled afresh: millions of cells, no object each.
          cell = reading;
          cell.t = attrs.t ?? 'n';
          cell.s = attrs.s;
          cell.v = undefined;
          cell.inV = false;
          cell.inline = undefined;
          cell.formula = false;
        }
      } else if (name === 'mergeCell' && attrs.ref !== undefined) on.merge(attrs.ref);
    },
    (name) => {
      if (cell === SKIPPED) {
        if (name === 'c') cell = undefined;
        return;
      }
      if (!cell) {
        if (name === 'row') {
          inRow = false;
          on.rowEnd();
        }
        return;
      }
      if (name === 'c') {
        on.cell(col, cell);
        cell = undefined;
      } else if (name === 'v') cell.inV = false;
      else cell.inline?.close(name);
    },
    (text) => {
      if (!cell || cell === SKIPPED) return;
      if (cell.inV) cell.v += text;
      else cell.inline?.add(text);
    },
  );
}

/**
 * A sheet's rows as they are parsed, cell by cell as ExcelJS would give them. `columnsOf`, given the header row
 * (row 1, read whole, when it comes first), picks the columns (0-based) whose values are wanted below it.
 */
export class RowsBuilder implements CellEvents {
  readonly rows: Cell[][] = [];
  readonly merges: string[] = [];
  /** Rows closed so far. */
  rowsEnded = 0;
  private cells: Cell[] | undefined;
  private rowNumber = 0;
  /** Per column (1-based), whether its values are wanted, once row 1 has been read; undefined: all are. */
  private wanted: boolean[] | undefined;
  private decided: boolean;

  constructor(
    private readonly ctx: ValueContext,
    private readonly columnsOf?: (header: Cell[]) => readonly number[] | undefined,
  ) {
    this.decided = columnsOf === undefined;
  }

  row(r: number): void {
    this.rowNumber = r;
    this.cells = this.rows[r - 1] ??= [];
  }

  skip(col: number): boolean {
    return this.wanted !== undefined && this.rowNumber > 1 && this.wanted[col] !== true;
  }

  cell(col: number, read: CellRead): void {
    this.set(col, cellValue(read, this.ctx));
  }

  /** Sets a cell of the open row, as a cell element of the XML does. */
  set(col: number, value: Cell): void {
    const row = this.cells as Cell[];
    while (row.length < col - 1) row.push(null);
    row[col - 1] = value;
  }

  rowEnd(): void {
    this.rowsEnded++;
    // The header decides which columns the rows under it are read for (only when it comes first).
    if (!this.decided) {
      this.decided = true;
      const keep =
        this.rowNumber === 1 && this.rows.length === 1 ? this.columnsOf?.(this.rows[0]) : undefined;
      if (keep) {
        this.wanted = [];
        for (const c of keep) this.wanted[c + 1] = true;
      }
    }
    this.cells = undefined;
  }

  merge(ref: string): void {
    this.merges.push(ref);
  }

  /** The rows, gaps filled and merged cells but the first emptied, as in workbookGrids. */
  finish(): Cell[][] {
    const rows = this.rows;
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    for (const ref of this.merges) {
      const range = parseRef(ref);
      if (!range) continue;
      for (let r = range.top; r <= Math.min(range.bottom, rows.length); r++) {
        const row = rows[r - 1];
        for (let c = range.left; c <= Math.min(range.right, row.length); c++)
          if (r !== range.top || c !== range.left) row[c - 1] = null;
      }
    }
    return rows;
  }
}

/**
 * The values of one worksheet from its XML in chunks; merged cells but the first hold nothing, as in
 * workbookGrids. Throws an Error naming `part` (and where) when the XML is not well-formed.
 */
export async function sheetValues(
  chunks: AsyncIterable<Buffer | string>,
  ctx: ValueContext,
  part = 'worksheet',
  /**
   * Given the header row (row 1, read whole), the columns (0-based) whose values are wanted below it: the others
   * are parsed past and left blank. Undefined: every column.
   */
  columnsOf?: (header: Cell[]) => readonly number[] | undefined,
): Promise<Cell[][]> {
  const rows = new RowsBuilder(ctx, columnsOf);
  const p = cellParser(part, rows);
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) p.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  p.write(decoder.end()).close();
  return rows.finish();
}

/** Whether a cell's value is a shared string's index (its `v`), which cellValue looks up. */
export function isSharedString(cell: CellRead): boolean {
  return cell.t === 's' && !cell.formula && cell.v !== undefined && cell.v !== '';
}

export function cellValue(cell: CellRead, ctx: ValueContext): Cell {
  const { t, v, formula } = cell;
  if (t === 'inlineStr' && !formula) return cell.inline === undefined ? null : cell.inline.text;
  if (isSharedString(cell)) return ctx.sharedStrings[Number(v)] ?? null;
  if (v === undefined || v === '') return null;
  // ExcelJS decodes a `str` value's entities twice; the parser decoded them once, so once more here.
  if (t === 'str') return decode(v);
  if (t === 'b') return parseInt(v, 10) !== 0;
  if (t === 'e') return null;
  const n = parseFloat(v);
  if (cell.s !== undefined && ctx.dateStyles.has(Number(cell.s))) {
    const d = new Date(Math.round((n - 25569 + (ctx.date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return n;
}

function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col;
}

/** XML's entities and character references decoded (one alternation, each match a bounded run: linear time). */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(lt|gt|amp|quot|apos|#\d{1,8}|#x[0-9a-fA-F]{1,8});/g, (all, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
