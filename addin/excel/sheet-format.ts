// A patch's declarative format as Office.js calls: frozen header, widths, wrapping, filter, print setup, colours, dropdowns, chart.
import { a1, type Dropdown, type SheetFormat } from '../../core';
import { address } from './cells';

/** The Summary's trend chart, found by this name to replace it on the next run. */
export const TREND_CHART_NAME = 'Rulesheet trend';
/** Tab colour that marks a sheet as written by Rulesheet. */
export const GENERATED_TAB_COLOR = '#7F7F7F';
const HEADER_FILL = '#D9E1F2';
/** Excel keeps inline list sources to 255 characters. */
const INLINE_LIST_LIMIT = 255;

/** Characters (as core gives widths) to points, as Excel sizes a Calibri 11 column: 7 px a character plus 5 px padding. */
export function columnPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The list a dropdown offers: its source cells when it has some, else the values inline. */
export function listSource(d: Dropdown): string {
  if (d.source) {
    const { sheet, col, fromRow, toRow } = d.source;
    return `=${quoteSheet(sheet)}!$${a1(fromRow, col).replace(/(\d+)$/, '$$$1')}:$${a1(toRow, col).replace(/(\d+)$/, '$$$1')}`;
  }
  const inline = d.values.map((v) => v.replace(/,/g, ' ')).join(',');
  return inline.length <= INLINE_LIST_LIMIT
    ? inline
    : inline.slice(0, inline.lastIndexOf(',', INLINE_LIST_LIMIT));
}

/**
 * Queues the format of a patch on its sheet. `width` is how many columns the patch's header row spans from
 * `firstCol`; status colours and dropdowns cover only the rows the patch names.
 */
export function queueFormat(
  sheet: Excel.Worksheet,
  format: SheetFormat,
  firstCol: number,
  width: number,
): void {
  if (format.headerRow && width > 0) {
    const header = sheet.getRangeByIndexes(0, firstCol, 1, width);
    header.format.font.bold = true;
    header.format.fill.color = HEADER_FILL;
  }
  if (format.frozenRows) sheet.freezePanes.freezeRows(format.frozenRows);
  for (const { col, width: chars } of format.columnWidths ?? [])
    sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = columnPoints(chars);
  queueLayout(sheet, format, firstCol, width);
  for (const s of format.statusColors ?? []) {
    if (s.toRow < s.fromRow) continue;
    const range = sheet.getRangeByIndexes(s.fromRow, s.col, s.toRow - s.fromRow + 1, 1);
    for (const color of s.colors) {
      const cf = range.conditionalFormats.add('ContainsText');
      cf.textComparison.format.font.color = color.font;
      cf.textComparison.format.fill.color = color.fill;
      cf.textComparison.rule = { operator: 'BeginsWith', text: color.startsWith };
    }
  }
  for (const d of format.dropdowns ?? []) {
    if (d.toRow < d.fromRow) continue;
    const range = sheet.getRangeByIndexes(d.fromRow, d.col, d.toRow - d.fromRow + 1, 1);
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: true, source: listSource(d) } };
    range.dataValidation.errorAlert = d.strict
      ? { showAlert: true, style: 'Stop', title: 'Rulesheet', message: `Pick one of: ${d.values.join(', ')}` }
      : { showAlert: false, style: 'Information', title: 'Rulesheet', message: '' };
  }
  const chart = format.chart;
  if (chart && chart.toRow > chart.fromRow) {
    const cols = [chart.labelCol, ...chart.valueCols];
    const from = cols.reduce((m, c) => Math.min(m, c));
    const source = sheet.getRange(
      address(
        chart.fromRow,
        from,
        chart.toRow - chart.fromRow + 1,
        cols.reduce((m, c) => Math.max(m, c)) - from + 1,
      ),
    );
    const c = sheet.charts.add('Line', source, 'Columns');
    c.name = TREND_CHART_NAME;
    c.title.text = chart.title;
    c.setPosition(a1(chart.anchorRow, chart.anchorCol));
  }
}

/**
 * Wrapping, bold block headings, right-aligned headings, the header filter and the page setup. Wrapped text makes
 * Excel grow a row it has not been told a height for, so a row the user sized keeps its height. defaultWidths are
 * not applied here: whether a user column was ever sized takes a read, and in Excel the Rules sheet is the user's.
 */
function queueLayout(sheet: Excel.Worksheet, format: SheetFormat, firstCol: number, width: number): void {
  for (const col of format.wrapCols ?? []) {
    const column = sheet.getRangeByIndexes(0, col, 1, 1).getEntireColumn();
    column.format.wrapText = true;
    column.format.verticalAlignment = 'Top';
  }
  for (const row of format.boldRows ?? [])
    if (width > 0) sheet.getRangeByIndexes(row, firstCol, 1, width).format.font.bold = true;
  for (const { row, fromCol, toCol } of format.alignRight ?? [])
    sheet.getRangeByIndexes(row, fromCol, 1, toCol - fromCol + 1).format.horizontalAlignment = 'Right';
  if (format.autoFilter && width > 0)
    sheet.autoFilter.apply(sheet.getRangeByIndexes(0, firstCol, 1, width).getEntireColumn());
  const print = format.print;
  if (print) {
    sheet.pageLayout.orientation = print.landscape ? 'Landscape' : 'Portrait';
    if (print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (print.repeatHeaderRows > 0) sheet.pageLayout.setPrintTitleRows(`$1:$${print.repeatHeaderRows}`);
  }
}

/** Removes from an engine-owned sheet what the previous run wrote there: cells, formats, status colours, freeze, trend chart. */
export function queueReset(sheet: Excel.Worksheet, hasTrendChart: boolean): void {
  const all = sheet.getRange();
  all.clear('All');
  all.conditionalFormats.clearAll();
  sheet.freezePanes.unfreeze();
  // A cleared range keeps the sheet's AutoFilter; the new one is applied over the new rows.
  sheet.autoFilter.remove();
  if (hasTrendChart) sheet.charts.getItem(TREND_CHART_NAME).delete();
}
