// Reading what the last run wrote: its Results (to carry First Seen over) and its Run History (to append to).
import type { Problem } from '../problems';
import type { Cell, Grid } from '../types';
import { cellDate, cellText } from '../values/cells';
import {
  headerTexts,
  mapHeaders,
  missingColumns,
  RESULT_COLUMNS,
  RESULT_REQUIRED,
  type ResultColumn,
} from './headers';
import type { PreviousResult } from './model';
import { cellAt, isBlankRow, rowAt } from './sheets';

export interface PreviousRead {
  previousResults: PreviousResult[];
  problems: Problem[];
}

/**
 * The columns (0-based) of a Results sheet that readPreviousResults reads, found from its header row: a host may
 * leave the others unread (the previous Results can hold hundreds of thousands of rows).
 */
export function previousResultsColumns(headerRow: readonly Cell[]): number[] {
  const columns = mapHeaders(headerTexts(headerRow), RESULT_COLUMNS);
  return Object.values(columns).filter((c): c is number => c !== undefined);
}

/** Columns (0-based) as runs of adjacent ones, in order: a host reads each run as one range. */
export function columnRuns(columns: readonly number[]): { from: number; count: number }[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: { from: number; count: number }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.from + last.count === c) last.count++;
    else runs.push({ from: c, count: 1 });
  }
  return runs;
}

/**
 * Reads the previous Results. The sheet is the engine's own but people edit it: rows without a Rule ID or
 * Resource ID are passed over, and a First Seen that is not a date is left out (the failure's age restarts).
 * Only a sheet whose header lost Rule ID or Resource ID is reported, since then no age can carry over.
 */
export function readPreviousResults(grid: Grid): PreviousRead {
  if (grid.rows.every((_, r) => isBlankRow(rowAt(grid, r)))) return { previousResults: [], problems: [] };
  const headers = headerTexts(rowAt(grid, 0));
  const columns = mapHeaders(headers, RESULT_COLUMNS);
  const missing = missingColumns(grid.name, headers, columns, RESULT_COLUMNS, RESULT_REQUIRED);
  if (missing.length > 0) return { previousResults: [], problems: missing };

  const previousResults: PreviousResult[] = [];
  for (let r = 1; r < grid.rows.length; r++) {
    const row = rowAt(grid, r);
    const cell = (key: ResultColumn) => cellAt(row, columns[key]);
    const ruleId = cellText(cell('ruleId'));
    const resourceId = cellText(cell('resourceId'));
    if (ruleId === '' || resourceId === '') continue;
    previousResults.push({
      ruleId,
      resourceId,
      resourceType: cellText(cell('resourceType')),
      status: cellText(cell('status')),
      firstSeen: cellDate(cell('firstSeen')),
    });
  }
  return { previousResults, problems: [] };
}

/** The Run History rows as they are, header included; a row that is not an array reads as an empty row. */
export function readPreviousHistory(grid: Grid): Cell[][] {
  const out: Cell[][] = [];
  for (let r = 0; r < grid.rows.length; r++) out.push(rowAt(grid, r) as Cell[]);
  return out;
}
