// The default workload: every rule a distinct check (type, field, operator, expected), so no rule copies another's judgement.
import type { Cell, Grid } from '../core';
import { ATTRIBUTES, SEVERITY_MIX, TEAMS, weighted, type Attribute } from './catalog';
import type { BenchSize } from './generate';
import { mulberry32, type Prng } from './prng';
import { countOfType, fixedCells } from './resource-rows';

const FIXED = ['Resource ID', 'Type', 'Name', 'Owner', 'Business Unit', 'Environment'];
/** (attribute, template) pairs a type offers in one set of columns: about 6–9 attributes × 2 templates. */
const PAIRS_PER_SET = 12;

interface Column {
  name: string;
  attr: Attribute;
}

function shuffle<T>(rng: Prng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * The catalog's 19 attributes hold about 15 distinct checks a type, so 50 rules a type must repeat checks. Here the
 * attribute columns come in sets (`encryption.enabled`, `encryption.enabled_2`, …, each with its own values), as
 * wide inventories have, and each type's rules take (column, template) pairs without replacement.
 */
export function generateDistinctWorkbook(
  size: BenchSize,
  typeName: (i: number) => string,
  ruleId: (i: number) => string,
  ruleHeaders: string[],
): Grid[] {
  const rng = mulberry32(size.seed);
  const perType = Math.ceil(size.rules / size.types);
  const sets = Math.max(1, Math.ceil(perType / PAIRS_PER_SET));
  const columns: Column[] = [];
  for (let s = 0; s < sets; s++)
    for (const attr of ATTRIBUTES)
      columns.push({ name: s === 0 ? attr.column : `${attr.column}_${s + 1}`, attr });
  const used: Set<Column>[] = [];
  const pairs: { column: Column; t: number }[][] = [];
  for (let t = 0; t < size.types; t++) {
    const mine = new Set<Column>();
    for (let s = 0; s < sets; s++) {
      const set = columns.slice(s * ATTRIBUTES.length, (s + 1) * ATTRIBUTES.length);
      for (const c of shuffle(rng, set).slice(0, rng.int(6, 9))) mine.add(c);
    }
    used.push(mine);
    const list: { column: Column; t: number }[] = [];
    for (const column of mine) column.attr.rules.forEach((_, i) => list.push({ column, t: i }));
    pairs.push(shuffle(rng, list));
  }
  const rules: Cell[][] = [ruleHeaders];
  const taken = new Array<number>(size.types).fill(0);
  for (let i = 0; i < size.rules; i++) {
    const t = i % size.types;
    const pool = pairs[t];
    const { column, t: which } = pool[taken[t]++ % pool.length];
    const template = column.attr.rules[which];
    rules.push([
      ruleId(i),
      template.title,
      typeName(t),
      column.name,
      template.operator,
      template.expected(rng),
      weighted(rng, SEVERITY_MIX),
      rng.pick(TEAMS),
      rng.chance(0.5) ? `CIS ${rng.int(1, 5)}.${rng.int(1, 9)}` : null,
      `Set ${column.name} as the rule says.`,
    ]);
  }
  const resources: Cell[][] = [[...FIXED, ...columns.map((c) => c.name)]];
  for (let t = 0; t < size.types; t++) {
    const type = typeName(t);
    for (let k = 0; k < countOfType(size, t); k++) {
      const row = fixedCells(type, k, rng);
      for (const c of columns) row.push(used[t].has(c) ? c.attr.value(rng) : null);
      resources.push(row);
    }
  }
  return [
    { name: 'Rules', rows: rules },
    { name: 'Resources', rows: resources },
  ];
}

/** Rules that are a distinct check: (type, field, operator, expected), compared as the engine would (case aside). */
export function distinctChecks(rules: Cell[][]): number {
  const seen = new Set<string>();
  for (const r of rules.slice(1)) seen.add(JSON.stringify([r[2], r[3], r[4], r[5]]).toLowerCase());
  return seen.size;
}
