// Comparisons by value when Expected is written with a unit: a Kubernetes quantity (`1Gi`) or a duration (`8h`).
import type { Value } from '../types';
import { readDuration, readQuantity, unitValue, type UnitValue } from '../values/units';
import { shapeReason } from './define';
import type { Unjudgeable } from './types';

/** Expected written with a unit, as prepared once: its value as a quantity, a duration in seconds, or both (`10m`). */
export type UnitBound = UnitValue;

/** The unit bound of an Expected value, or undefined when it is a plain number, a date or other text. */
export function unitBound(v: Value): UnitBound | undefined {
  return unitValue(v);
}

/**
 * The sign of actual − Expected, or why the actual cannot meet it. `10m` meets `30s` as ten minutes and `250m`
 * (or a plain number) as a quantity; two `…m` values order the same read either way.
 */
export function compareUnits(actual: Value, bound: UnitBound): number | Unjudgeable {
  const shape = shapeReason(actual, bound.duration !== undefined ? 'a duration' : 'a quantity');
  if (shape !== undefined) return { error: shape };
  if (bound.quantity !== undefined) {
    const q = readQuantity(actual);
    if (q !== undefined) return Math.sign(q.value - bound.quantity);
  }
  if (bound.duration !== undefined) {
    const d = readDuration(actual);
    if (d !== undefined) return Math.sign(d - bound.duration);
  }
  return { error: unitReason(actual, bound) };
}

function unitReason(actual: Value, bound: UnitBound): string {
  if (bound.quantity === undefined) {
    return typeof actual === 'number' || readQuantity(actual) !== undefined
      ? 'is a number without a unit, not a duration (write durations as 90s, 4h30m or PT4H)'
      : 'is not a duration (write durations as 90s, 4h30m or PT4H)';
  }
  if (bound.duration === undefined) return 'is not a Kubernetes quantity (such as 500m, 1Gi or 2e3)';
  return 'is neither a Kubernetes quantity nor a duration';
}
