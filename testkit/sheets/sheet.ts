// The fake Sheet: stored entries, size limits, formats, validations, conditional formats, protections and charts.
import { FakeObject } from './calls';
import { FakeChart, FakeChartBuilder, FakeConditionalFormatRule, type FakeDataValidation } from './builders';
import type { Entry } from './entry';
import { type FakeFilter, FakeRange } from './range';
import type { FakeSpreadsheet } from './spreadsheet';

export class FakeProtection extends FakeObject {
  readonly kind = 'Protection';
  warningOnly = false;
  description = '';
  setWarningOnly(on: boolean): this {
    this.warningOnly = on;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  setDescription(text: string): this {
    this.description = text;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
}

function parseA1(a1: string): { row: number; col: number; numRows: number; numCols: number } {
  const one = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(ref.trim());
    if (!m) throw new Error(`Range not found: ${a1}`);
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), col };
  };
  const [a, b] = a1.split(':');
  const start = one(a);
  const end = b ? one(b) : start;
  return {
    row: start.row,
    col: start.col,
    numRows: end.row - start.row + 1,
    numCols: end.col - start.col + 1,
  };
}

export class FakeSheet extends FakeObject {
  readonly kind = 'Sheet';
  readonly _rows: (Entry | undefined)[][] = [];
  _formats: { op: string; range: FakeRange; value: unknown }[] = [];
  _validations: { range: FakeRange; rule: FakeDataValidation | null }[] = [];
  _conditional: FakeConditionalFormatRule[] = [];
  _protections: FakeProtection[] = [];
  _charts: FakeChart[] = [];
  _frozenRows = 0;
  _hidden = false;
  _widths = new Map<number, number>();
  _filter: FakeFilter | null = null;

  constructor(
    readonly parent: FakeSpreadsheet,
    public name: string,
    public maxRows = 1000,
    public maxCols = 26,
  ) {
    super(parent.log);
  }

  _row(index: number): (Entry | undefined)[] | undefined {
    return this._rows[index];
  }
  _rowForWrite(index: number): (Entry | undefined)[] {
    while (this._rows.length <= index) this._rows.push([]);
    return this._rows[index];
  }

  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    const other = this.parent._sheets.find((s) => s !== this && s.name.toLowerCase() === name.toLowerCase());
    if (other) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.name = name;
    return this;
  }
  /** 1-based position among the sheets, as Apps Script's getIndex(). */
  getIndex(): number {
    return this.parent._sheets.indexOf(this) + 1;
  }
  getParent(): FakeSpreadsheet {
    return this.parent;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxCols;
  }
  insertRowsAfter(_after: number, howMany: number): this {
    this.parent._checkCells(howMany * this.maxCols);
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(_after: number, howMany: number): this {
    this.parent._checkCells(howMany * this.maxRows);
    this.maxCols += howMany;
    return this;
  }
  getLastRow(): number {
    for (let r = this._rows.length - 1; r >= 0; r--)
      if (this._rows[r].some((e) => e && e.value !== undefined)) return r + 1;
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const row of this._rows)
      for (let c = row.length - 1; c >= last; c--) if (row[c] && row[c]?.value !== undefined) last = c + 1;
    return last;
  }

  getRange(rowOrA1: number | string, col?: number, numRows = 1, numCols = 1): FakeRange {
    const r =
      typeof rowOrA1 === 'string' ? parseA1(rowOrA1) : { row: rowOrA1, col: col ?? 1, numRows, numCols };
    if (r.row < 1 || r.col < 1 || r.numRows < 1 || r.numCols < 1) {
      throw new Error(
        'The starting row and column of the range must be at least 1 and the range at least one cell.',
      );
    }
    if (r.row + r.numRows - 1 > this.maxRows || r.col + r.numCols - 1 > this.maxCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, r.row, r.col, r.numRows, r.numCols);
  }
  getDataRange(): FakeRange {
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }

  clear(): this {
    this._rows.length = 0;
    this._formats = [];
    return this;
  }
  clearContents(): this {
    this._rows.length = 0;
    return this;
  }
  getFilter(): FakeFilter | null {
    return this._filter;
  }
  setFrozenRows(n: number): void {
    this._frozenRows = n;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setColumnWidth(col: number, px: number): this {
    this._widths.set(col, px);
    return this;
  }
  getColumnWidth(col: number): number {
    return this._widths.get(col) ?? 100;
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return [...this._conditional];
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this._conditional = [...rules];
  }
  protect(): FakeProtection {
    const p = new FakeProtection(this.log);
    this._protections.push(p);
    return p;
  }
  getProtections(type: string): FakeProtection[] {
    return type === 'SHEET' ? [...this._protections] : [];
  }
  hideSheet(): this {
    this._hidden = true;
    return this;
  }
  showSheet(): this {
    this._hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }
  newChart(): FakeChartBuilder {
    return new FakeChartBuilder(this.log);
  }
  insertChart(chart: FakeChart): void {
    this._charts.push(chart);
  }
  getCharts(): FakeChart[] {
    return [...this._charts];
  }
  removeChart(chart: FakeChart): void {
    this._charts = this._charts.filter((c) => c !== chart);
  }
  activate(): this {
    this.parent._activeSheet = this;
    return this;
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.parent._activeRange = range;
    return range;
  }
}
