// `rulesheet import` into a rulebook: same Type + Resource ID replaced, other rows and user columns kept, limits enforced.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runImport } from '../../cli/commands/import';
import { mergeResources } from '../../importers/merge';
import type { ImportedResource } from '../../importers/types';
import { readCsvFolder } from '../../cli/io/csv';
import { readRulebookFile, writeUserSheet } from '../../cli/io/rulebook-file';
import type { Cell } from '../../core';

const FIXTURES = path.join(__dirname, '../fixtures/import');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-import-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (l: string) => out.push(l), logError: (l: string) => err.push(l) };
}

const existingSheet: Cell[][] = [
  ['Resource ID', 'Type', 'Owner', 'Reviewed', 'replicas'],
  ['default/payments-api', 'k8s:Deployment', 'Jane (by hand)', 'yes', 1],
  ['legacy/old-app', 'k8s:Deployment', 'Bob', 'no', 2],
  ['acme-logs', 'aws_s3_bucket', 'Platform', 'yes', null],
];

describe('mergeResources', () => {
  const imported: ImportedResource[] = [
    { type: 'k8s:Deployment', id: 'default/payments-api', cells: { Name: 'payments-api', Document: '{}' } },
    { type: 'k8s:Deployment', id: 'sales/web', cells: { Name: 'web', replicas: 4, Document: '{}' } },
  ];
  const merged = mergeResources(existingSheet, imported);

  test('replaces the same key, keeps the rest, appends new rows and columns', () => {
    expect(merged).toMatchObject({ added: 1, replaced: 1, newColumns: ['Name', 'Document'] });
    expect(merged.rows).toEqual([
      ['Resource ID', 'Type', 'Owner', 'Reviewed', 'replicas', 'Name', 'Document'],
      // The user's Owner and Reviewed stay; replicas, written by this import, no longer applies to this row.
      ['default/payments-api', 'k8s:Deployment', 'Jane (by hand)', 'yes', null, 'payments-api', '{}'],
      ['legacy/old-app', 'k8s:Deployment', 'Bob', 'no', 2, null, null],
      ['acme-logs', 'aws_s3_bucket', 'Platform', 'yes', null, null, null],
      ['sales/web', 'k8s:Deployment', null, null, 4, 'web', '{}'],
    ]);
  });

  test('an empty sheet gets Resource ID and Type first; the last of repeated keys wins', () => {
    const out = mergeResources(
      [],
      [
        { type: 't', id: 'a', cells: { x: 1 } },
        { type: 'T', id: 'a', cells: { x: 2 } },
      ],
    );
    expect(out.rows).toEqual([
      ['Resource ID', 'Type', 'x'],
      ['a', 'T', 2],
    ]);
  });

  test('headers match as core matches them (case, spaces, aliases)', () => {
    const out = mergeResources(
      [
        ['ID', 'resource_type', 'business unit'],
        ['a', 't', 'HR'],
      ],
      [{ type: 't', id: 'a', cells: { 'Business Unit': 'Finance' } }],
    );
    expect(out.rows).toEqual([
      ['ID', 'resource_type', 'business unit'],
      ['a', 't', 'Finance'],
    ]);
  });
});

describe('rulesheet import into a CSV folder', () => {
  test('replaces same-ID rows of Resources.csv and keeps the other sheets byte for byte', async () => {
    const rulesText = 'Rule ID,Title,Resource Type\nK8S-1,No latest,k8s:*\n';
    fs.writeFileSync(path.join(dir, 'Rules.csv'), rulesText);
    await writeUserSheet(dir, 'Resources', existingSheet);
    const io = capture();
    const code = await runImport(
      'kubernetes',
      [path.join(FIXTURES, 'k8s-workloads.yaml')],
      { into: dir },
      io.log,
      io.logError,
    );
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
    expect(io.out[0]).toMatch(
      /^Imported 6 resources into .* › Resources: 5 added, 1 replaced, \d+ new columns\.$/,
    );
    expect(fs.readFileSync(path.join(dir, 'Rules.csv'), 'utf8')).toBe(rulesText);
    const grid = readCsvFolder(dir).grids.find((g) => g.name === 'Resources')!;
    const header = grid.rows[0];
    const col = (name: string) => header.indexOf(name);
    const row = grid.rows.find((r) => r[0] === 'default/payments-api')!;
    expect(row[col('Owner')]).toBe('payments'); // the team label routes the resource
    expect(row[col('Reviewed')]).toBe('yes');
    expect(JSON.parse(String(row[col('podSpec')])).containers).toHaveLength(2);
    expect(grid.rows.filter((r) => r[0] === 'legacy/old-app')).toHaveLength(1);
    expect(grid.rows).toHaveLength(1 + 3 + 5);
  });

  test('a second import of the same file changes nothing', async () => {
    const input = [path.join(FIXTURES, 'terraform-plan.json')];
    fs.writeFileSync(path.join(dir, 'Rules.csv'), 'Rule ID,Title,Resource Type\n');
    await runImport(
      'terraform-plan',
      input,
      { into: dir, sheet: 'Resources - Terraform' },
      () => {},
      () => {},
    );
    const first = fs.readFileSync(path.join(dir, 'Resources - Terraform.csv'), 'utf8');
    const io = capture();
    await runImport('terraform', input, { into: dir, sheet: 'resources - terraform' }, io.log, io.logError);
    expect(io.out[0]).toContain('0 added, 5 replaced');
    expect(fs.readFileSync(path.join(dir, 'Resources - Terraform.csv'), 'utf8')).toBe(first);
  });
});

describe('rulesheet import into an .xlsx', () => {
  test('writes the Resources sheet and keeps other sheets', async () => {
    const book = path.join(dir, 'book.xlsx');
    await writeUserSheet(book, 'Rules', [
      ['Rule ID', 'Title', 'Resource Type'],
      ['S3-1', 'Buckets', 'AWS::S3::Bucket'],
    ]);
    await writeUserSheet(book, 'Resources', [
      ['Resource ID', 'Type', 'Notes'],
      ['acme-payroll-exports', 'aws_s3_bucket', 'keep me'],
    ]);
    const io = capture();
    const code = await runImport(
      'aws-config',
      [path.join(FIXTURES, 'aws-config-snapshot.json')],
      { into: book },
      io.log,
      io.logError,
    );
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
    const { grids } = await readRulebookFile(book);
    expect(grids.find((g) => g.name === 'Rules')!.rows[1]).toEqual(['S3-1', 'Buckets', 'AWS::S3::Bucket']);
    const res = grids.find((g) => g.name === 'Resources')!.rows;
    expect(res).toHaveLength(4);
    const h = res[0];
    expect(res[1][h.indexOf('Notes')]).toBe('keep me');
    expect(res[1][h.indexOf('Business Unit')]).toBe('HR');
    expect(
      JSON.parse(String(res[1][h.indexOf('supplementaryConfiguration')])).BucketVersioningConfiguration
        .status,
    ).toBe('Off');
    expect(res[1][h.indexOf('versioning.status')]).toBe('Disabled');
  });
});

describe('errors stop the import and write nothing', () => {
  test('a value over 32,767 characters names the resource', async () => {
    const big = [{ id: 'huge-1', blob: 'x'.repeat(40_000) }];
    const file = path.join(dir, 'big.json');
    fs.writeFileSync(file, JSON.stringify(big));
    const io = capture();
    const code = await runImport(
      'json',
      [file],
      { into: path.join(dir, 'book'), type: 'thing' },
      io.log,
      io.logError,
    );
    expect(code).toBe(2);
    expect(io.err[0]).toMatch(
      /^big\.json item 1: thing huge-1: blob is 40,000 characters, more than the 32,767 a spreadsheet cell holds/,
    );
    expect(fs.existsSync(path.join(dir, 'book'))).toBe(false);
  });

  test('bad YAML: one line naming the file and line, exit 2', async () => {
    fs.writeFileSync(path.join(dir, 'Rules.csv'), 'Rule ID,Title,Resource Type\n');
    const io = capture();
    const code = await runImport(
      'kubernetes',
      [path.join(FIXTURES, 'k8s-bad.yaml')],
      { into: dir },
      io.log,
      io.logError,
    );
    expect(code).toBe(2);
    expect(io.err[0]).toMatch(/^k8s-bad\.yaml line 9: cannot read the YAML/);
    expect(fs.readdirSync(dir)).toEqual(['Rules.csv']);
  });

  test('unknown kind, a sheet the engine would not read, a missing rulebook', async () => {
    const io = capture();
    expect(await runImport('helm', ['x'], { into: dir }, io.log, io.logError)).toBe(2);
    expect(io.err[0]).toBe(
      "Unknown import kind 'helm'; use one of: kubernetes, terraform-plan, aws-config, json, csv.",
    );
    expect(await runImport('json', ['x'], { into: dir, sheet: 'Inventory' }, io.log, io.logError)).toBe(2);
    expect(io.err[1]).toMatch(/would not be read as resources/);
    expect(
      await runImport(
        'csv',
        [path.join(FIXTURES, 'identity-accounts.csv')],
        { into: path.join(dir, 'none.xlsx'), id: 'Account' },
        io.log,
        io.logError,
      ),
    ).toBe(2);
    expect(io.err[2]).toMatch(/none\.xlsx: no such file or folder \(create it with "rulesheet init"\)/);
  });
});
