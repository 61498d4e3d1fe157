// An in-memory Apps Script for tests: SpreadsheetApp and the services the adapter uses, every call counted.
import { CallLog, expose, FakeObject } from './calls';
import { FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder } from './builders';
import { isDate, type Entry, type Stored } from './entry';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeHtmlService, FakeLockService, FakeScriptApp, FakeSession, FakeUi } from './services';
import { localToUtcDate, utcDateToLocal } from './zone';

export { CallLog } from './calls';
export { FORMULA_VALUE } from './entry';
export type { FakeSheet } from './sheet';

type SeedCell = string | number | boolean | Date | null | undefined;

export class FakeSpreadsheetApp extends FakeObject {
  readonly kind = 'SpreadsheetApp';
  readonly ProtectionType = { SHEET: 'SHEET', RANGE: 'RANGE' };
  /** Set for a time-driven run: Apps Script has no UI there. */
  _noUi = false;
  _flushes = 0;
  constructor(
    log: CallLog,
    private readonly ss: FakeSpreadsheet,
    private readonly ui: FakeUi,
  ) {
    super(log);
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.ss;
  }
  getActive(): FakeSpreadsheet {
    return this.ss;
  }
  getUi(): FakeUi {
    if (this._noUi) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.ui;
  }
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.log);
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.log);
  }
  flush(): void {
    this._flushes++;
  }
}

export interface FakeOptions {
  timeZone?: string;
  email?: string;
  /** HTML files by name, for HtmlService.createHtmlOutputFromFile. */
  files?: Record<string, string>;
}

export interface FakeAppsScript {
  log: CallLog;
  spreadsheet: FakeSpreadsheet;
  app: FakeSpreadsheetApp;
  ui: FakeUi;
  locks: FakeLockService;
  scriptApp: FakeScriptApp;
  /** The globals a script sees: SpreadsheetApp, LockService, ScriptApp, HtmlService, Session. */
  globals: Record<string, unknown>;
  /** Adds a sheet as a user would have typed it: text stays text, UTC-midnight dates become date cells. */
  addSheet(name: string, rows: SeedCell[][]): void;
  /** A sheet's data range as values (null for blank), date cells back as UTC-midnight dates. */
  readSheet(name: string): (string | number | boolean | Date | null)[][] | undefined;
  /** Cells of a sheet that hold a formula, as `A1: =…`. */
  formulaCells(name: string): string[];
  /** Another execution takes the document lock (null: it lets go). */
  holdLockElsewhere(held: boolean): void;
}

function seedEntry(cell: SeedCell, timeZone: string): Entry | undefined {
  if (cell === null || cell === undefined || cell === '') return undefined;
  const value: Stored = isDate(cell) ? utcDateToLocal(cell, timeZone) : cell;
  return { value };
}

export function createFakeAppsScript(options: FakeOptions = {}): FakeAppsScript {
  const timeZone = options.timeZone ?? 'Etc/UTC';
  const log = new CallLog();
  const spreadsheet = new FakeSpreadsheet(log, timeZone);
  const ui = new FakeUi(log);
  const app = new FakeSpreadsheetApp(log, spreadsheet, ui);
  const locks = new FakeLockService(log);
  const scriptApp = new FakeScriptApp(log);
  const html = new FakeHtmlService(log, options.files ?? {});
  const session = new FakeSession(log, timeZone, options.email ?? 'dana@example.com');
  return {
    log,
    spreadsheet,
    app,
    ui,
    locks,
    scriptApp,
    globals: {
      SpreadsheetApp: expose(app),
      LockService: expose(locks),
      ScriptApp: expose(scriptApp),
      HtmlService: expose(html),
      Session: expose(session),
    },
    addSheet(name, rows) {
      const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
      const sheet = spreadsheet._insertSheet(name, Math.max(1000, rows.length), Math.max(26, width));
      rows.forEach((row, r) => {
        const target = sheet._rowForWrite(r);
        row.forEach((cell, c) => (target[c] = seedEntry(cell, spreadsheet.timeZone)));
      });
    },
    readSheet(name) {
      const sheet = spreadsheet.getSheetByName(name);
      if (!sheet) return undefined;
      return sheet
        .getDataRange()
        .getValues()
        .map((row) =>
          row.map((v) => (v === '' ? null : isDate(v) ? localToUtcDate(v, spreadsheet.timeZone) : v)),
        );
    },
    formulaCells(name) {
      const sheet = spreadsheet.getSheetByName(name);
      if (!sheet) return [];
      const out: string[] = [];
      sheet._rows.forEach((row, r) =>
        row.forEach((e, c) => {
          if (e?.formula) out.push(`${sheet.getRange(r + 1, c + 1).getA1Notation()}: ${e.formula}`);
        }),
      );
      return out;
    },
    holdLockElsewhere(held) {
      locks._state.holder = held ? 'other' : null;
    },
  };
}
