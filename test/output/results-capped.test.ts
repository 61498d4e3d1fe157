// A host that lists at most N Results rows (Sheets: SHEETS_LIMITS.maxListedRows) lists the N most severe, and says so.
import { SHEETS_LIMITS, validate, type Cell, type Grid, type SheetPatch } from '../../core';

const NOW = new Date('2026-03-01T09:00:00Z');

// Three rules of three severities; every bucket fails each: 3 × 4 = 12 Results rows.
const GRIDS: Grid[] = [
  {
    name: 'Rules',
    rows: [
      ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Severity'],
      ['LOW-1', 'Tags', 'aws_s3_bucket', 'tags.team', 'exists', '', 'Low'],
      ['CRIT-1', 'Public', 'aws_s3_bucket', 'public', 'is false', '', 'Critical'],
      ['MED-1', 'Versioning', 'aws_s3_bucket', 'versioning', 'equals', 'Enabled', 'Medium'],
    ],
  },
  {
    name: 'Resources',
    rows: [
      ['Resource ID', 'Type', 'Name', 'public', 'versioning'],
      ...['a', 'b', 'c', 'd'].map((id): Cell[] => [id, 'aws_s3_bucket', id, true, 'Suspended']),
    ],
  },
];

function sheet(patches: readonly { kind: string }[], name: string): Cell[][] {
  const p = patches.find((x) => x.kind === 'sheet' && (x as SheetPatch).sheet === name) as SheetPatch;
  return p.rows as Cell[][];
}

test.each([
  // cap, Results rows listed (Rule ID of each, in order), the Summary's line, a warning
  [undefined, 12, 'CRIT-1 ×4, MED-1 ×4, LOW-1 ×4', undefined],
  [12, 12, 'CRIT-1 ×4, MED-1 ×4, LOW-1 ×4', undefined],
  [5, 5, 'CRIT-1 ×4, MED-1 ×1', '5 of 12, most severe first'],
  [1, 1, 'CRIT-1 ×1', '1 of 12, most severe first'],
])('at most %s rows: Results lists %s (%s); Summary: %s', (cap, rows, ids, shown) => {
  const run = validate(GRIDS, { now: NOW, limits: { ...SHEETS_LIMITS, maxListedRows: cap } });
  const results = sheet(run.patches, 'Results');
  expect(results.length - 1).toBe(rows);
  const col = results[0].indexOf('Rule ID');
  const runs: string[] = [];
  for (const row of results.slice(1)) {
    const last = runs[runs.length - 1];
    const id = String(row[col]);
    if (last?.startsWith(`${id} ×`)) runs[runs.length - 1] = `${id} ×${Number(last.split('×')[1]) + 1}`;
    else runs.push(`${id} ×1`);
  }
  expect(runs.join(', ')).toBe(ids);

  // Everything else counts every row: the Summary, Run History and the results themselves.
  expect(run.summary.failing).toBe(12);
  expect(run.results.length).toBe(12);
  const summary = sheet(run.patches, 'Summary');
  const line = summary.find((r) => r[0] === 'Results Shown');
  const capped = run.problems.filter((p) => p.code === 'results_capped');
  if (shown === undefined) {
    expect(line).toBeUndefined();
    expect(capped).toEqual([]);
  } else {
    expect(String(line?.[1])).toMatch(
      new RegExp(`^${shown} \\(the most Google Sheets lists; the command line lists all\\)$`),
    );
    expect(capped).toEqual([
      expect.objectContaining({
        severity: 'warning',
        params: { listed: cap, total: 12, host: 'Google Sheets' },
      }),
    ]);
  }
});

test('Google Sheets lists at most 50,000 Results rows; Excel and the command line list every row', () => {
  expect(SHEETS_LIMITS.maxListedRows).toBe(50_000);
  const run = validate(GRIDS, { now: NOW });
  expect(sheet(run.patches, 'Results').length - 1).toBe(12);
});
