// The speed limit: each rule as a plain JavaScript comparison over the row arrays, column index precomputed.
import type { Cell, Grid } from '../../core';
import { isMissing, lowerText, toCheck, type Check } from './check';
import { finishRun, readInput } from './timed';
import { emptyCounts, type EngineRun } from './types';

type Test = (v: Cell | undefined) => boolean;

function asNumber(v: Cell | undefined): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return NaN;
}

function compile(c: Check): Test {
  const { text, num } = c;
  switch (c.kind) {
    case 'eq':
      return (v) => !isMissing(v) && lowerText(v) === text;
    case 'ne':
      return (v) => isMissing(v) || lowerText(v) !== text;
    case 'gt':
      return (v) => asNumber(v) > num;
    case 'ge':
      return (v) => asNumber(v) >= num;
    case 'lt':
      return (v) => asNumber(v) < num;
    case 'le':
      return (v) => asNumber(v) <= num;
    case 'oneOf': {
      const items = new Set(c.items);
      return (v) => !isMissing(v) && items.has(lowerText(v));
    }
    case 'contains':
      return (v) => !isMissing(v) && lowerText(v).includes(text);
    case 'notContains':
      return (v) => isMissing(v) || !lowerText(v).includes(text);
    case 'startsWith':
      return (v) => !isMissing(v) && lowerText(v).startsWith(text);
    case 'isTrue':
      return (v) => v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
    case 'notEmpty':
    case 'exists':
      return (v) => !isMissing(v);
    case 'matches': {
      const re = new RegExp(c.raw, 'i');
      return (v) => !isMissing(v) && re.test(String(v));
    }
  }
}

/**
 * Reads, compiles and judges every (rule, resource) pair, keeping the failing grid rows of each rule
 * (a checker must say which resources fail, so the loop does that little bookkeeping too).
 */
export function runHandWritten(grids: Grid[], perType = Infinity): EngineRun {
  const input = readInput(grids, perType);
  const { rules, table } = input;
  const start = process.hrtime.bigint();
  const counts = emptyCounts(rules.length);
  const failing: number[][] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const group = table.byType.get(rule.type);
    const failed: number[] = [];
    failing.push(failed);
    if (!group) continue;
    const col = table.column.get(rule.field) ?? -1;
    const test = compile(toCheck(rule));
    const rows = group.rows;
    let pass = 0;
    for (let k = 0; k < rows.length; k++) {
      if (test(rows[k][col])) pass++;
      else failed.push(group.gridRows[k]);
    }
    counts.pass[i] = pass;
    counts.fail[i] = failed.length;
  }
  return finishRun(input, start, counts);
}
