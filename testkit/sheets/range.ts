// The fake Range: a rectangle of a fake sheet, 1-based like Apps Script, that refuses wrong shapes as Sheets does.
import { FakeObject } from './calls';
import type { FakeDataValidation } from './builders';
import { parseEntry, readEntry } from './entry';
import type { FakeSheet } from './sheet';

function columnName(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export class FakeRange extends FakeObject {
  readonly kind = 'Range';
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {
    super(sheet.log);
  }

  getSheet(): FakeSheet {
    return this.sheet;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getA1Notation(): string {
    const start = `${columnName(this.col)}${this.row}`;
    return this.numRows === 1 && this.numCols === 1
      ? start
      : `${start}:${columnName(this.getLastColumn())}${this.getLastRow()}`;
  }

  getValues(): (string | number | boolean | Date)[][] {
    const out: (string | number | boolean | Date)[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const stored = this.sheet._row(this.row + r - 1);
      const row = new Array(this.numCols);
      for (let c = 0; c < this.numCols; c++) row[c] = readEntry(stored?.[this.col + c - 1]);
      out.push(row);
    }
    return out;
  }
  getValue(): string | number | boolean | Date {
    return readEntry(this.sheet._row(this.row - 1)?.[this.col - 1]);
  }
  getFormulas(): string[][] {
    const out: string[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const stored = this.sheet._row(this.row + r - 1);
      out.push(Array.from({ length: this.numCols }, (_, c) => stored?.[this.col + c - 1]?.formula ?? ''));
    }
    return out;
  }

  setValues(values: unknown[][]): this {
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this.numRows}.`,
      );
    }
    const tz = this.sheet.parent.timeZone;
    values.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== this.numCols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.numCols}.`,
        );
      }
      const target = this.sheet._rowForWrite(this.row + r - 1);
      row.forEach((v, c) => (target[this.col + c - 1] = parseEntry(v, tz)));
    });
    return this;
  }
  setValue(value: unknown): this {
    return this.setValues([[value]]);
  }
  clearContent(): this {
    for (let r = 0; r < this.numRows; r++) {
      const stored = this.sheet._row(this.row + r - 1);
      if (stored) for (let c = 0; c < this.numCols; c++) stored[this.col + c - 1] = undefined;
    }
    return this;
  }

  private format(op: string, value: unknown): this {
    this.sheet._formats.push({ op, range: this, value });
    return this;
  }
  setNumberFormat(format: string): this {
    return this.format('numberFormat', format);
  }
  setFontWeight(weight: string): this {
    return this.format('fontWeight', weight);
  }
  setBackground(color: string): this {
    return this.format('background', color);
  }
  setFontColor(color: string): this {
    return this.format('fontColor', color);
  }
  setWrap(on: boolean): this {
    return this.format('wrap', on);
  }
  setVerticalAlignment(alignment: string): this {
    return this.format('verticalAlignment', alignment);
  }
  setHorizontalAlignment(alignment: string): this {
    return this.format('horizontalAlignment', alignment);
  }
  /** As in Sheets: one filter a sheet; a second one is refused. */
  createFilter(): FakeFilter {
    if (this.sheet._filter)
      throw new Error("You can't create a filter in a sheet that already has a filter.");
    this.sheet._filter = new FakeFilter(this);
    return this.sheet._filter;
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    this.sheet._validations.push({ range: this, rule });
    return this;
  }
  activate(): this {
    this.sheet.parent._activeRange = this;
    return this;
  }
}

/** A sheet's basic filter: its range, and remove(). */
export class FakeFilter extends FakeObject {
  readonly kind = 'Filter';
  constructor(readonly range: FakeRange) {
    super(range.sheet.log);
  }
  getRange(): FakeRange {
    return this.range;
  }
  remove(): void {
    if (this.range.sheet._filter === this) this.range.sheet._filter = null;
  }
}
