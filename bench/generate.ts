// Builds the benchmark rulebook as grids (a Rules sheet and a Resources sheet), the same for the same seed.
import type { Cell, Grid } from '../core';
import { ATTRIBUTES, BASE_TYPES, SEVERITY_MIX, TEAMS, weighted, type Attribute } from './catalog';
import { generateDistinctWorkbook } from './distinct';
import { countOfType, fixedCells } from './resource-rows';
import { mulberry32, type Prng } from './prng';

/** distinct: every rule a distinct check (the default); duplicates: the catalog's rules, many repeating a check. */
export type Workload = 'distinct' | 'duplicates';

export interface BenchSize {
  rules: number;
  resources: number;
  types: number;
  seed: number;
  /** Absent: duplicates, the workload the adapter and CLI figures have always used. */
  workload?: Workload;
}

export const DEFAULT_SIZE: BenchSize = {
  rules: 500,
  resources: 50_000,
  types: 10,
  seed: 42,
  workload: 'distinct',
};

export const RULE_HEADERS = [
  'Rule ID',
  'Title',
  'Resource Type',
  'Field',
  'Operator',
  'Expected',
  'Severity',
  'Owner',
  'Framework',
  'Remediation',
];
const FIXED_RESOURCE_HEADERS = ['Resource ID', 'Type', 'Name', 'Owner', 'Business Unit', 'Environment'];

/** `R-0001` for the first rule. */
export function ruleId(index: number): string {
  return `R-${String(index + 1).padStart(4, '0')}`;
}

export function typeName(index: number): string {
  const base = BASE_TYPES[index % BASE_TYPES.length];
  const round = Math.floor(index / BASE_TYPES.length);
  return round === 0 ? base : `${base}_${round + 1}`;
}

/** Each type uses 6 to 9 of the attribute columns, chosen by the seed. */
function attributesOfType(rng: Prng): Attribute[] {
  const pool = [...ATTRIBUTES];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, rng.int(6, 9));
}

function ruleRows(size: BenchSize, typeAttrs: Attribute[][], rng: Prng): Cell[][] {
  const rows: Cell[][] = [RULE_HEADERS];
  for (let i = 0; i < size.rules; i++) {
    const t = i % size.types;
    const attr = rng.pick(typeAttrs[t]);
    const template = rng.pick(attr.rules);
    rows.push([
      ruleId(i),
      template.title,
      typeName(t),
      attr.column,
      template.operator,
      template.expected(rng),
      weighted(rng, SEVERITY_MIX),
      rng.pick(TEAMS),
      rng.chance(0.5) ? `CIS ${rng.int(1, 5)}.${rng.int(1, 9)}` : null,
      `Set ${attr.column} as the rule says.`,
    ]);
  }
  return rows;
}

function resourceRows(size: BenchSize, typeAttrs: Attribute[][], rng: Prng): Cell[][] {
  const columns = ATTRIBUTES.map((a) => a.column);
  const rows: Cell[][] = [[...FIXED_RESOURCE_HEADERS, ...columns]];
  for (let t = 0; t < size.types; t++) {
    const type = typeName(t);
    const used = new Set(typeAttrs[t]);
    for (let k = 0; k < countOfType(size, t); k++) {
      const row = fixedCells(type, k, rng);
      for (const attr of ATTRIBUTES) row.push(used.has(attr) ? attr.value(rng) : null);
      rows.push(row);
    }
  }
  return rows;
}

/** The workbook: `Rules` then `Resources`. Rules are spread round-robin over the types. */
export function generateWorkbook(size: BenchSize): Grid[] {
  if (size.workload === 'distinct') return generateDistinctWorkbook(size, typeName, ruleId, RULE_HEADERS);
  const rng = mulberry32(size.seed);
  const typeAttrs = Array.from({ length: size.types }, () => attributesOfType(rng));
  return [
    { name: 'Rules', rows: ruleRows(size, typeAttrs, rng) },
    { name: 'Resources', rows: resourceRows(size, typeAttrs, rng) },
  ];
}
