// What the three peers share around their timed loops: reading the grids into their input, and the run's figures.
import type { Cell, Grid } from '../../core';
import {
  countChecks,
  countResources,
  readResources,
  readRules,
  type BenchRule,
  type ResourceTable,
} from '../sheet';
import { secondsSince, type Counts, type EngineRun } from './types';

export interface PeerInput<F> {
  rules: BenchRule[];
  table: ResourceTable;
  /** Each type's resource rows as the engine's facts (the rows themselves when it takes rows). */
  factsByType: Map<string, F[]>;
  readSeconds: number;
}

/** Reads the rule rows and resource rows, turning each row into facts if asked: timed as the engine's reading. */
export function readInput(grids: Grid[], perType: number): PeerInput<Cell[]>;
export function readInput<F>(
  grids: Grid[],
  perType: number,
  toFacts: (headers: string[]) => (row: Cell[]) => F,
): PeerInput<F>;
export function readInput<F>(
  grids: Grid[],
  perType: number,
  toFacts?: (headers: string[]) => (row: Cell[]) => F,
): PeerInput<F | Cell[]> {
  const start = process.hrtime.bigint();
  const rules = readRules(grids);
  const table = readResources(grids, perType);
  const facts = toFacts?.(table.headers);
  const factsByType = new Map(
    [...table.byType].map(([type, group]) => [type, facts ? group.rows.map(facts) : group.rows]),
  );
  return { rules, table, factsByType, readSeconds: secondsSince(start) };
}

/** The run's figures once its compile + evaluate, started at `start`, is done. */
export function finishRun(input: PeerInput<unknown>, start: bigint, counts: Counts): EngineRun {
  return {
    checks: countChecks(input.rules, input.table),
    resources: countResources(input.table),
    seconds: secondsSince(start),
    readSeconds: input.readSeconds,
    counts,
  };
}
