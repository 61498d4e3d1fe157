// Add rule, add rule pack, import and new rulebook: the same core patches, applied by every host, leave the same user sheets.
import * as fs from 'fs';
import * as path from 'path';
import {
  applyCellsPatches,
  type Grid,
  type HostPatch,
  planPackWrite,
  planRuleWrite,
  planStarterWrite,
  type RuleCandidate,
  type SheetWrite,
} from '../../core';
import { planTextImport } from '../../importers/from-text';
import { HOSTS } from '../helpers/write-hosts';
import { squared } from '../helpers/conformance';

const NOW = new Date('2026-11-28T00:00:00Z');
const K8S = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'import', 'k8s-workloads.yaml'), 'utf8');

/** A Rules sheet as a user keeps it: aliased headers in their own order, a column of their own, a gap row. */
const USER_RULES: Grid = {
  name: 'Rulebook',
  rows: [
    ['ID', 'Name', 'Applies To', 'Field', 'Operator', 'Expected', 'Notes', 'Severity'],
    ['MY-1', 'Mine', 'aws_s3_bucket', 'name', 'exists', null, 'keep me', 'High'],
    [null, null, null, null, null, null, null, null],
    ['MY-2', 'Also mine', 'aws_s3_bucket', 'versioning.status', 'equals', 'Enabled', null, 'Low'],
  ],
};

const RESOURCES: Grid = {
  name: 'Resources',
  rows: [
    ['Resource ID', 'Type', 'Owner', 'image'],
    ['bucket-1', 'aws_s3_bucket', 'Ann', null],
    ['payments/payments-api', 'k8s:Deployment', 'Bo', 'old:1'],
  ],
};

const OTHER: Grid = { name: 'Notes', rows: [['Left alone'], [42]] };

const candidate = (over: Partial<RuleCandidate> = {}): RuleCandidate => ({
  ruleId: 'NEW-1',
  title: 'Ports above zero',
  resourceType: 'aws_security_group',
  field: 'from_port',
  operator: 'greater than',
  // Text a spreadsheet would read as a formula: every host must keep it as text.
  expected: '-1',
  severity: 'High',
  ...over,
});

const CONDITION: Partial<RuleCandidate> = {
  condition: 'from_port > 0 and count(rules[*] where cidr = "0.0.0.0/0") = 0',
};

type Case = [string, Grid[], (grids: Grid[]) => SheetWrite];

const OPERATIONS: Record<string, Case[]> = {
  'add rule': [
    ['into the user’s Rules sheet', [USER_RULES, OTHER], (g) => planRuleWrite(g, candidate())],
    ['into a workbook without one', [OTHER], (g) => planRuleWrite(g, candidate())],
    // The user's sheet has no Condition column: the header cell is a patch of its own, after their last header.
    ['as a Condition, adding the column', [USER_RULES, OTHER], (g) => planRuleWrite(g, candidate(CONDITION))],
    ['as a Condition, into a workbook without Rules', [OTHER], (g) => planRuleWrite(g, candidate(CONDITION))],
  ],
  'add rule pack': [
    ['below the user’s rules', [USER_RULES, OTHER], (g) => planPackWrite(g, 'aws-foundations')],
    ['into a workbook without rules', [OTHER], (g) => planPackWrite(g, 'kubernetes-workloads')],
  ],
  import: [
    ['into the user’s Resources sheet', [RESOURCES, OTHER], (g) => planTextImport('auto', 'k8s.yaml', K8S, g)],
    ['into a workbook without one', [OTHER], (g) => planTextImport('kubernetes', 'k8s.yaml', K8S, g)],
  ],
  'new rulebook': [
    ['into an empty workbook', [OTHER], (g) => planStarterWrite(g, NOW)],
    ['next to the user’s own Rules', [USER_RULES, OTHER], (g) => planStarterWrite(g, NOW)],
  ],
};

const byName = (sheets: Grid[]) => new Map(sheets.map((s) => [s.name.toLowerCase(), s]));

describe.each(Object.keys(OPERATIONS))('write path: %s', (operation) => {
  describe.each(OPERATIONS[operation])('%s', (_name, input, plan) => {
    const write = plan(input);
    const patches: HostPatch[] = write.patches;
    // Core's reference: the grids with the cells patches laid over them.
    const expected = applyCellsPatches(input, patches);

    it('is planned without refusal and changes something', () => {
      expect(write.refusal).toBeUndefined();
      expect(patches.length).toBeGreaterThan(0);
      expect(expected).not.toEqual(input);
    });

    it.each(HOSTS)('%s leaves every sheet as core’s grid says', async (_host, apply) => {
      const got = await apply(
        input.map((g) => ({ name: g.name, rows: g.rows.map((r) => [...r]) })),
        patches,
      );
      const sheets = byName(got.sheets);
      for (const grid of expected) {
        const sheet = sheets.get(grid.name.toLowerCase());
        expect([grid.name, squared(sheet?.rows)]).toEqual([grid.name, squared(grid.rows)]);
      }
      expect(got.formulas).toEqual([]);
    });
  });
});

describe('write path: refusals', () => {
  it.each<[string, SheetWrite, string]>([
    [
      'a Rule ID in use',
      planRuleWrite([USER_RULES], candidate({ ruleId: 'my-1' })),
      "Rule ID 'MY-1' is used again",
    ],
    ['an unknown pack', planPackWrite([USER_RULES], 'aws'), "Unknown rule pack 'aws'"],
    ['a file that does not parse', planTextImport('kubernetes', 'bad.yaml', 'kind: [unclosed', []), 'bad.yaml'],
    ['an unknown pack in a new rulebook', planStarterWrite([], NOW, { packs: ['nope'] }), "Unknown rule pack 'nope'"],
  ])('%s: no patches, and the refusal says why', (_name, write, words) => {
    expect(write.patches).toEqual([]);
    expect(write.refusal).toContain(words);
  });
});
