// json-logic-js as a peer: each rule as JsonLogic, applied per resource; lower-casing, startsWith and regex added as operations.
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import type { Grid } from '../../core';
import { toCheck, type Check } from './check';
import { nestedFacts } from './facts';
import { finishRun, readInput } from './timed';
import { emptyCounts, type EngineRun } from './types';

const regexCache = new Map<string, RegExp>();

/** JsonLogic has no case-insensitive text, no startsWith and no regex: these three operations fill the gap. */
function addOperations(): void {
  jsonLogic.add_operation('lower', (v: unknown) =>
    v === null || v === undefined ? null : String(v).toLowerCase(),
  );
  jsonLogic.add_operation(
    'startsWith',
    (v: unknown, prefix: string) => typeof v === 'string' && v.startsWith(prefix),
  );
  jsonLogic.add_operation('matches', (v: unknown, pattern: string) => {
    if (v === null || v === undefined || v === '') return false;
    let re = regexCache.get(pattern);
    if (!re) regexCache.set(pattern, (re = new RegExp(pattern, 'i')));
    return re.test(String(v));
  });
}

type Logic = RulesLogic<never>;

export function toJsonLogic(c: Check): Logic {
  const v = { var: c.field };
  const lower = { lower: [v] } as unknown as Logic;
  const present = { '!==': [v, null] } as Logic;
  const L = (x: unknown) => x as Logic;
  switch (c.kind) {
    case 'eq':
      return L({ '===': [lower, c.text] });
    case 'ne':
      return L({ '!==': [lower, c.text] });
    case 'gt':
      return L({ and: [present, { '>': [v, c.num] }] });
    case 'ge':
      return L({ and: [present, { '>=': [v, c.num] }] });
    case 'lt':
      return L({ and: [present, { '<': [v, c.num] }] });
    case 'le':
      return L({ and: [present, { '<=': [v, c.num] }] });
    case 'oneOf':
      return L({ in: [lower, c.items] });
    case 'contains':
      return L({ in: [c.text, lower] });
    case 'notContains':
      return L({ '!': { in: [c.text, lower] } });
    case 'startsWith':
      return L({ startsWith: [lower, c.text] });
    case 'isTrue':
      return L({ '===': [lower, 'true'] });
    case 'notEmpty':
      return L({ and: [present, { '!==': [v, ''] }] });
    case 'exists':
      return present;
    case 'matches':
      return L({ matches: [v, c.raw] });
  }
}

/**
 * Reading: the rule rows, and each resource row as the nested data object JsonLogic walks. Then, timed: every
 * rule translated to JsonLogic, and each rule of a type applied to each resource of that type.
 */
export function runJsonLogic(grids: Grid[], perType = Infinity): EngineRun {
  addOperations();
  const input = readInput(grids, perType, nestedFacts);
  const { rules } = input;
  const start = process.hrtime.bigint();
  const counts = emptyCounts(rules.length);
  for (const [type, data] of input.factsByType) {
    const mine: { index: number; logic: Logic }[] = [];
    rules.forEach((rule, index) => {
      if (rule.type === type) mine.push({ index, logic: toJsonLogic(toCheck(rule)) });
    });
    for (const facts of data) {
      for (const { index, logic } of mine) {
        if (jsonLogic.apply(logic, facts) === true) counts.pass[index]++;
        else counts.fail[index]++;
      }
    }
  }
  return finishRun(input, start, counts);
}
