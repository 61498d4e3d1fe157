// New rulebook: the starter sheets core plans, added to the spreadsheet, never over a sheet that already exists.
import { planStarterWrite } from '../core';
import { runWrite } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Adds each missing starter sheet; returns the names added (existing sheets are left as they are). */
export function addStarterSheets(ss: Spreadsheet, today: Date): string[] {
  return runWrite(ss, (grids) => planStarterWrite(grids, today), { namesOnly: true }).added;
}
