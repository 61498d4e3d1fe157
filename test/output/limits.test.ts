// Host limits: rows, characters a cell and cells a workbook, each cut or reported with a problem, never silently.
import { applyLimits, CellFitter } from '../../core/output/limits';
import type { ColumnsPatch, SheetPatch, WriteCell } from '../../core/output/patch';
import type { HostLimits } from '../../core/output/types';
import { EXCEL_LIMITS } from '../../core/output/types';
import { formatProblem } from '../../core/problems';

const TINY: HostLimits = { host: 'Tiny', maxRows: 3, maxCellChars: 10, maxCells: 20 };

function sheet(rows: WriteCell[][], name = 'Results'): SheetPatch {
  return {
    kind: 'sheet',
    sheet: name,
    rows,
    generated: true,
    format: {
      frozenRows: 1,
      numberFormats: [{ col: 0, fromRow: 1, toRow: rows.length - 1, format: 'yyyy-mm-dd' }],
    },
  };
}

test('patches within the limits pass unchanged, with no problems', () => {
  const patch = sheet([['Rule ID'], ['S3-001']]);
  const out = applyLimits([patch], EXCEL_LIMITS);
  expect(out.problems).toEqual([]);
  expect(out.patches).toEqual([patch]);
});

test('rows past the limit are cut, format ranges with them, and too_many_rows says so', () => {
  const out = applyLimits([sheet([['h'], ['1'], ['2'], ['3'], ['4']])], { ...TINY, maxCells: undefined });
  const [patch] = out.patches as SheetPatch[];
  expect(patch.rows).toEqual([['h'], ['1'], ['2']]);
  expect(patch.format.numberFormats).toEqual([{ col: 0, fromRow: 1, toRow: 2, format: 'yyyy-mm-dd' }]);
  expect(out.problems.map(formatProblem)).toEqual([
    'Results: Results needs 5 rows but Tiny allows 3; the rows past the limit are not written.',
  ]);
});

test('one over-long cell is cut to end with … and the problem points at it', () => {
  const out = applyLimits(
    [
      sheet([
        ['h', 'Message'],
        ['ok', 'x'.repeat(25)],
      ]),
    ],
    TINY,
  );
  const [patch] = out.patches as SheetPatch[];
  expect(patch.rows[1][1]).toBe('xxxxxxxxx…');
  expect((patch.rows[1][1] as string).length).toBe(10);
  expect(out.problems).toMatchObject([
    {
      code: 'cell_too_long',
      location: { sheet: 'Results', row: 1, col: 1 },
      params: { length: 25, limit: 10, host: 'Tiny' },
    },
  ]);
});

test('many over-long cells give one problem with a count; formula-like text stays text when cut', () => {
  const out = applyLimits([sheet([[{ text: '=' + 'y'.repeat(11) }], ['z'.repeat(30)], ['short']])], TINY);
  expect((out.patches[0] as SheetPatch).rows.map((r) => r[0])).toEqual([
    { text: '=yyyyyyyy…' },
    'zzzzzzzzz…',
    'short',
  ]);
  expect(out.problems.map(formatProblem)).toEqual([
    'Results: 2 values in Results are longer than Tiny allows in a cell (10), the longest 30 characters; they were cut and end with "…".',
  ]);
});

test('formula-like text a builder left bare is wrapped on the way out', () => {
  const out = applyLimits([sheet([['@SUM(1)', '-2', 'plain', 7, null]])], EXCEL_LIMITS);
  expect((out.patches[0] as SheetPatch).rows[0]).toEqual([
    { text: '@SUM(1)' },
    { text: '-2' },
    'plain',
    7,
    null,
  ]);
});

test('generated Rules columns are held to the same limits', () => {
  const columns: ColumnsPatch = {
    kind: 'columns',
    sheet: 'Rules',
    columns: [{ col: 9, values: ['Problems', 'p'.repeat(12), null, null, 'beyond'] }],
    format: {},
  };
  const out = applyLimits([columns], { ...TINY, maxCells: undefined });
  expect((out.patches[0] as ColumnsPatch).columns[0].values).toEqual(['Problems', 'ppppppppp…', null]);
  expect(out.problems.map((p) => p.code)).toEqual(['too_many_rows', 'cell_too_long']);
});

test('a workbook over maxCells is reported, counting user sheets the patches leave in place', () => {
  const patch = sheet([
    ['a', 'b'],
    ['c', 'd'],
  ]); // 4 cells
  const user = {
    name: 'Resources',
    rows: [
      ['1', '2', '3', '4'],
      ['5', '6', '7', '8'],
      ['9', '10', '11', '12'],
    ],
  }; // 12 cells
  expect(applyLimits([patch], TINY, [user]).problems).toEqual([]);
  const old = { name: 'Results', rows: Array.from({ length: 3 }, () => ['x', 'x']) }; // rewritten: not counted
  expect(applyLimits([patch], TINY, [user, old]).problems).toEqual([]);
  const bigger = { ...user, rows: [...user.rows, ['13', '14', '15', '16'], ['17']] }; // 20 cells
  expect(applyLimits([patch], TINY, [bigger]).problems.map(formatProblem)).toEqual([
    'The workbook needs 24 cells but Tiny allows 20 in a workbook.',
  ]);
});

test('hosts without a cell limit (Excel) never report too_many_cells', () => {
  const rows = Array.from({ length: 100 }, () => Array.from({ length: 100 }, () => 'x'));
  expect(applyLimits([sheet(rows)], EXCEL_LIMITS).problems).toEqual([]);
});

test("a patch fitted as it was made is not looked at again: its fitter's cuts make the problem", () => {
  const patch = sheet([['h'], ['already fitted…']]);
  const fit = new CellFitter(10);
  fit.text('q'.repeat(40), 1, 0);
  fit.text('q'.repeat(12), 5, 0);
  const out = applyLimits([patch], TINY, [], new Map([[patch, fit]]));
  expect((out.patches[0] as SheetPatch).rows).toBe(patch.rows);
  expect(out.problems.map(formatProblem)).toEqual([
    'Results: 2 values in Results are longer than Tiny allows in a cell (10), the longest 40 characters; they were cut and end with "…".',
  ]);
});

test('rows with nothing to fit are written as they are, not copied', () => {
  const rows: WriteCell[][] = [['h'], ['ok', 3], ['=x', null]];
  const [patch] = applyLimits([sheet(rows)], EXCEL_LIMITS).patches as SheetPatch[];
  expect(patch.rows[1]).toBe(rows[1]);
  expect(patch.rows[2]).toEqual([{ text: '=x' }, null]);
  expect(rows[2][0]).toBe('=x');
});
