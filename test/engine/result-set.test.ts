// The run's results kept columnar (ResultSet): what iterating, open(), counts and byRule() give, row by row.
import { ResultSet, validate, type Grid, type Result } from '../../core';
import { resultsSheet } from '../../core/output/results-sheet';
import { NOW, resourcesGrid, rulesGrid, sheet } from './one-rule';

// R-1 is a column check (waived on b1, an expired waiver on b3); R-2 is scoped to Finance; R-3 applies to prod
// only; R-4 cannot run.
function grids(includePassing: boolean): Grid[] {
  return [
    rulesGrid([
      { field: 'versioning', operator: 'equals', expected: 'Enabled', owner: 'ops' },
      { field: 'versioning', operator: 'equals', expected: 'Enabled', businessUnit: 'Finance' },
      { field: 'versioning', operator: 'exists', appliesWhen: 'Environment = "prod"', owner: 'ops' },
      { field: 'versioning', operator: 'frobnicates', expected: 'x', owner: 'sec' },
    ]),
    resourcesGrid([
      { versioning: 'Suspended', 'Business Unit': 'Finance', Environment: 'prod', Owner: 'dana' },
      { versioning: 'Enabled', 'Business Unit': 'HR', Environment: 'dev' },
      { versioning: 'Off', 'Business Unit': 'Finance', Environment: 'prod' },
    ]),
    sheet('Waivers', [
      { 'Rule ID': 'R-1', 'Resource ID': 'b1', 'Approved By': 'Dana', Expires: '2027-01-31' },
      { 'Rule ID': 'R-1', 'Resource ID': 'b3', 'Approved By': 'Dana', Expires: '2026-01-31' },
    ]),
    sheet('Settings', [{ Key: 'Include Passing', Value: includePassing ? 'yes' : 'no' }]),
  ];
}

const TODAY = '2026-11-28';

/** A result as one line: rule/resource, status, fix owner, First Seen, then the start of its message. */
const line = (r: Result) =>
  [
    `${r.rule.id}/${r.resource?.id ?? '-'}`,
    r.status,
    r.fixOwner ?? '',
    r.firstSeen?.toISOString().slice(0, 10) ?? '',
    (r.message ?? '').slice(0, 60),
  ].join(' | ');

const BROKEN = 'The rule cannot run: ';

describe.each([false, true])('with Include Passing %s', (includePassing) => {
  const out = validate(grids(includePassing), { now: NOW });
  const set = out.results;
  const routed = (owner: string) => (includePassing ? owner : '');

  test.each<[rule: string, status: string, owner: string, firstSeen: string, message: string]>([
    ['R-1/b1', 'WAIVED', 'dana', TODAY, ''],
    ['R-1/b2', 'PASS', routed('ops'), '', ''],
    ['R-1/b3', 'FAIL', 'ops', TODAY, '; waiver expired on 2026-01-31'],
    ['R-2/b1', 'FAIL', 'dana', TODAY, ''],
    ['R-2/b2', 'NOT_APPLICABLE', '', '', 'Not checked: the resource has Business Unit "HR"; the rule a'],
    ['R-2/b3', 'FAIL', 'Unassigned', TODAY, ''],
    ['R-3/b1', 'PASS', routed('dana'), '', ''],
    ['R-3/b2', 'NOT_APPLICABLE', '', '', 'Not checked: Applies When (Environment = "prod") is false for'],
    ['R-3/b3', 'PASS', routed('ops'), '', ''],
    ['R-4/-', 'ERROR', 'sec', TODAY, BROKEN],
  ])('%s is %s (fix owner %s, first seen %s)', (pair, status, owner, firstSeen, message) => {
    const found = set.toArray().filter((r) => `${r.rule.id}/${r.resource?.id ?? '-'}` === pair);
    expect(found).toHaveLength(1);
    const [r] = found;
    expect([r.status, r.fixOwner ?? '', r.firstSeen?.toISOString().slice(0, 10) ?? '']).toEqual([
      status,
      owner,
      firstSeen,
    ]);
    if (status === 'FAIL' || status === 'WAIVED' || status === 'ERROR') {
      // An open result's message is the check's, with a note an expired waiver adds at its end.
      if (message.startsWith(';')) expect(r.message).toMatch(/; waiver expired on 2026-01-31$/);
      else if (message) expect(r.message?.startsWith(message)).toBe(true);
      else expect(r.message).not.toMatch(/waiver/);
    } else if (message) expect(r.message?.startsWith(message)).toBe(true);
    else expect(r.message).toBeUndefined();
  });

  test('length and counts need no result made, and agree with iterating', () => {
    const all = set.toArray();
    expect(set.length).toBe(10);
    expect(all).toHaveLength(10);
    const n = (status: string) => all.filter((r) => r.status === status).length;
    expect(set.counts).toEqual({
      passing: n('PASS'),
      failing: n('FAIL'),
      waived: n('WAIVED'),
      errors: n('ERROR'),
      notApplicable: n('NOT_APPLICABLE'),
    });
    expect(set.counts).toEqual({ passing: 3, failing: 3, waived: 1, errors: 1, notApplicable: 2 });
  });

  test('open() is the FAIL, WAIVED and ERROR results in order, the same as iterating gives', () => {
    const open = set.toArray().filter((r) => r.status !== 'PASS' && r.status !== 'NOT_APPLICABLE');
    expect([...set.open()].map(line)).toEqual(open.map(line));
    expect([...set.open((run) => run.rule.id === 'R-4')].map(line)).toEqual([
      expect.stringMatching(/^R-4\/- \| ERROR \| sec \| 2026-11-28 \| The rule cannot run: /),
    ]);
  });

  test('byRule() counts each rule, in the order rules first appear', () => {
    const byRule = [...set.byRule()].map(([rule, c]) => [rule.id, c]);
    expect(byRule).toEqual([
      ['R-1', { passing: 1, failing: 1, waived: 1, errors: 0, notApplicable: 0 }],
      ['R-2', { passing: 0, failing: 2, waived: 0, errors: 0, notApplicable: 1 }],
      ['R-3', { passing: 2, failing: 0, waived: 0, errors: 0, notApplicable: 1 }],
      ['R-4', { passing: 0, failing: 0, waived: 0, errors: 1, notApplicable: 0 }],
    ]);
    const runs = set.runsByRule().get(set.runs[0].rule) ?? [];
    expect([...set.inRuns(runs)].map(line)).toEqual(set.toArray().slice(0, 3).map(line));
  });

  test('results already made, as a set (ResultSet.of), read back the same', () => {
    const made = set.toArray();
    const again = ResultSet.of(made);
    expect(again.length).toBe(set.length);
    expect(again.counts).toEqual(set.counts);
    expect(again.toArray()).toEqual(made);
    expect([...again.open()].map(line)).toEqual([...set.open()].map(line));
  });

  test('the Results sheet made from the arrays is the one made from the results', () => {
    const settings = out.rulebook.settings;
    const rows = resultsSheet(set, settings).rows;
    expect(rows).toEqual(resultsSheet(set.toArray(), settings).rows);
    // Passing rows only when Settings asks; NOT_APPLICABLE never.
    expect(rows).toHaveLength(1 + 5 + (includePassing ? 3 : 0));
    // It is the sheet validate wrote.
    const written = out.patches.find((p) => p.kind === 'sheet' && p.sheet === 'Results');
    expect(written?.kind === 'sheet' && written.rows).toEqual(rows);
  });
});
