// A rulebook whose run lists at least 200,000 non-passing results: a few rules that every resource fails.
import type { Cell, Grid } from '../../core';

export const SCALE_NOW = new Date('2026-03-01T09:00:00Z');

/** Rules × resources non-passing results: every rule fails on every resource (one of them with an error-free FAIL). */
export function failingRulebook(rules = 2, resources = 100_000): Grid[] {
  const ruleRows: Cell[][] = [
    ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Severity', 'Owner'],
  ];
  for (let i = 0; i < rules; i++)
    ruleRows.push([
      `BIG-${i + 1}`,
      `Versioning ${i + 1}`,
      'aws_s3_bucket',
      'versioning',
      'equals',
      'Enabled',
      'High',
      `team-${i % 3}`,
    ]);
  const resourceRows: Cell[][] = [['Resource ID', 'Type', 'Name', 'Owner', 'Business Unit', 'versioning']];
  for (let i = 0; i < resources; i++)
    resourceRows.push([
      `bucket-${i}`,
      'aws_s3_bucket',
      `Bucket ${i}`,
      `owner-${i % 7}`,
      `BU-${i % 5}`,
      'Suspended',
    ]);
  return [
    { name: 'Rules', rows: ruleRows },
    { name: 'Resources', rows: resourceRows },
  ];
}
