// The Acme example rulebook reads and runs with no error-severity problems and a realistic mix of results.
import * as path from 'path';
import { readCsvFolder } from '../../cli/io/csv';
import { formatProblem, OPERATOR_NAMES, validate } from '../../core';

const ACME = path.join(__dirname, '../../examples/acme');
const NOW = new Date('2026-03-01T09:00:00Z');

describe('examples/acme', () => {
  const { grids, errors } = readCsvFolder(ACME);

  test('every sheet reads', () => {
    expect(errors).toEqual([]);
    expect(grids.map((g) => g.name).sort()).toEqual([
      'Approved Images',
      'Exceptions',
      'Owners',
      'Resources - AWS',
      'Resources - GitHub',
      'Resources - Identity',
      'Resources - Kubernetes',
      'Results',
      'Rules',
      'Run History',
      'Settings',
    ]);
  });

  test('row-form operators are the canonical names of the operator table', () => {
    const rules = grids.find((g) => g.name === 'Rules')!.rows;
    const col = rules[0].indexOf('Operator');
    const used = rules
      .slice(1)
      .map((r) => r[col])
      .filter((o): o is string => typeof o === 'string' && o !== '');
    expect(used.filter((o) => !OPERATOR_NAMES.includes(o))).toEqual([]);
  });

  test('validate finds no error-severity problems, and most checks pass while many fail', () => {
    const out = validate(grids, { now: NOW });
    // The one error is on purpose: the example shows a waiver without an approver, which core reports as an error.
    expect(out.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      'Exceptions!D5: The waiver has no approver, so it is not applied. Fill Approved By.',
    ]);
    expect(out.summary.resources).toBeGreaterThanOrEqual(200);
    expect(out.summary.rules).toBeGreaterThanOrEqual(40);
    expect(out.summary.errors).toBe(0);
    expect(out.summary.passRate).toBeGreaterThan(0.7);
    expect(out.summary.failing).toBeGreaterThan(100);
    expect(out.summary.waived).toBeGreaterThan(0);
    const expired = out.results.toArray().find((r) => r.rule.id === 'SG-001' && r.status === 'FAIL');
    expect(expired?.message).toContain('waiver expired on 2026-01-31');
  });
});
