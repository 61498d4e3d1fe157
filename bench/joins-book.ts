// The default rulebook plus the join rules: the distinct workload's sheets, the join rules added, a cluster beside.
import type { Cell, Grid } from '../core';
import type { BenchSize } from './generate';
import { generateJoinWorkbook, JOIN_RULES } from './joins';

/** Cluster objects per workload resource: 10,000 beside the default 50,000. */
export const CLUSTER_SHARE = 0.2;

/**
 * The workbook with the join rules in its Rules sheet and the resources they read on a sheet of their own
 * (`Resources - Cluster`, plus the `Priorities` sheet the keyed list reads). The workload's own rules and
 * resources are left as they are, so the peers' rulebook and figures do not change.
 */
export function withJoinRules(grids: Grid[], size: BenchSize): Grid[] {
  const [rules, resources, ...rest] = grids;
  const cluster = generateJoinWorkbook({
    ...size,
    resources: Math.max(10, Math.round(size.resources * CLUSTER_SHARE)),
  });
  const joinHead = JOIN_RULES[0] as string[];
  const head = [...(rules.rows[0] as string[])];
  for (const h of joinHead) if (!head.includes(h)) head.push(h);
  const widen = (row: readonly Cell[], from: readonly string[]) =>
    head.map((h) => {
      const i = from.indexOf(h);
      return i < 0 ? null : (row[i] ?? null);
    });
  const ruleHead = rules.rows[0] as string[];
  const rows: Cell[][] = [
    head,
    ...rules.rows.slice(1).map((r) => widen(r, ruleHead)),
    ...JOIN_RULES.slice(1).map((r) => widen(r, joinHead)),
  ];
  const clusterSheet = cluster.find((g) => g.name === 'Resources');
  const priorities = cluster.find((g) => g.name === 'Priorities');
  if (!clusterSheet || !priorities) throw new Error('the join workbook has no Resources or Priorities sheet');
  return [
    { name: rules.name, rows },
    resources,
    ...rest,
    { name: 'Resources - Cluster', rows: clusterSheet.rows },
    priorities,
  ];
}

/** The resources on the cluster sheet of a workbook withJoinRules made. */
export function joinedClusterRows(grids: Grid[]): number {
  const sheet = grids.find((g) => g.name === 'Resources - Cluster');
  return sheet ? sheet.rows.length - 1 : 0;
}
