// Merging a pack into a user's Rules sheet: the user's layout, new rules appended, known ones updated only when asked.
import { starterSheets } from '../../core/packs/starter';
import {
  applyPackMerge,
  listRulePacks,
  mergeRulePack,
  rulePack,
  rulePackRows,
  withRulePacks,
} from '../../core/packs';
import type { RulePackData } from '../../core/packs';
import type { Cell, Grid } from '../../core/types';

/** A two-rule pack, as a Rules.csv would give it. */
const PACK: RulePackData = {
  name: 'mini',
  title: 'Mini',
  description: 'two rules',
  rules: [
    [
      'Rule ID',
      'Title',
      'Resource Type',
      'Field',
      'Operator',
      'Expected',
      'Condition',
      'Severity',
      'Remediation',
    ],
    [
      'M-1',
      'Buckets keep versions',
      'aws_s3_bucket',
      'versioning.status',
      'equals',
      'Enabled',
      '',
      'Medium',
      'Turn it on.',
    ],
    ['M-2', 'Users have MFA', 'aws_iam_user', '', '', '', 'mfa is true', 'High', 'Enrol a device.'],
  ],
};

const grid = (rows: Cell[][]): Grid => ({ name: 'Rules', rows });

describe('mergeRulePack', () => {
  test('an empty Rules sheet gets the pack header and every rule', () => {
    const m = mergeRulePack(grid([]), PACK, { update: false });
    expect(m.header.map((h) => h.value)).toEqual(PACK.rules[0]);
    expect(m.appendAt).toBe(1);
    expect(m.append).toEqual([
      [
        'M-1',
        'Buckets keep versions',
        'aws_s3_bucket',
        'versioning.status',
        'equals',
        'Enabled',
        null,
        'Medium',
        'Turn it on.',
      ],
      ['M-2', 'Users have MFA', 'aws_iam_user', null, null, null, 'mfa is true', 'High', 'Enrol a device.'],
    ]);
    expect(applyPackMerge(grid([]), m).rows[0]).toEqual(PACK.rules[0]);
  });

  test("rows follow the user's column order and aliases; missing columns are added at the right end", () => {
    const user = grid([
      ['ID', 'Severity', 'Type', 'Check', 'Name', 'Owner', 'Notes'],
      ['OWN-1', 'Low', 'aws_s3_bucket', 'tags.team is not empty', 'Buckets have a team', 'Me', 'mine'],
    ]);
    const m = mergeRulePack(user, PACK, { update: false });
    // Field, Operator, Expected and Remediation are new; the pack's blank-only columns are not added.
    expect(m.header).toEqual([
      { col: 7, value: 'Field' },
      { col: 8, value: 'Operator' },
      { col: 9, value: 'Expected' },
      { col: 10, value: 'Remediation' },
    ]);
    expect(m.appendAt).toBe(2);
    expect(m.append[0]).toEqual([
      'M-1',
      'Medium',
      'aws_s3_bucket',
      null,
      'Buckets keep versions',
      null,
      null,
      'versioning.status',
      'equals',
      'Enabled',
      'Turn it on.',
    ]);
    expect(m.append[1].slice(0, 5)).toEqual(['M-2', 'High', 'aws_iam_user', 'mfa is true', 'Users have MFA']);
  });

  test('generated columns are never written; new user columns go after them', () => {
    const user = grid([
      ['Rule ID', 'Title', 'Resource Type', 'Condition', 'Reads As', 'Status'],
      ['OWN-1', 'Mine', 'aws_s3_bucket', 'x is true', 'Every aws_s3_bucket: x is true', '✔ 1 passing'],
    ]);
    const m = mergeRulePack(user, PACK, { update: false });
    expect(m.header[0]).toEqual({ col: 6, value: 'Field' });
    for (const row of m.append) expect([row[4], row[5]]).toEqual([null, null]);
  });

  const withKnown = (): Grid =>
    grid([
      [
        'Rule ID',
        'Title',
        'Resource Type',
        'Field',
        'Operator',
        'Expected',
        'Condition',
        'Severity',
        'Owner',
        'Remediation',
        'Enabled',
      ],
      [
        'm-1',
        'My own words',
        'aws_s3_bucket',
        'versioning.status',
        'equals',
        'Enabled',
        null,
        'High',
        'Storage Team',
        'Turn it on.',
        false,
      ],
      ['OWN-9', 'Not from the pack', 'aws_iam_user', 'x', 'exists', null, null, 'Low', null, null, true],
    ]);

  test('a Rule ID the user has is skipped without update, and nothing of the user changes', () => {
    const user = withKnown();
    const m = mergeRulePack(user, PACK, { update: false });
    expect(m.skipped).toEqual(['M-1']);
    expect(m.update).toEqual([]);
    expect(m.append.map((r) => r[0])).toEqual(['M-2']);
    const after = applyPackMerge(user, m).rows;
    expect(after.slice(0, 3)).toEqual(user.rows);
    expect(after).toHaveLength(4);
  });

  test("with update, only the definition cells that differ change; Owner and Enabled stay the user's", () => {
    const user = withKnown();
    const m = mergeRulePack(user, PACK, { update: true });
    expect(m.skipped).toEqual([]);
    expect(m.update).toEqual([
      {
        ruleId: 'M-1',
        row: 1,
        cells: [
          { col: 1, value: 'Buckets keep versions' },
          { col: 7, value: 'Medium' },
        ],
      },
    ]);
    const after = applyPackMerge(user, m).rows;
    expect(after[1]).toEqual([
      'm-1',
      'Buckets keep versions',
      'aws_s3_bucket',
      'versioning.status',
      'equals',
      'Enabled',
      null,
      'Medium',
      'Storage Team',
      'Turn it on.',
      false,
    ]);
    expect(after[2]).toEqual(user.rows[2]);
  });

  test('with update, a rule that switches form clears the old form so it has one check', () => {
    const user = grid([
      [
        'Rule ID',
        'Title',
        'Resource Type',
        'Field',
        'Operator',
        'Expected',
        'Condition',
        'Severity',
        'Remediation',
      ],
      ['M-2', 'Users have MFA', 'aws_iam_user', 'mfa', 'is true', null, null, 'High', 'Enrol a device.'],
    ]);
    const m = mergeRulePack(user, PACK, { update: true });
    expect(m.update[0].cells).toEqual([
      { col: 3, value: null },
      { col: 4, value: null },
      { col: 6, value: 'mfa is true' },
    ]);
  });

  test('a rule identical to the pack is reported unchanged', () => {
    const user = grid(PACK.rules.map((r) => r.map((c) => (c === '' ? null : c))));
    const m = mergeRulePack(user, PACK, { update: true });
    expect(m).toMatchObject({ update: [], append: [], skipped: [], unchanged: ['M-1', 'M-2'], header: [] });
  });
});

describe('the shipped packs', () => {
  test('rulePackRows gives a copy of a pack, header first; unknown names give undefined', () => {
    const rows = rulePackRows('AWS-Foundations')!;
    expect(rows[0].slice(0, 3)).toEqual(['Rule ID', 'Title', 'Resource Type']);
    rows[1][0] = 'changed';
    expect(rulePackRows('aws-foundations')![1][0]).toBe('AWS-S3-01');
    expect(rulePackRows('nope')).toBeUndefined();
  });

  test('every pack merges into the starter Rules sheet of `rulesheet init`, then a second time adds nothing', () => {
    // The real starter sheet, as `rulesheet init` writes it.
    const starter: Cell[][] = starterSheets(new Date('2026-11-28T00:00:00Z')).find(
      (sh) => sh.name === 'Rules',
    )!.rows;
    const names = listRulePacks().map((p) => p.name);
    const once = withRulePacks(starter, names);
    const total = listRulePacks().reduce((n, p) => n + p.ruleCount, 0);
    expect(once).toMatchObject({ added: total, unknown: [], skipped: [] });
    expect(once.rows[0]).toEqual(starter[0]);
    expect(once.rows).toHaveLength(2 + total);
    const twice = withRulePacks(once.rows, ['kubernetes-workloads', 'no-such-pack']);
    expect(twice.added).toBe(0);
    expect(twice.unknown).toEqual(['no-such-pack']);
    expect(twice.skipped).toHaveLength(rulePack('kubernetes-workloads')!.rules.length - 1);
    expect(twice.rows).toEqual(once.rows);
  });
});
