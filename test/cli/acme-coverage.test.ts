// The acme example checks something with every rule: no rule judges nothing, no coverage warning, nothing for the gate.
import * as path from 'path';
import { formatProblem, validate } from '../../core';
import { readCsvFolder } from '../../cli/io/csv';
import { COVERAGE_CODES, gatingEmptyRules } from '../../cli/report/fail-on';

const ACME = path.join(__dirname, '../../examples/acme');

describe('examples/acme on 1 March 2026', () => {
  const { grids, errors } = readCsvFolder(ACME);
  const out = validate(grids, { now: new Date('2026-03-01T09:00:00Z') });

  test('reads cleanly', () => {
    expect(errors).toEqual([]);
  });

  test('every enabled rule judges at least one resource (the disabled one is the only rule left out)', () => {
    const judged = new Set(
      out.results
        .toArray()
        .filter((r) => r.status !== 'NOT_APPLICABLE')
        .map((r) => r.rule.id),
    );
    const nothing = out.rulebook.rules
      .filter((r) => !judged.has(r.id))
      .map((r) => `${r.id} enabled=${r.enabled}`);
    expect(nothing.every((x) => x.endsWith('enabled=false'))).toBe(true);
    expect(out.summary.rulesCheckingNothing).toBe(0);
  });

  test('no coverage problem: every type, column and Applies When meets some resource', () => {
    expect(out.problems.filter((p) => COVERAGE_CODES.has(p.code)).map(formatProblem)).toEqual([]);
  });

  test('--fail-on info finds no rule that checked nothing', () => {
    expect(gatingEmptyRules(out, 'Info').map((r) => r.id)).toEqual([]);
  });
});
