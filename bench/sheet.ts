// Reads the benchmark's own grids back for the peer engines: rule rows and resource rows grouped by type.
import type { Cell, Grid } from '../core';

export interface BenchRule {
  id: string;
  type: string;
  field: string;
  operator: string;
  expected: Cell;
}

export interface ResourceTable {
  headers: string[];
  /** Header → column. */
  column: Map<string, number>;
  /** Data rows of each type, in sheet order, with their 0-based grid row. */
  byType: Map<string, { rows: Cell[][]; gridRows: number[] }>;
}

function grid(grids: Grid[], name: string): Grid {
  const found = grids.find((g) => g.name === name);
  if (!found) throw new Error(`bench: no ${name} grid`);
  return found;
}

export function readRules(grids: Grid[]): BenchRule[] {
  const [header, ...rows] = grid(grids, 'Rules').rows;
  const col = (name: string) => header.indexOf(name);
  const [id, type, field, op, exp] = ['Rule ID', 'Resource Type', 'Field', 'Operator', 'Expected'].map(col);
  return rows.map((r) => ({
    id: String(r[id]),
    type: String(r[type]),
    field: String(r[field]),
    operator: String(r[op]),
    expected: r[exp],
  }));
}

/** Resource rows by type; `perType` keeps only the first n of each type (the sample). */
export function readResources(grids: Grid[], perType = Infinity): ResourceTable {
  const rows = grid(grids, 'Resources').rows;
  const headers = rows[0].map(String);
  const typeCol = headers.indexOf('Type');
  const byType = new Map<string, { rows: Cell[][]; gridRows: number[] }>();
  for (let r = 1; r < rows.length; r++) {
    const type = String(rows[r][typeCol]);
    let group = byType.get(type);
    if (!group) byType.set(type, (group = { rows: [], gridRows: [] }));
    if (group.rows.length >= perType) continue;
    group.rows.push(rows[r]);
    group.gridRows.push(r);
  }
  return { headers, column: new Map(headers.map((h, i) => [h, i])), byType };
}

/** The (rule, resource) pairs whose type matches: what every engine must judge. */
export function countChecks(rules: BenchRule[], table: ResourceTable): number {
  let n = 0;
  for (const rule of rules) n += table.byType.get(rule.type)?.rows.length ?? 0;
  return n;
}

/** Resources that `perType` keeps. */
export function countResources(table: ResourceTable): number {
  let n = 0;
  for (const group of table.byType.values()) n += group.rows.length;
  return n;
}
