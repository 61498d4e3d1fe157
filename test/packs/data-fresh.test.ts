// core/packs/data.ts must be exactly what scripts/build-packs.ts makes from rule-packs/: edit the CSVs, then `npm run packs`.
import * as fs from 'fs';
import { DATA_FILE, readRulePacks, renderPackData } from '../../scripts/build-packs';
import { listRulePacks } from '../../core/packs';

test('core/packs/data.ts is up to date with rule-packs/ (run `npm run packs`)', () => {
  const expected = renderPackData(readRulePacks());
  expect(fs.readFileSync(DATA_FILE, 'utf8')).toEqual(expected);
});

test('the packs core lists are the folders of rule-packs/, with their rule counts', () => {
  const packs = readRulePacks();
  expect(listRulePacks().map((p) => [p.name, p.ruleCount])).toEqual(
    packs.map((p) => [p.name, p.rules.length - 1]),
  );
  expect(listRulePacks().map((p) => p.name)).toEqual([
    'aws-foundations',
    'identity-saas',
    'kubernetes-workloads',
    'source-code-hosting',
  ]);
  for (const p of listRulePacks()) {
    expect(p.title).not.toBe('');
    expect(p.description.length).toBeGreaterThan(40);
  }
});
