// Shared data types of the engine: cells and grids in, values and statuses inside.

/** One spreadsheet cell as a host reads it. Hosts turn date cells into Date before core sees them. */
export type Cell = string | number | boolean | Date | null;

/** One sheet as a host reads it: rows[0] is the header row. */
export interface Grid {
  name: string;
  rows: Cell[][];
}

/**
 * A value inside the engine, as a path resolves it. `undefined` is the one "missing" value:
 * a blank cell, an absent key, a JSON null and a path that leads nowhere all become undefined.
 */
export type Value = undefined | string | number | boolean | Date | Value[] | { [key: string]: Value };

export const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['PASS', 'FAIL', 'WAIVED', 'ERROR', 'NOT_APPLICABLE'] as const;
export type Status = (typeof STATUSES)[number];

export const MATCH_MODES = ['all', 'any', 'none'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];
