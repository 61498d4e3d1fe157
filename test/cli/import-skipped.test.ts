// A Terraform plan with malformed entries: the good ones imported, each skipped one named (index, address, why).
import * as fs from 'fs';
import * as path from 'path';
import { runImport } from '../../cli/commands/import';
import { importKind } from '../../importers/kinds';
import { planTextImport } from '../../importers/from-text';
import { tempDir, writeCsvRulebook } from './helpers/rulebook';

const GOOD = {
  address: 'aws_s3_bucket.logs',
  mode: 'managed',
  type: 'aws_s3_bucket',
  name: 'logs',
  change: { actions: ['create'], after: { bucket: 'acme-logs' } },
};

const PLAN = {
  format_version: '1.2',
  resource_changes: [
    GOOD,
    'not an entry',
    { ...GOOD, address: undefined },
    { ...GOOD, address: 'aws_s3_bucket.untyped', type: 42 },
    { ...GOOD, address: 'aws_s3_bucket.nochange', change: 'create' },
    [1, 2],
    // Well formed and deliberately left out: a data source and a plain delete.
    { ...GOOD, address: 'data.aws_iam_policy.p', mode: 'data' },
    { ...GOOD, address: 'aws_s3_bucket.gone', change: { actions: ['delete'], after: null } },
  ],
  planned_values: {
    root_module: {
      resources: [
        { address: 'aws_s3_bucket.logs', mode: 'managed', type: 'aws_s3_bucket', values: {} },
        { mode: 'managed', type: 'aws_s3_bucket', values: {} },
      ],
      child_modules: [{ address: 'module.net', resources: [null] }],
    },
  },
};

const EXPECTED_WARNINGS = [
  'plan.json: planned_values.root_module.resources[1]: skipped: it has no address.',
  'plan.json: planned_values.root_module.child_modules[0].resources[0]: skipped: it is not an object.',
  'plan.json: resource_changes[1]: skipped: it is not an object.',
  'plan.json: resource_changes[2]: skipped: it has no address.',
  'plan.json: resource_changes[3] (aws_s3_bucket.untyped): skipped: it has no type.',
  'plan.json: resource_changes[4] (aws_s3_bucket.nochange): skipped: its "change" is not an object.',
  'plan.json: resource_changes[5]: skipped: it is a list.',
];

test('the import kind returns the good rows and one warning per skipped entry', () => {
  const out = importKind('terraform-plan')!(JSON.stringify(PLAN), 'plan.json', {});
  expect(out.errors).toEqual([]);
  expect(out.rows.map((r) => r.id)).toEqual(['aws_s3_bucket.logs']);
  expect(out.warnings).toEqual(EXPECTED_WARNINGS);
});

test('an entry without change whose planned values exist is imported from them, and the warning says so', () => {
  const plan = {
    resource_changes: [{ ...GOOD, change: null }],
    planned_values: { root_module: { resources: [{ ...GOOD, values: { bucket: 'acme-logs' } }] } },
  };
  const out = importKind('terraform-plan')!(JSON.stringify(plan), 'plan.json', {});
  expect(out.rows.map((r) => r.id)).toEqual(['aws_s3_bucket.logs']);
  expect(out.warnings).toEqual([
    'plan.json: resource_changes[0] (aws_s3_bucket.logs): skipped: its "change" is not an object; its planned values are imported instead.',
  ]);
});

test('the CLI prints each skipped entry as a warning, imports the rest and exits 0', async () => {
  const dir = tempDir('rulesheet-import-skipped-');
  try {
    const book = writeCsvRulebook(path.join(dir, 'book'), { Resources: [['Resource ID', 'Type']] });
    const input = path.join(dir, 'plan.json');
    fs.writeFileSync(input, JSON.stringify(PLAN));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runImport(
      'terraform-plan',
      [input],
      { into: book },
      (l) => out.push(l),
      (l) => err.push(l),
    );
    expect(code).toBe(0);
    expect(err).toEqual(EXPECTED_WARNINGS.map((w) => `Warning: ${w}`));
    expect(out.join('\n')).toMatch(/Imported 1 resource/);
    expect(fs.readFileSync(path.join(book, 'Resources.csv'), 'utf8')).toContain('aws_s3_bucket.logs');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the task pane's import plan carries the same warnings", () => {
  const write = planTextImport('auto', 'plan.json', JSON.stringify(PLAN), []);
  expect(write.refusal).toBeUndefined();
  expect(write.warnings).toEqual(EXPECTED_WARNINGS);
});
