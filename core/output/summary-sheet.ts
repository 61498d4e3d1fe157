// The Summary sheet: totals, breakdowns, top failing rules, overdue items and a pass-rate trend, in one column of blocks.
import type { Cell } from '../types';
import { DATE_FORMAT, DATE_TIME_FORMAT, PERCENT_FORMAT, SUMMARY_SHEET } from './formats';
import { historyTrend } from './history-sheet';
import { safeText, type SheetFormat, type SheetPatch, type WriteCell } from './patch';
import type { FixOwnerCounts, HistoryRow, NamedCounts, RunSummary } from './types';

export const SUMMARY_TITLE = 'Rulesheet summary';
/** Overdue items listed on the Summary; the rest are in Results. */
export const SUMMARY_OVERDUE_LIMIT = 100;
export const TREND_RUNS = 30;
/** Where the trend chart sits: beside the blocks, so it covers none of them. */
const CHART_COL = 8;
/**
 * Column widths: A holds names and the trend's run times; B the Run At time (16 characters as yyyy-mm-dd hh:mm)
 * and severities; E to G the overdue items' Fix Owner, Resource Type and Resource ID, the longest text.
 */
const SUMMARY_WIDTHS = [26, 18, 12, 12, 20, 24, 32];
/** Fix Owner and Resource Type of the overdue items, which wrap rather than be cut by the cell to their right. */
const OVERDUE_TEXT_COLS = [4, 5];

const COUNT_HEADER = ['Checks', 'Passing', 'Failing', 'Waived', 'Errors', 'Pass Rate'];
const PASS_RATE_COL = COUNT_HEADER.length;

type NumberFormats = NonNullable<SheetFormat['numberFormats']>;

/** Appends rows and remembers which cells need a number format. */
class Layout {
  readonly rows: WriteCell[][] = [];
  readonly numberFormats: NumberFormats = [];
  /** Block titles and headings, shown bold. */
  readonly boldRows: number[] = [];
  readonly alignRight: NonNullable<SheetFormat['alignRight']> = [];

  add(...cells: WriteCell[]): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }

  /** A blank line and a block title. */
  section(title: string): void {
    if (this.rows.length > 0) this.add();
    this.boldRows.push(this.add(title));
  }

  /** A block's heading row; the headings over numbers and dates (columns `right`, inclusive) align right, as they do. */
  heading(cells: string[], right?: [fromCol: number, toCol: number]): number {
    const row = this.add(...cells);
    this.boldRows.push(row);
    if (right) this.alignRight.push({ row, fromCol: right[0], toCol: right[1] });
    return row;
  }

  format(col: number, fromRow: number, toRow: number, format: string): void {
    if (toRow >= fromRow) this.numberFormats.push({ col, fromRow, toRow, format });
  }
}

function countsBlock(
  layout: Layout,
  title: string,
  nameHeader: string,
  groups: readonly NamedCounts[],
): void {
  layout.section(title);
  layout.heading([nameHeader, ...COUNT_HEADER], [1, COUNT_HEADER.length]);
  if (groups.length === 0) {
    layout.add('None');
    return;
  }
  const first = layout.rows.length;
  for (const g of groups)
    layout.add(safeText(g.name), g.checks, g.passing, g.failing, g.waived, g.errors, g.passRate);
  layout.format(PASS_RATE_COL, first, layout.rows.length - 1, PERCENT_FORMAT);
}

/** Fix owners hold only results someone must act on, so the block shows what they must act on, not a pass rate. */
function fixOwnerBlock(layout: Layout, owners: readonly FixOwnerCounts[]): void {
  layout.section('By fix owner');
  layout.heading(['Fix Owner', 'Failing', 'Errors', 'Waived', 'Overdue'], [1, 4]);
  if (owners.length === 0) layout.add('None');
  for (const o of owners) layout.add(safeText(o.name), o.failing, o.errors, o.waived, o.overdue);
}

function totalsBlock(layout: Layout, s: RunSummary): void {
  layout.section('Totals');
  const totals: [string, number][] = [
    ['Rules', s.rules],
    ['Rules Checking Nothing', s.rulesCheckingNothing],
    ['Resources', s.resources],
    ['Checks', s.checks],
    ['Passing', s.passing],
    ['Failing', s.failing],
    ['Waived', s.waived],
    ['Errors', s.errors],
  ];
  for (const [label, value] of totals) layout.add(label, value);
  const rateRow = layout.add('Pass Rate', s.passRate);
  layout.format(1, rateRow, rateRow, PERCENT_FORMAT);
  layout.add('New Failures', s.newFailures);
  layout.add('Fixed', s.fixed);
  layout.add('Overdue', s.overdue.length);
  if (s.resultsShown) {
    const { listed, total, host } = s.resultsShown;
    layout.add(
      'Results Shown',
      `${listed.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}, most severe first (the most ${host} lists; the command line lists all)`,
    );
  }
}

function topFailingBlock(layout: Layout, s: RunSummary): void {
  layout.section('Top failing rules');
  // Long text goes last in a block, where it can spill into the empty cells to its right.
  layout.heading(['Rule ID', 'Severity', 'Failing', 'Title'], [2, 2]);
  if (s.topFailingRules.length === 0) layout.add('None');
  for (const r of s.topFailingRules) layout.add(safeText(r.ruleId), r.severity, r.failing, safeText(r.title));
}

function overdueBlock(layout: Layout, s: RunSummary): void {
  layout.section('Overdue items');
  layout.heading(
    ['Rule ID', 'Severity', 'Due', 'First Seen', 'Fix Owner', 'Resource Type', 'Resource ID'],
    [2, 3],
  );
  if (s.overdue.length === 0) layout.add('None');
  const first = layout.rows.length;
  for (const r of s.overdue.slice(0, SUMMARY_OVERDUE_LIMIT)) {
    layout.add(
      safeText(r.rule.id),
      r.rule.severity,
      r.due ?? null,
      r.firstSeen ?? null,
      safeText(r.fixOwner ?? ''),
      safeText(r.resource?.type ?? ''),
      safeText(r.resource?.id ?? ''),
    );
  }
  const last = layout.rows.length - 1;
  layout.format(2, first, last, DATE_FORMAT);
  layout.format(3, first, last, DATE_FORMAT);
  const more = s.overdue.length - SUMMARY_OVERDUE_LIMIT;
  if (more > 0) layout.add(`… and ${more} more in Results`);
}

function trendBlock(layout: Layout, points: ReturnType<typeof historyTrend>): SheetFormat['chart'] {
  layout.section('Trend');
  const headerRow = layout.heading(['Run At', 'Pass Rate', 'Failing'], [0, 2]);
  for (const p of points) layout.add(p.runAt, p.passRate, p.failing);
  const last = layout.rows.length - 1;
  layout.format(0, headerRow + 1, last, DATE_TIME_FORMAT);
  layout.format(1, headerRow + 1, last, PERCENT_FORMAT);
  // fromRow is the block's header row, which names the series; the data rows follow it.
  return {
    title: 'Pass rate',
    fromRow: headerRow,
    toRow: last,
    labelCol: 0,
    valueCols: [1],
    anchorRow: headerRow,
    anchorCol: CHART_COL,
  };
}

/**
 * Builds the Summary. `previousHistory` is the Run History as read (header first) and `history` this run's rows;
 * together they give the trend of the last TREND_RUNS `All` rows.
 */
export function summarySheet(
  summary: RunSummary,
  previousHistory: readonly Cell[][],
  history: readonly HistoryRow[],
): SheetPatch {
  const layout = new Layout();
  layout.add(SUMMARY_TITLE);
  const runRow = layout.add('Run At', summary.runAt);
  layout.format(1, runRow, runRow, DATE_TIME_FORMAT);
  totalsBlock(layout, summary);
  countsBlock(layout, 'By severity', 'Severity', summary.bySeverity);
  countsBlock(layout, 'By business unit', 'Business Unit', summary.byBusinessUnit);
  fixOwnerBlock(layout, summary.byFixOwner);
  countsBlock(layout, 'By framework', 'Framework', summary.byFramework);
  topFailingBlock(layout, summary);
  overdueBlock(layout, summary);
  const chart = trendBlock(layout, historyTrend(previousHistory, history, TREND_RUNS));
  return {
    kind: 'sheet',
    sheet: SUMMARY_SHEET,
    rows: layout.rows,
    generated: true,
    format: {
      // The title and Run At stay in view; each block's heading is bold, numbers' headings align right.
      frozenRows: 2,
      headerRow: true,
      boldRows: layout.boldRows,
      alignRight: layout.alignRight,
      columnWidths: SUMMARY_WIDTHS.map((width, col) => ({ col, width })),
      wrapCols: [...OVERDUE_TEXT_COLS],
      numberFormats: layout.numberFormats,
      print: { landscape: true, fitToWidth: true, repeatHeaderRows: 2 },
      chart,
    },
  };
}
