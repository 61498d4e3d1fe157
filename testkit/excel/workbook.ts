// The fake Excel's workbook: sheets of cells with values and number formats, and what the adapter set on them.
import { dateToSerial, defaultDateFormat } from './serial';
import type { Cell } from '../../core';
import { intersects, type Box } from './address';

export type CellValue = string | number | boolean;

export interface FakeCell {
  /** '' is an empty cell. */
  value: CellValue;
  format: string;
  /** Set when a text starting with `=` was written into a cell not formatted as Text. */
  formula?: string;
}

export interface ConditionalFormatRecord {
  box: Box;
  type: string;
  rule?: { operator?: string; text?: string };
  fill?: string;
  font?: string;
}

export interface ValidationRecord {
  box: Box;
  rule: { list?: { inCellDropDown?: boolean; source?: string } };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
}

export interface ChartRecord {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position?: string;
}

export interface RangeFormatRecord {
  box: Box;
  bold?: boolean;
  fill?: string;
  fontColor?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

/** What a sheet's page layout was set to (ExcelApi 1.9). */
export interface PageLayoutRecord {
  orientation?: string;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows?: string;
}

/** The value Excel stores when text is entered into a cell that is not formatted as Text. */
export function enteredValue(
  text: string,
  format: string,
): { value: CellValue; format: string; formula?: string } {
  if (format === '@') return { value: text, format };
  if (text.startsWith("'")) return { value: text.slice(1), format };
  if (text.startsWith('=')) return { value: '#FORMULA!', format, formula: text };
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t), format };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t))
    return { value: Number(t.slice(0, -1)) / 100, format: format === 'General' ? '0%' : format };
  if (/^(true|false)$/i.test(t)) return { value: /^true$/i.test(t), format };
  if (/^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(`${t}T00:00:00Z`)))
    return {
      value: dateToSerial(new Date(`${t}T00:00:00Z`)),
      format: format === 'General' ? 'yyyy-mm-dd' : format,
    };
  return { value: text, format };
}

export class FakeSheet {
  visibility = 'Visible';
  tabColor = '';
  frozenRows = 0;
  /** The range the sheet's AutoFilter covers, if it has one. */
  autoFilter?: Box;
  pageLayout: PageLayoutRecord = {};
  readonly cells = new Map<number, Map<number, FakeCell>>();
  readonly columnWidths = new Map<number, number>();
  rangeFormats: RangeFormatRecord[] = [];
  conditionalFormats: ConditionalFormatRecord[] = [];
  validations: ValidationRecord[] = [];
  charts: ChartRecord[] = [];

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(r)?.get(c);
  }

  private ensure(r: number, c: number): FakeCell {
    let row = this.cells.get(r);
    if (!row) this.cells.set(r, (row = new Map()));
    let cell = row.get(c);
    if (!cell) row.set(c, (cell = { value: '', format: 'General' }));
    return cell;
  }

  /** Writes one value as Office.js's `range.values` does: null leaves the cell alone, text is entered. */
  setValue(r: number, c: number, v: unknown): void {
    if (v === null || v === undefined) return;
    const cell = this.ensure(r, c);
    delete cell.formula;
    if (typeof v === 'string') Object.assign(cell, enteredValue(v, cell.format));
    else if (typeof v === 'number' || typeof v === 'boolean') cell.value = v;
    else throw new TypeError(`cannot write ${Object.prototype.toString.call(v)} to a cell`);
  }

  setFormat(r: number, c: number, f: unknown): void {
    if (f === null || f === undefined) return;
    this.ensure(r, c).format = String(f);
  }

  /** Clears values (and formats when asked) inside a box. */
  clear(box: Box, what: 'All' | 'Contents' | 'Formats'): void {
    for (const [r, row] of this.cells) {
      if (r < box.r0 || r > box.r1) continue;
      for (const [c, cell] of row) {
        if (c < box.c0 || c > box.c1) continue;
        if (what !== 'Formats') {
          cell.value = '';
          delete cell.formula;
        }
        if (what !== 'Contents') cell.format = 'General';
        if (cell.value === '' && cell.format === 'General') row.delete(c);
      }
      if (row.size === 0) this.cells.delete(r);
    }
    if (what !== 'Contents') this.rangeFormats = this.rangeFormats.filter((f) => !intersects(f.box, box));
  }

  /** The bounding box of non-empty cells (or also formatted cells), undefined for an empty sheet. */
  usedBox(valuesOnly: boolean): Box | undefined {
    let box: Box | undefined;
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        if (cell.value === '' && (valuesOnly || cell.format === 'General')) continue;
        if (!box) box = { r0: r, c0: c, r1: r, c1: c };
        else {
          box.r0 = Math.min(box.r0, r);
          box.r1 = Math.max(box.r1, r);
          box.c0 = Math.min(box.c0, c);
          box.c1 = Math.max(box.c1, c);
        }
      }
    }
    return box;
  }

  /** Values of a box as Office.js returns them ('' for empty). */
  values(box: Box): CellValue[][] {
    return this.map(box, (cell) => cell?.value ?? '');
  }

  formats(box: Box): string[][] {
    return this.map(box, (cell) => cell?.format ?? 'General');
  }

  private map<T>(box: Box, f: (cell: FakeCell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const row = this.cells.get(r);
      const line: T[] = [];
      for (let c = box.c0; c <= box.c1; c++) line.push(f(row?.get(c)));
      out.push(line);
    }
    return out;
  }
}

export interface RequestStat {
  requestBytes: number;
  responseBytes: number;
  failed?: string;
}

/** A workbook the fake Excel API works on; tests seed it directly and read it back directly. */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly requests: RequestStat[] = [];
  suspendCalculationCalls = 0;
  /** Workbook.settings, by key. */
  readonly settings = new Map<string, unknown>();
  /**
   * A fault to inject: asked before each request is sent and before each of its commands runs; an error it returns
   * fails that request there (the commands before it have run, as in Excel).
   */
  fault?: (at: { kind: 'sync' } | { kind: 'command'; op: string; target: string }) => Error | undefined;
  selection: { sheet: string; address: string } | undefined;
  activeSheet: string | undefined;
  private nextId = 1;

  get syncs(): number {
    return this.requests.length;
  }

  get maxRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.requestBytes), 0);
  }

  sheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`sheet ${name} exists`);
    if (name.length > 31 || /[:\\/?*[\]]/.test(name) || name.toLowerCase() === 'history')
      throw new Error(`invalid sheet name ${name}`);
    const s = new FakeSheet(name, `{sheet-${this.nextId++}}`);
    this.sheets.push(s);
    return s;
  }

  /**
   * Puts a grid on a new sheet as a user (or an import) left it: text as text, numbers, booleans, and
   * Dates as serial numbers in date-formatted cells.
   */
  seed(name: string, rows: readonly (readonly Cell[])[]): FakeSheet {
    const s = this.addSheet(name);
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null || cell === undefined || cell === '') return;
        if (cell instanceof Date) {
          s.setFormat(r, c, defaultDateFormat(cell));
          s.setValue(r, c, dateToSerial(cell));
        } else {
          s.setFormat(r, c, typeof cell === 'string' ? '@' : 'General');
          s.setValue(r, c, cell);
          if (typeof cell === 'string') s.setFormat(r, c, 'General');
        }
      }),
    );
    return s;
  }
}
