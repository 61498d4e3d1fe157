// A whole workbook read at once: which sheet is which, the grids map, and every problem in sheet order.
import { formatProblem } from '../../core/problems';
import { readRulebook } from '../../core/rulebook/read';
import type { Grid } from '../../core/types';
import { at, sheet, withCells } from '../helpers/grid';

const workbook: Grid[] = [
  sheet(
    'Rules',
    `
    Rule ID | Title                  | Resource Type | Severity | Owner
    S3-001  | Buckets block public   | aws_s3_bucket | Hgh      | Sec team
    S3-002  | Buckets are versioned  | aws_s3_bucket | High     |
    K8S-001 | No privileged pods     | k8s:Pod       | Critical |
  `,
  ),
  sheet(
    'Resources',
    `
    Resource ID | Type          | Owner | Business Unit
    logs        | aws_s3_bucket | Ana   | Finance
    logs        | aws_s3_bucket | Bo    | Finance
  `,
  ),
  sheet(
    'Waivers',
    `
    Rule ID | Resource ID | Reason | Approved By | Expires
    S3-002  | logs        | legacy |             | 2026-06-30
  `,
  ),
  sheet(
    'Ownership',
    `
    Owner | Business Unit | Default
    Ana   | Finance       | TRUE
  `,
  ),
  sheet('Settings', 'Key | Value\nFail On | High'),
  sheet('Summary', 'Anything | the engine wrote'),
];

describe('readRulebook', () => {
  test('reads each sheet and lists every problem in sheet order, each at its cell', () => {
    const book = readRulebook(workbook);
    expect(book.problems.map(formatProblem)).toEqual([
      "Rules!D2: Unknown severity 'Hgh'; use Critical, High, Medium, Low or Info. Did you mean 'High'?",
      "Rules!C4: No resource has type 'k8s:Pod', so the rule checks nothing.",
      "Resources!A3: Resource 'logs' of type 'aws_s3_bucket' is listed again; the first row (Resources!A2) is used.",
      'Waivers!D2: The waiver has no approver, so it is not applied. Fill Approved By.',
    ]);
    expect(book.rules.map((r) => [r.id, r.broken, r.problems.map((p) => p.code)])).toEqual([
      ['S3-001', true, ['unknown_severity']],
      ['S3-002', false, []],
      ['K8S-001', false, ['unknown_resource_type']],
    ]);
    expect(book.resources.map((r) => r.owner)).toEqual(['Ana']);
    expect(book.waivers.map((w) => w.valid)).toEqual([false]);
    expect(book.owners.map((o) => o.defaultForBusinessUnit)).toEqual([true]);
    expect(book.settings.failOn).toBe('High');
  });

  test('every problem a rule carries is also in the rulebook list', () => {
    const book = readRulebook(workbook);
    for (const rule of book.rules) for (const p of rule.problems) expect(book.problems).toContain(p);
  });

  test('the grids map holds every sheet by normalized name, the first of two look-alikes winning', () => {
    const extra = sheet('approved_images', 'Image\nnginx');
    const clash = sheet('Approved Images', 'Image\nredis');
    const book = readRulebook([...workbook, extra, clash]);
    expect([...book.grids.keys()]).toEqual([
      'rules',
      'resources',
      'waivers',
      'ownership',
      'settings',
      'summary',
      'approvedimages',
    ]);
    expect(book.grids.get('approvedimages')).toBe(extra);
  });

  test('the rules sheet is the grid as given', () => {
    const book = readRulebook(workbook);
    expect(book.rulesSheet?.grid).toBe(workbook[0]);
    expect(at(book.rulesSheet!.grid, 'E2')).toBe('Sec team');
  });

  test('fixing the cell clears the problem', () => {
    const fixed = [withCells(workbook[0], { D2: 'High', C4: 'aws_s3_bucket' }), ...workbook.slice(1)];
    expect(readRulebook(fixed).problems.map((p) => p.code)).toEqual([
      'duplicate_resource_id',
      'waiver_no_approver',
    ]);
  });

  test('an empty workbook misses its Rules sheet and has defaults elsewhere', () => {
    const book = readRulebook([]);
    expect(book.problems.map(formatProblem)).toEqual([
      "Rules: The workbook has no 'Rules' sheet. Add a sheet named 'Rules'.",
    ]);
    expect(book.rulesSheet).toBeUndefined();
    expect(book.rules).toEqual([]);
    expect(book.settings.slaDays.Critical).toBe(7);
  });

  test('malformed input is read as far as it goes, never thrown on', () => {
    const hostile = [
      null,
      42,
      { name: 'Rules' },
      { name: 7, rows: [['Rule ID']] },
      { name: 'Resources', rows: [undefined, 'not a row', ['Resource ID', 'Type'], null] },
      {
        name: 'Settings',
        rows: [
          ['Key', 'Value'],
          ['Time Zone', { not: 'a cell' }],
        ],
      },
    ] as unknown as Grid[];
    const book = readRulebook(hostile);
    expect(book.rulesSheet?.name).toBe('Rules');
    expect(book.problems.map((p) => p.code)).toEqual([
      'missing_column',
      'missing_column',
      'missing_column',
      'missing_column',
      'missing_column',
      'invalid_setting',
    ]);
  });
});
