// json-rules-engine as a peer: one engine per type holding that type's rules, run (async) per resource.
import { Engine } from 'json-rules-engine';
import type { Grid } from '../../core';
import { isMissing, lowerText, toCheck, type Check } from './check';
import { flatFacts } from './facts';
import { finishRun, readInput } from './timed';
import { emptyCounts, type EngineRun } from './types';

/** json-rules-engine compares text case-sensitively and has no startsWith or regex: these custom operators fill the gap. */
function addOperators(engine: Engine): void {
  const regexCache = new Map<string, RegExp>();
  const text = (f: unknown) => lowerText(f as string);
  engine.addOperator('iEquals', (f: unknown, v: string) => !isMissing(f as string) && text(f) === v);
  engine.addOperator('iNotEquals', (f: unknown, v: string) => isMissing(f as string) || text(f) !== v);
  engine.addOperator('iIn', (f: unknown, v: string[]) => !isMissing(f as string) && v.includes(text(f)));
  engine.addOperator('iContains', (f: unknown, v: string) => !isMissing(f as string) && text(f).includes(v));
  engine.addOperator(
    'iNotContains',
    (f: unknown, v: string) => isMissing(f as string) || !text(f).includes(v),
  );
  engine.addOperator(
    'iStartsWith',
    (f: unknown, v: string) => !isMissing(f as string) && text(f).startsWith(v),
  );
  engine.addOperator(
    'isTrue',
    (f: unknown) => f === true || (typeof f === 'string' && f.trim().toLowerCase() === 'true'),
  );
  engine.addOperator('present', (f: unknown) => !isMissing(f as string));
  engine.addOperator('matchesRegex', (f: unknown, pattern: string) => {
    if (isMissing(f as string)) return false;
    let re = regexCache.get(pattern);
    if (!re) regexCache.set(pattern, (re = new RegExp(pattern, 'i')));
    return re.test(String(f));
  });
}

export function toCondition(c: Check): { fact: string; operator: string; value: unknown } {
  const fact = c.field;
  switch (c.kind) {
    case 'eq':
      return { fact, operator: 'iEquals', value: c.text };
    case 'ne':
      return { fact, operator: 'iNotEquals', value: c.text };
    case 'gt':
      return { fact, operator: 'greaterThan', value: c.num };
    case 'ge':
      return { fact, operator: 'greaterThanInclusive', value: c.num };
    case 'lt':
      return { fact, operator: 'lessThan', value: c.num };
    case 'le':
      return { fact, operator: 'lessThanInclusive', value: c.num };
    case 'oneOf':
      return { fact, operator: 'iIn', value: c.items };
    case 'contains':
      return { fact, operator: 'iContains', value: c.text };
    case 'notContains':
      return { fact, operator: 'iNotContains', value: c.text };
    case 'startsWith':
      return { fact, operator: 'iStartsWith', value: c.text };
    case 'isTrue':
      return { fact, operator: 'isTrue', value: true };
    case 'notEmpty':
    case 'exists':
      return { fact, operator: 'present', value: true };
    case 'matches':
      return { fact, operator: 'matchesRegex', value: c.raw };
  }
}

/**
 * Reading: the rule rows, and each resource row as a flat facts object. Then, timed: one engine per type with
 * that type's rules, run once per resource, each rule's result counted.
 */
export async function runJsonRulesEngine(grids: Grid[], perType = Infinity): Promise<EngineRun> {
  const input = readInput(grids, perType, flatFacts);
  const { rules } = input;
  const start = process.hrtime.bigint();
  const counts = emptyCounts(rules.length);
  for (const [type, facts] of input.factsByType) {
    const engine = new Engine([], { allowUndefinedFacts: true });
    addOperators(engine);
    rules.forEach((rule, index) => {
      if (rule.type !== type) return;
      engine.addRule({
        conditions: { all: [toCondition(toCheck(rule))] },
        event: { type: 'rule', params: { index } },
      });
    });
    for (const resource of facts) {
      const { results, failureResults } = await engine.run(resource);
      for (const r of results) counts.pass[r.event?.params?.index as number]++;
      for (const r of failureResults) counts.fail[r.event?.params?.index as number]++;
    }
  }
  return finishRun(input, start, counts);
}
