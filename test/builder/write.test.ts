// The write path's shared pieces: one refusal text for every host, and the reference grid a cells patch leaves.
import {
  applyCellsPatches,
  type CellsPatch,
  planRuleWrite,
  type RenderedProblem,
  refusalText,
} from '../../core';

const p = (message: string, suggestion = ''): RenderedProblem => ({
  code: 'empty_required',
  severity: 'error',
  sheet: 'Rules',
  cell: 'A2',
  message,
  suggestion,
});

describe('refusalText', () => {
  it.each<[string, RenderedProblem[], string]>([
    ['a message alone', [p('Title is empty.')], 'Title is empty.'],
    ['a message and its suggestion, joined by a space', [p('Bad.', 'Fix it.')], 'Bad. Fix it.'],
    ['one line a problem', [p('One.', 'Do this.'), p('Two.')], 'One. Do this.\nTwo.'],
    ['nothing for no problems', [], ''],
  ])('%s', (_name, problems, text) => {
    expect(refusalText(problems)).toBe(text);
  });
});

describe('planRuleWrite', () => {
  const rules = {
    name: 'Rules',
    rows: [
      ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
      ['R-1', 'One', 'aws_s3_bucket', 'name', 'exists', null],
    ],
  };
  const candidate = {
    ruleId: 'R-1',
    title: 'Again',
    resourceType: 'aws_s3_bucket',
    field: 'name',
    operator: 'exists',
    expected: '',
  };

  it('refuses a Rule ID in use with the message and its suggestion, writing nothing', () => {
    const write = planRuleWrite([rules], candidate);
    expect(write.patches).toEqual([]);
    expect(write.refusal).toBe(
      "Rule ID 'R-1' is used again; it was first used at Rules!A2. Give each rule its own ID.",
    );
  });

  it('writes the row below the last one, and the header first into a new Rules sheet', () => {
    expect(planRuleWrite([rules], { ...candidate, ruleId: 'R-2' })).toMatchObject({
      cell: 'A3',
      patches: [
        {
          kind: 'cells',
          sheet: 'Rules',
          row: 2,
          col: 0,
          rows: [['R-2', 'Again', 'aws_s3_bucket', 'name', 'exists']],
        },
      ],
    });
    const fresh = planRuleWrite([], { ...candidate, ruleId: 'R-2' });
    expect(fresh.cell).toBe('A2');
    expect(fresh.patches[0]).toMatchObject({ sheet: 'Rules', row: 0, create: true });
    expect((fresh.patches[0] as CellsPatch).rows[0][0]).toBe('Rule ID');
  });
});

describe('applyCellsPatches', () => {
  const grid = { name: 'Sheet', rows: [['a', 'b', 'c']] };
  const patch = (over: Partial<CellsPatch>): CellsPatch => ({
    kind: 'cells',
    sheet: 'Sheet',
    row: 0,
    col: 0,
    rows: [],
    ...over,
  });

  it.each<[string, CellsPatch, unknown[][]]>([
    ['null leaves the cell', patch({ rows: [[null, 'B', null]] }), [['a', 'B', 'c']]],
    ["'' clears it", patch({ rows: [['', null, '']] }), [[null, 'b', null]]],
    ['{ text } reads back as its text', patch({ col: 1, rows: [[{ text: '=1+1' }]] }), [['a', '=1+1', 'c']]],
    [
      'rows and columns grow as written',
      patch({ row: 2, col: 1, rows: [[7]] }),
      [['a', 'b', 'c'], [], [null, 7]],
    ],
  ])('%s', (_name, p, rows) => {
    expect(applyCellsPatches([grid], [p])).toEqual([{ name: 'Sheet', rows }]);
  });

  it('adds a missing sheet only when the patch says create, and matches names as core does', () => {
    expect(applyCellsPatches([grid], [patch({ sheet: 'New', rows: [['x']] })])).toEqual([grid]);
    expect(applyCellsPatches([grid], [patch({ sheet: 'New', rows: [['x']], create: true })])).toEqual([
      grid,
      { name: 'New', rows: [['x']] },
    ]);
    expect(applyCellsPatches([grid], [patch({ sheet: 'sheet', rows: [['A']] })])[0].rows).toEqual([
      ['A', 'b', 'c'],
    ]);
  });
});
