// Add rule pack and New rulebook as patches: what core plans for a host to write.
import { type CellsPatch, planPackWrite, planStarterWrite, rulePackViews, listRulePacks } from '../../core';

const NOW = new Date('2026-11-28T00:00:00Z');

describe('planPackWrite', () => {
  it('finds the Rules sheet by its aliases and appends below the last row, blanks as ""', () => {
    const rules = {
      name: 'Rulebook',
      rows: [
        ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
        ['MY-1', 'Mine', 'aws_s3_bucket', 'name', 'exists', null],
      ],
    };
    const write = planPackWrite([{ name: 'Notes', rows: [] }, rules], 'aws-foundations');
    expect(write).toMatchObject({ sheet: 'Rulebook', skipped: 0 });
    const append = write.patches[write.patches.length - 1] as CellsPatch;
    expect(append).toMatchObject({ kind: 'cells', sheet: 'Rulebook', row: 2, col: 0 });
    expect(append.rows).toHaveLength(write.added);
    expect(append.rows.flat()).not.toContain(null);
  });

  it('plans a Rules sheet when the workbook has none, every patch creating it', () => {
    const first = planPackWrite([], 'identity-saas');
    expect(first.sheet).toBe('Rules');
    expect(first.patches.every((p) => p.kind === 'cells' && p.create)).toBe(true);
  });
});

describe('planStarterWrite', () => {
  it('plans only the sheets the workbook lacks, matched as core matches names, each with a bold frozen header and widths', () => {
    const write = planStarterWrite(
      [
        { name: 'rules', rows: [] },
        { name: 'Owner s', rows: [] },
      ],
      NOW,
    );
    expect(write.added).toEqual(['Resources', 'Exceptions', 'Settings']);
    for (const p of write.patches as CellsPatch[]) {
      expect(p).toMatchObject({ kind: 'cells', row: 0, col: 0, create: true });
      expect(p.format).toMatchObject({ frozenRows: 1, headerRow: true });
      expect(p.format?.columnWidths?.length).toBe(p.rows[0].length);
    }
  });

  it('merges packs into the starter rules and adds the dropdowns with their lists sheet when asked', () => {
    const plain = planStarterWrite([], NOW);
    const write = planStarterWrite([], NOW, { packs: ['aws-foundations'], dropdowns: true });
    const rules = (p: typeof write) => p.patches.find((x) => x.sheet === 'Rules') as CellsPatch;
    expect(rules(write).rows.length).toBeGreaterThan(rules(plain).rows.length);
    expect(rules(write).format?.dropdowns?.length).toBeGreaterThan(0);
    expect(write.patches.some((p) => p.kind === 'sheet' && p.hidden)).toBe(true);
    expect(plain.patches.some((p) => p.kind === 'sheet')).toBe(false);
  });
});

describe('rulePackViews', () => {
  it('lists every pack with its rule count, as the panes show them', () => {
    expect(rulePackViews()).toEqual(
      listRulePacks().map((p) => ({
        name: p.name,
        title: p.title,
        description: p.description,
        rules: p.ruleCount,
      })),
    );
  });
});
