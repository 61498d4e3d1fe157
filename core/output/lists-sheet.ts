// The hidden `Rulesheet Lists` sheet: the dropdown lists of the Rules sheet, one column each, for hosts with short inline lists.
import { OPERATOR_NAMES } from '../operators';
import type { RuleColumn } from '../rulebook/model';
import { MATCH_MODES, SEVERITIES } from '../types';
import { LISTS_SHEET } from './formats';
import type { Dropdown, SheetPatch, WriteCell } from './patch';

export interface RuleList {
  /** The Rules column the list serves. */
  column: RuleColumn;
  header: string;
  values: readonly string[];
  /**
   * Whether other values are rejected. Operator accepts aliases and symbols (`=`, `!=`) and Enabled accepts
   * yes/no and boolean cells, so those lists only suggest; Severity and Match take nothing else.
   */
  strict: boolean;
}

export function ruleLists(operatorNames: readonly string[] = OPERATOR_NAMES): RuleList[] {
  return [
    { column: 'operator', header: 'Operator', values: operatorNames, strict: false },
    { column: 'severity', header: 'Severity', values: SEVERITIES, strict: true },
    { column: 'enabled', header: 'Enabled', values: ['TRUE', 'FALSE'], strict: false },
    { column: 'match', header: 'Match', values: MATCH_MODES, strict: true },
  ];
}

/** Where each list lives in the lists sheet: its column, rows 1..n under a header. */
export function listSource(lists: readonly RuleList[], index: number): NonNullable<Dropdown['source']> {
  return { sheet: LISTS_SHEET, col: index, fromRow: 1, toRow: lists[index].values.length };
}

export function listsSheet(lists: readonly RuleList[]): SheetPatch {
  const height = lists.reduce((m, l) => Math.max(m, l.values.length), 0);
  const rows: WriteCell[][] = [lists.map((l) => l.header)];
  for (let i = 0; i < height; i++) rows.push(lists.map((l) => l.values[i] ?? null));
  return {
    kind: 'sheet',
    sheet: LISTS_SHEET,
    rows,
    generated: true,
    hidden: true,
    format: { headerRow: true, frozenRows: 1, columnWidths: lists.map((l, col) => ({ col, width: 20 })) },
  };
}
