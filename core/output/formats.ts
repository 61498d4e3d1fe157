// Shared output constants: generated sheet names, the status palette and number formats every sheet uses.
import type { SheetFormat, StatusColor } from './patch';

export const RESULTS_SHEET = 'Results';
export const SUMMARY_SHEET = 'Summary';
export const HISTORY_SHEET = 'Run History';
export const LISTS_SHEET = 'Rulesheet Lists';

/** Every sheet the engine creates; each must pass `isValidSheetName` (limits.ts). */
export const GENERATED_SHEET_NAMES = [RESULTS_SHEET, SUMMARY_SHEET, HISTORY_SHEET, LISTS_SHEET] as const;

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const PERCENT_FORMAT = '0.0%';

/** The one palette: green passes, red fails, amber is waived, purple is a rule or data error, grey is neither. */
export const COLORS = {
  pass: { fill: '#C6EFCE', font: '#006100' },
  fail: { fill: '#FFC7CE', font: '#9C0006' },
  waived: { fill: '#FFEB9C', font: '#9C5700' },
  error: { fill: '#E4D7F5', font: '#5B2C83' },
  neutral: { fill: '#EDEDED', font: '#595959' },
} as const;

/** Colours for cells that hold a status word (Results, Summary). */
export const STATUS_COLORS: StatusColor[] = [
  { startsWith: 'PASS', ...COLORS.pass },
  { startsWith: 'FAIL', ...COLORS.fail },
  { startsWith: 'WAIVED', ...COLORS.waived },
  { startsWith: 'ERROR', ...COLORS.error },
];

/** The symbols that open a Rules Status cell (rules-columns.ts), so both agree on one palette. */
export const RULE_STATUS_MARKS = {
  passing: '✔',
  failing: '✖',
  error: '⚠',
  disabled: '○',
  nothing: '–',
} as const;

export const RULE_STATUS_COLORS: StatusColor[] = [
  { startsWith: RULE_STATUS_MARKS.passing, ...COLORS.pass },
  { startsWith: RULE_STATUS_MARKS.failing, ...COLORS.fail },
  { startsWith: RULE_STATUS_MARKS.error, ...COLORS.error },
  { startsWith: RULE_STATUS_MARKS.disabled, ...COLORS.neutral },
  { startsWith: RULE_STATUS_MARKS.nothing, ...COLORS.neutral },
];

/** Widths in characters for headers the engine writes; anything else gets DEFAULT_WIDTH. */
const WIDTHS: Record<string, number> = {
  'Rule ID': 12,
  Title: 40,
  Severity: 10,
  Status: 10,
  'Resource ID': 28,
  'Resource Type': 22,
  'Resource Name': 24,
  'Business Unit': 16,
  'Fix Owner': 18,
  Field: 28,
  Expected: 24,
  Actual: 24,
  Message: 50,
  Remediation: 40,
  'First Seen': 12,
  Due: 12,
  Overdue: 9,
  Waiver: 36,
  'Run At': 17,
  'Pass Rate': 10,
  'Reads As': 50,
  Problems: 50,
  'Last Run': 17,
  'New Failures': 13,
  Fixed: 8,
  // The Rules sheet's own input columns: widths for a sheet nobody has sized (SheetFormat.defaultWidths).
  Operator: 16,
  Match: 8,
  Condition: 50,
  Conditions: 50,
  'Applies When': 30,
  Owner: 18,
  Framework: 26,
  Frameworks: 26,
  Enabled: 9,
};
const DEFAULT_WIDTH = 12;

export function widthOf(header: string): number {
  return WIDTHS[header] ?? DEFAULT_WIDTH;
}

/** Column widths for a header row laid out from `firstCol`. */
export function columnWidths(
  headers: readonly string[],
  firstCol = 0,
): NonNullable<SheetFormat['columnWidths']> {
  return headers.map((h, i) => ({ col: firstCol + i, width: widthOf(h) }));
}

/** Headers whose text runs long: it wraps in its column rather than being cut off by the next cell. */
const WRAPPED = new Set([
  'Title',
  'Resource ID',
  'Fix Owner',
  'Field',
  'Expected',
  'Actual',
  'Message',
  'Remediation',
  'Waiver',
  'Reads As',
  'Problems',
  // The Rules sheet's own long-text columns, wrapped only on a sheet nobody has sized (SheetFormat.defaultWidths).
  'Owner',
  'Framework',
  'Frameworks',
  'Condition',
  'Conditions',
  'Applies When',
]);

export function wraps(header: string): boolean {
  return WRAPPED.has(header);
}

/** The columns of a header row laid out from `firstCol` whose text wraps. */
export function wrapColsOf(headers: readonly string[], firstCol = 0): number[] {
  return headers.flatMap((h, i) => (WRAPPED.has(h) ? [firstCol + i] : []));
}

/** How a table sheet prints: landscape, one page wide however long, its header row on every page. */
export const TABLE_PRINT: NonNullable<SheetFormat['print']> = {
  landscape: true,
  fitToWidth: true,
  repeatHeaderRows: 1,
};
