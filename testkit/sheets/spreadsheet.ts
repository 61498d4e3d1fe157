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
  insertSheet(name: string, rows = 1000, cols = 26): FakeSheet {
    if (this.getSheetByName(name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this._checkCells(rows * cols);
    const sheet = new FakeSheet(this, name, rows, cols);
    this._sheets.push(sheet);
    return sheet;
  }
  getActiveSheet(): FakeSheet | undefined {
    return this._activeSheet ?? this._sheets[0];
  }
  toast(message: string, title?: string, _seconds?: number): void {
    this._toasts.push({ message, title });
  }
}
