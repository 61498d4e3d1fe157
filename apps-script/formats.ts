// Applying a patch's declarative formats: frozen header, widths, wrapping, filter, number formats, dropdowns, colours, chart.
import type { SheetFormat } from '../core';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

const HEADER_FILL = '#EDEDED';
/** Characters to pixels, about what Sheets shows for the default font. */
const PX_PER_CHAR = 7;
const PX_PADDING = 10;

/** Which conditional-format rules are the engine's: a whole engine sheet, or only its columns on a user sheet. */
export type Ownership = { all: true } | { cols: number[] };

function rows(sheet: Sheet, fromRow: number, toRow: number, col: number) {
  return sheet.getRange(fromRow + 1, col + 1, toRow - fromRow + 1, 1);
}

export function applyFormat(
  ss: Spreadsheet,
  sheet: Sheet,
  format: SheetFormat,
  width: number,
  owned: Ownership,
): void {
  if (format.frozenRows !== undefined) sheet.setFrozenRows(format.frozenRows);
  if (format.headerRow) sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_FILL);
  for (const { col, width: chars } of format.columnWidths ?? []) {
    sheet.setColumnWidth(col + 1, chars * PX_PER_CHAR + PX_PADDING);
  }
  for (const n of format.numberFormats ?? [])
    rows(sheet, n.fromRow, n.toRow, n.col).setNumberFormat(n.format);
  for (const d of format.dropdowns ?? []) {
    const builder = SpreadsheetApp.newDataValidation();
    const source = d.source ? ss.getSheetByName(d.source.sheet) : null;
    const rule = (
      source && d.source
        ? builder.requireValueInRange(rows(source, d.source.fromRow, d.source.toRow, d.source.col), true)
        : builder.requireValueInList(d.values, true)
    )
      .setAllowInvalid(!d.strict)
      .build();
    rows(sheet, d.fromRow, d.toRow, d.col).setDataValidation(rule);
  }
  applyLayout(sheet, format, width);
  applyStatusColors(sheet, format, owned);
  if (format.chart) applyChart(sheet, format.chart);
}

/**
 * Wrapping (Sheets grows the rows itself), bold block headings, right-aligned headings and the header filter.
 * `format.print` has no counterpart: Apps Script cannot set up printing, so File → Print decides it.
 * `format.defaultWidths` is not applied: in Google Sheets the Rules sheet's columns are the user's.
 */
function applyLayout(sheet: Sheet, format: SheetFormat, width: number): void {
  const height = Math.max(1, sheet.getLastRow());
  for (const col of format.wrapCols ?? [])
    if (height > 1)
      rows(sheet, 1, height - 1, col)
        .setWrap(true)
        .setVerticalAlignment('top');
  for (const row of format.boldRows ?? [])
    if (width > 0) sheet.getRange(row + 1, 1, 1, width).setFontWeight('bold');
  for (const { row, fromCol, toCol } of format.alignRight ?? [])
    sheet.getRange(row + 1, fromCol + 1, 1, toCol - fromCol + 1).setHorizontalAlignment('right');
  if (format.autoFilter && width > 0) {
    // One filter a sheet: the previous run's goes first.
    sheet.getFilter()?.remove();
    sheet.getRange(1, 1, height, width).createFilter();
  }
}

/** A rule is the engine's when every range it covers lies on the engine's columns (or the sheet is the engine's). */
function isOwned(rule: Rule, owned: Ownership): boolean {
  if ('all' in owned) return true;
  return rule.getRanges().every((r) => {
    const first = r.getColumn() - 1;
    const last = first + r.getNumColumns() - 1;
    for (let c = first; c <= last; c++) if (!owned.cols.includes(c)) return false;
    return true;
  });
}

function applyStatusColors(sheet: Sheet, format: SheetFormat, owned: Ownership): void {
  const ours: Rule[] = [];
  for (const s of format.statusColors ?? []) {
    const range = rows(sheet, s.fromRow, s.toRow, s.col);
    for (const c of s.colors) {
      ours.push(
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextStartsWith(c.startsWith)
          .setBackground(c.fill)
          .setFontColor(c.font)
          .setRanges([range])
          .build(),
      );
    }
  }
  const existing = sheet.getConditionalFormatRules();
  const kept = existing.filter((rule) => !isOwned(rule, owned));
  if (ours.length === 0 && kept.length === existing.length) return;
  sheet.setConditionalFormatRules([...kept, ...ours]);
}

function applyChart(sheet: Sheet, chart: NonNullable<SheetFormat['chart']>): void {
  const builder = sheet
    .newChart()
    .asLineChart()
    .setTitle(chart.title)
    .setNumHeaders(1)
    .addRange(rows(sheet, chart.fromRow, chart.toRow, chart.labelCol));
  for (const col of chart.valueCols) builder.addRange(rows(sheet, chart.fromRow, chart.toRow, col));
  sheet.insertChart(builder.setPosition(chart.anchorRow + 1, chart.anchorCol + 1, 0, 0).build());
}
