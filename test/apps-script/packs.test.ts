// Add rule pack on Sheets: the pack's rules land below the user's, known Rule IDs are left alone.
import { addPack, listPacks } from '../../apps-script/packs';
import { validate, type Cell } from '../../core';
import { createFakeAppsScript } from '../../testkit/sheets';
import { installFake } from './run-on-fake';

describe('rule packs on Sheets', () => {
  it('lists the packs core ships', () => {
    expect(listPacks().map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'aws-foundations',
        'kubernetes-workloads',
        'source-code-hosting',
        'identity-saas',
      ]),
    );
  });

  it('appends a pack under the user rule, then skips it the second time', () => {
    const fake = createFakeAppsScript({ timeZone: 'UTC' });
    fake.addSheet('Rules', [
      ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Notes'],
      ['MY-1', 'My rule', 'aws_s3_bucket', 'name', 'exists', '', 'keep me'],
    ]);
    installFake(fake);
    const first = addPack('aws-foundations');
    expect(first.added).toBeGreaterThan(5);
    const again = addPack('aws-foundations');
    expect(again).toMatchObject({ added: 0, skipped: first.added });

    const grids = ['Rules'].map((name) => ({ name, rows: fake.readSheet(name) as Cell[][] }));
    const rules = grids.find((g) => g.name === 'Rules');
    expect(rules?.rows[1].slice(0, 7)).toEqual([
      'MY-1',
      'My rule',
      'aws_s3_bucket',
      'name',
      'exists',
      null,
      'keep me',
    ]);
    const run = validate(grids, { now: new Date('2026-11-28T00:00:00Z') });
    expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(run.rulebook.rules).toHaveLength(first.added + 1);
  });

  it('names the packs when asked for one that does not exist', () => {
    installFake(createFakeAppsScript({ timeZone: 'UTC' }));
    expect(() => addPack('aws')).toThrow(
      /Unknown rule pack 'aws'\. Did you mean 'aws-foundations'\? Packs: aws-foundations/,
    );
  });
});
