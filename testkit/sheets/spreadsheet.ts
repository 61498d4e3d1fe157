// The fake Spreadsheet: its sheets, time zone, toasts and the 10-million-cell limit.
import { FakeObject, type CallLog } from './calls';
import type { FakeRange } from './range';
import { FakeSheet } from './sheet';

export const MAX_CELLS = 10_000_000;

export class FakeSpreadsheet extends FakeObject {
  readonly kind = 'Spreadsheet';
  readonly _sheets: FakeSheet[] = [];
  readonly _toasts: { message: string; title?: string }[] = [];
  _activeSheet?: FakeSheet;
  _activeRange?: FakeRange;

  constructor(
    log: CallLog,
    public timeZone: string,
  ) {
    super(log);
  }

  _checkCells(added: number): void {
    const used = this._sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
    if (used + added > MAX_CELLS) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }

  getId(): string {
    return 'fake-spreadsheet';
  }
  getName(): string {
    return 'Rulebook';
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this.timeZone = tz;
  }
  getSheets(): FakeSheet[] {
    return [...this._sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    return this._sheets.find((s) => s.name === name) ?? null;
  }
  /** As Apps Script's insertSheet(name, index): a 1000 × 26 sheet, at the 0-based index or at the end. */
  insertSheet(name: string, index?: number): FakeSheet {
    return this._insertSheet(name, 1000, 26, index);
  }
  _insertSheet(name: string, rows: number, cols: number, index = this._sheets.length): FakeSheet {
    if (this.getSheetByName(name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this._checkCells(rows * cols);
    const sheet = new FakeSheet(this, name, rows, cols);
    this._sheets.splice(Math.min(index, this._sheets.length), 0, sheet);
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    const at = this._sheets.indexOf(sheet);
    if (at < 0) throw new Error('Sheet not found.');
    if (this._sheets.length === 1) throw new Error('You can’t remove all the sheets in a document.');
    this._sheets.splice(at, 1);
    if (this._activeSheet === sheet) this._activeSheet = undefined;
  }
  getActiveSheet(): FakeSheet | undefined {
    return this._activeSheet ?? this._sheets[0];
  }
  toast(message: string, title?: string, _seconds?: number): void {
    this._toasts.push({ message, title });
  }
}
