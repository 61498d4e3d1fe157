// The columns every generated workload's resources share, and how many resources each type gets.
import type { Cell } from '../core';
import { BUSINESS_UNITS, ENVIRONMENTS, TEAMS } from './catalog';
import type { BenchSize } from './generate';
import type { Prng } from './prng';

/** Resources of the t-th type: an even share, the first types taking one more each of the remainder. */
export function countOfType(size: BenchSize, t: number): number {
  return Math.floor(size.resources / size.types) + (t < size.resources % size.types ? 1 : 0);
}

/** The k-th resource's ID, Type, Name, Owner, Business Unit and Environment (the columns every workload has). */
export function fixedCells(type: string, k: number, rng: Prng): Cell[] {
  return [
    `${type.replace(/[^a-z0-9]+/gi, '-')}-${String(k + 1).padStart(6, '0')}`,
    type,
    `${rng.pick(['prod', 'stage', 'dev'])}-${rng.pick(['web', 'api', 'data', 'hr'])}-${k}`,
    rng.chance(0.7) ? rng.pick(TEAMS) : null,
    rng.pick(BUSINESS_UNITS),
    rng.pick(ENVIRONMENTS),
  ];
}
