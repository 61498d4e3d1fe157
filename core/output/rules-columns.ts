// The generated Rules columns (Reads As, Status, counts, Problems, Last Run) and the Rules sheet's dropdowns.
import { cellOf, problemMessage, problemSuggestion, type Problem } from '../problems';
import { sheetRef } from '../a1';
import { GENERATED_RULE_COLUMNS, type Rule, type RulesSheet } from '../rulebook/model';
import { cellText, isBlank } from '../values/cells';
import {
  DATE_TIME_FORMAT,
  RULE_STATUS_COLORS,
  RULE_STATUS_MARKS,
  widthOf,
  wrapColsOf,
  wraps,
} from './formats';
import { listSource, type RuleList } from './lists-sheet';
import type { ColumnsPatch, Dropdown, SheetFormat, WriteCell } from './patch';
import { safeText } from './patch';

type GeneratedColumn = (typeof GENERATED_RULE_COLUMNS)[number];

export interface RuleInfo {
  readsAs: string;
  problems: Problem[];
  broken: boolean;
}

/** Dropdowns reach at least this far, so rows the user adds later get them too. */
export const DROPDOWN_MIN_ROWS = 200;
/** The Rules Status column: `✖ 5 failing · 4 waived` is longer than the status words of Results. */
const RULE_STATUS_WIDTH = 26;

export interface RuleCounts {
  passing: number;
  failing: number;
  waived: number;
  errors: number;
}

/**
 * Where each generated column goes: where an earlier run put it, else the first free column at or after
 * userWidth. A column is free when no user header or cell is in it, so nothing the user wrote is covered.
 */
export function placeGeneratedColumns(sheet: RulesSheet): Record<GeneratedColumn, number> {
  const taken = new Set<number>(Object.values(sheet.generated).filter((c): c is number => c !== undefined));
  const usedByUser = (col: number) => sheet.grid.rows.some((row) => !isBlank(row[col]));
  const placed = {} as Record<GeneratedColumn, number>;
  let next = sheet.userWidth;
  for (const name of GENERATED_RULE_COLUMNS) {
    const recorded = sheet.generated[name];
    if (recorded !== undefined) {
      placed[name] = recorded;
      continue;
    }
    while (taken.has(next) || usedByUser(next)) next++;
    placed[name] = next;
    taken.add(next);
  }
  return placed;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * `✔ 12 passing`, `✖ 3 failing · 1 waived`, `⚠ 2 errors · 5 passing`, `⚠ rule error`, `○ disabled`,
 * `– no matching resources`. The mark leads so the cell's colour follows it.
 */
export function ruleStatusText(rule: Rule, info: RuleInfo, c: RuleCounts): string {
  const m = RULE_STATUS_MARKS;
  if (!rule.enabled) return `${m.disabled} disabled`;
  if (info.broken) return `${m.error} rule error`;
  const waived = c.waived > 0 ? ` · ${c.waived} waived` : '';
  const errors = c.errors > 0 ? ` · ${plural(c.errors, 'error', 'errors')}` : '';
  const passing = c.passing > 0 ? ` · ${c.passing} passing` : '';
  if (c.failing > 0) return `${m.failing} ${c.failing} failing${errors}${waived}`;
  if (c.errors > 0) return `${m.error} ${plural(c.errors, 'error', 'errors')}${passing}${waived}`;
  if (c.passing > 0) return `${m.passing} ${c.passing} passing${waived}`;
  if (c.waived > 0) return `${m.passing} ${c.waived} waived`;
  return `${m.nothing} no matching resources`;
}

/** One line a problem: `D7: Unknown operator 'equal'. Did you mean 'equals'?` (the sheet is named when it is another one). */
export function problemLine(p: Problem, rulesSheet: string): string {
  const { sheet, row, col } = p.location;
  const where =
    sheet === undefined || row === undefined
      ? ''
      : sheet === rulesSheet
        ? cellOf(p.location)
        : sheetRef(sheet, row, col ?? 0);
  const text = [problemMessage(p), problemSuggestion(p)].filter(Boolean).join(' ');
  return where ? `${where}: ${text}` : text;
}

function generatedCells(
  rule: Rule,
  info: RuleInfo,
  c: RuleCounts,
  sheetName: string,
  now: Date,
): Record<GeneratedColumn, WriteCell> {
  const ran = rule.enabled && !info.broken;
  return {
    'Reads As': info.readsAs ? safeText(info.readsAs) : null,
    Status: ruleStatusText(rule, info, c),
    Passing: ran ? c.passing : null,
    Failing: ran ? c.failing : null,
    Waived: ran ? c.waived : null,
    Problems:
      info.problems.length > 0
        ? safeText(info.problems.map((p) => problemLine(p, sheetName)).join('\n'))
        : null,
    'Last Run': now,
  };
}

function dropdowns(sheet: RulesSheet, lists: readonly RuleList[]): Dropdown[] {
  const toRow = Math.max(sheet.grid.rows.length, DROPDOWN_MIN_ROWS);
  const out: Dropdown[] = [];
  lists.forEach((list, index) => {
    const col = sheet.columns[list.column];
    if (col === undefined) return;
    out.push({
      col,
      fromRow: 1,
      toRow,
      values: [...list.values],
      source: listSource(lists, index),
      strict: list.strict,
    });
  });
  return out;
}

/**
 * Widths for the user's own Rules columns, by their headers, for a sheet nobody has sized (a workbook made from
 * CSV files): the host applies them only then (SheetFormat.defaultWidths), so a width the user chose stays.
 */
function userColumnWidths(
  sheet: RulesSheet,
  generated: ReadonlySet<number>,
): NonNullable<SheetFormat['defaultWidths']> {
  const header = sheet.grid.rows[0] ?? [];
  const out: NonNullable<SheetFormat['defaultWidths']> = [];
  header.forEach((cell, col) => {
    const name = cellText(cell).trim();
    if (name && !generated.has(col)) out.push({ col, width: widthOf(name), wrap: wraps(name) });
  });
  return out;
}

/** The generated Rules columns from counts by rule already made (a tally's). */
export function rulesColumnsOf(
  sheet: RulesSheet,
  rules: readonly Rule[],
  counts: ReadonlyMap<Rule, RuleCounts>,
  ruleInfo: ReadonlyMap<Rule, RuleInfo>,
  lists: readonly RuleList[],
  now: Date,
): ColumnsPatch {
  const placed = placeGeneratedColumns(sheet);
  const ruleAtRow = new Map<number, Rule>();
  for (const rule of rules) if (!ruleAtRow.has(rule.row)) ruleAtRow.set(rule.row, rule);

  const columns = GENERATED_RULE_COLUMNS.map((name) => ({
    col: placed[name],
    values: [name] as WriteCell[],
  }));
  const none: RuleCounts = { passing: 0, failing: 0, waived: 0, errors: 0 };
  for (let row = 1; row < sheet.grid.rows.length; row++) {
    const rule = ruleAtRow.get(row);
    const cells = rule
      ? generatedCells(
          rule,
          ruleInfo.get(rule) ?? { readsAs: '', problems: rule.problems, broken: rule.broken },
          counts.get(rule) ?? none,
          sheet.name,
          now,
        )
      : undefined;
    GENERATED_RULE_COLUMNS.forEach((name, i) => columns[i].values.push(cells ? cells[name] : null));
  }

  const last = sheet.grid.rows.length - 1;
  const range = { fromRow: 1, toRow: last };
  return {
    kind: 'columns',
    sheet: sheet.name,
    columns,
    format: {
      frozenRows: 1,
      columnWidths: GENERATED_RULE_COLUMNS.map((name) => ({
        col: placed[name],
        width: name === 'Status' ? RULE_STATUS_WIDTH : widthOf(name),
      })),
      wrapCols: GENERATED_RULE_COLUMNS.flatMap((name) => wrapColsOf([name], placed[name])),
      defaultWidths: userColumnWidths(sheet, new Set(Object.values(placed))),
      dropdowns: dropdowns(sheet, lists),
      statusColors: last >= 1 ? [{ col: placed.Status, ...range, colors: RULE_STATUS_COLORS }] : [],
      numberFormats: last >= 1 ? [{ col: placed['Last Run'], ...range, format: DATE_TIME_FORMAT }] : [],
    },
  };
}
