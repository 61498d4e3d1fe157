// Test helper: one rule row against resource rows, through the whole engine, as a spreadsheet user would write them.
import { validate } from '../../core';
import type { Cell, Grid, Result } from '../../core';

export const NOW = new Date('2026-11-28T12:00:00Z');

export interface RuleRow {
  field?: string;
  operator?: string;
  expected?: Cell;
  match?: string;
  condition?: string;
  appliesWhen?: string;
  type?: string;
  businessUnit?: string;
  owner?: string;
}

/** A grid from a header row and objects keyed by header. */
export function sheet(name: string, rows: Record<string, Cell>[], extraHeaders: string[] = []): Grid {
  const headers = [...new Set([...rows.flatMap((r) => Object.keys(r)), ...extraHeaders])];
  return {
    name,
    rows: [headers, ...rows.map((r) => headers.map((h) => (r[h] === undefined ? null : r[h])))],
  };
}

export function rulesGrid(rules: RuleRow[]): Grid {
  return sheet(
    'Rules',
    rules.map((r, i) => ({
      'Rule ID': `R-${i + 1}`,
      Title: `Rule ${i + 1}`,
      'Resource Type': r.type ?? 'bucket',
      Field: r.field ?? null,
      Operator: r.operator ?? null,
      Expected: r.expected ?? null,
      Match: r.match ?? null,
      Condition: r.condition ?? null,
      'Applies When': r.appliesWhen ?? null,
      'Business Unit': r.businessUnit ?? null,
      Owner: r.owner ?? null,
    })),
  );
}

/** Resources of type `bucket` unless the row says otherwise; `id` defaults to b1, b2, … */
export function resourcesGrid(resources: Record<string, Cell>[], name = 'Resources'): Grid {
  return sheet(
    name,
    resources.map((r, i) => ({ 'Resource ID': `b${i + 1}`, Type: 'bucket', ...r })),
  );
}

/** Runs one rule over the resources and returns their results (rule order, then resource order). */
export function runRule(rule: RuleRow, resources: Record<string, Cell>[], extra: Grid[] = []): Result[] {
  return validate([rulesGrid([rule]), resourcesGrid(resources), ...extra], { now: NOW }).results.toArray();
}

export function statusOf(rule: RuleRow, resource: Record<string, Cell>, extra: Grid[] = []): string {
  const results = runRule(rule, [resource], extra);
  return results.map((r) => r.status).join(',');
}
