// New rulebook: the CLI's starter sheets added to the spreadsheet, never over a sheet that already exists.
import { starterSheets } from '../core';
import { toSheetRows } from './cells';
import { ensureSize } from './sheet-size';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PX_PER_CHAR = 7;

/** Adds each missing starter sheet; returns the names added (existing sheets are left as they are). */
export function addStarterSheets(ss: Spreadsheet, today: Date): string[] {
  const timeZone = ss.getSpreadsheetTimeZone();
  const present = new Set(ss.getSheets().map((s) => s.getName().toLowerCase()));
  const added: string[] = [];
  for (const starter of starterSheets(today)) {
    if (present.has(starter.name.toLowerCase())) continue;
    const width = Math.max(...starter.rows.map((r) => r.length));
    const sheet = ss.insertSheet(starter.name);
    ensureSize(sheet, starter.rows.length, width);
    sheet.getRange(1, 1, starter.rows.length, width).setValues(toSheetRows(starter.rows, width, timeZone));
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(1);
    starter.widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w * PX_PER_CHAR));
    added.push(starter.name);
  }
  return added;
}
