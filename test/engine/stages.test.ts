// Each stage adds its own part: evaluation's codes stay as judged, waivers give their own statuses, tracking its own copies.
import { compileRulebook, evaluateRules, readRulebook, validate } from '../../core';
import type { Grid } from '../../core';
import { CODE } from '../../core/engine/codes';
import { decide } from '../../core/engine/decide';
import { resultsOf } from '../../core/engine/results';
import { fixOwnerRouter } from '../../core/engine/route';
import { waiverMatcher } from '../../core/engine/waivers';
import { NOW, resourcesGrid, rulesGrid, sheet } from './one-rule';

// are the same column check (one field against a literal), so evaluation shares their codes.
const same = { field: 'versioning', operator: 'equals', expected: 'Enabled', owner: 'ops' };
const grids: Grid[] = [
  rulesGrid([same, same]),
  resourcesGrid([{ versioning: 'Suspended' }, { versioning: 'Enabled' }, { versioning: 'Off' }]),
  sheet('Waivers', [
    { 'Rule ID': 'R-1', 'Resource ID': 'b1', 'Approved By': 'Dana', Expires: '2027-01-31' },
    { 'Rule ID': 'R-1', 'Resource ID': 'b3', 'Approved By': 'Dana', Expires: '2026-01-31' },
  ]),
];

function stages() {
  const book = readRulebook(grids);
  const evaluation = evaluateRules(compileRulebook(book), book.resources, { nowMs: NOW.getTime() });
  const decisions = decide(
    evaluation,
    fixOwnerRouter(book.owners),
    waiverMatcher(book.waivers, NOW.toISOString().slice(0, 10)),
  );
  return { evaluation, decisions };
}

const words = (r: { rule: { id: string }; resource?: { id: string }; status: string }) =>
  `${r.rule.id}/${r.resource?.id}: ${r.status}`;

test("waivers give their own statuses and leave evaluation's codes as judged", () => {
  const { evaluation, decisions } = stages();
  const [r1, r2] = evaluation.runs;
  expect(r2.codes).toBe(r1.codes);
  expect([...r1.codes]).toEqual([CODE.FAIL, CODE.PASS, CODE.FAIL]);
  expect([...decisions[0].statuses]).toEqual([CODE.WAIVED, CODE.PASS, CODE.FAIL]);
  // The codes evaluation made are untouched, and R-2, which no waiver names, keeps its own.
  expect([...r1.codes]).toEqual([CODE.FAIL, CODE.PASS, CODE.FAIL]);
  expect(decisions[1].statuses).toBe(r2.codes);
  expect(resultsOf(evaluation).toArray().map(words)).toEqual([
    'R-1/b1: FAIL',
    'R-1/b2: PASS',
    'R-1/b3: FAIL',
    'R-2/b1: FAIL',
    'R-2/b2: PASS',
    'R-2/b3: FAIL',
  ]);
});

test('a waiver on one rule does not waive another rule that shares its column check', () => {
  expect(validate(grids, { now: NOW }).results.toArray().map(words)).toEqual([
    'R-1/b1: WAIVED',
    'R-1/b2: PASS',
    'R-1/b3: FAIL',
    'R-2/b1: FAIL',
    'R-2/b2: PASS',
    'R-2/b3: FAIL',
  ]);
});

test('decisions: a fix owner for every finding, the waiver that holds, a note for an expired one', () => {
  const { evaluation, decisions } = stages();
  const results = resultsOf(evaluation, { decisions }).toArray();
  const [waived, , expired] = results;
  expect(waived).toMatchObject({ status: 'WAIVED', fixOwner: 'ops', waiver: { approvedBy: 'Dana' } });
  expect(expired).toMatchObject({ status: 'FAIL', fixOwner: 'ops', waiver: undefined });
  expect(expired.message).toMatch(/; waiver expired on 2026-01-31$/);
  expect(results.filter((r) => r.status !== 'PASS').every((r) => r.fixOwner === 'ops')).toBe(true);
  // Passing results are routed only when Settings asks (then a passingOwner is given).
  expect(results[1].fixOwner).toBeUndefined();
  const routed = resultsOf(evaluation, { decisions, passingOwner: () => 'someone' }).toArray();
  expect(routed[1]).toEqual({
    rule: results[1].rule,
    resource: results[1].resource,
    status: 'PASS',
    fixOwner: 'someone',
  });
});

test('a run gives its dated results and leaves the results it was given undated', () => {
  const out = validate(grids, { now: NOW });
  expect(out.results.toArray()[2]).toMatchObject({
    status: 'FAIL',
    firstSeen: new Date('2026-11-28T00:00:00Z'),
  });
  const { evaluation, decisions } = stages();
  expect(resultsOf(evaluation, { decisions }).toArray()[2].firstSeen).toBeUndefined();
});
