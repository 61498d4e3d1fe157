// A rule that checks nothing fails the gate: validate --fail-on and lint exit 1 on it, unless the rule is disabled.
import * as fs from 'fs';
import * as path from 'path';
import { NOW, cli, tempDir, writeCsvRulebook } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADER = [
  'Rule ID',
  'Title',
  'Resource Type',
  'Field',
  'Operator',
  'Expected',
  'Applies When',
  'Severity',
  'Enabled',
];
const GOOD = [
  'S3-01',
  'Versioning on',
  'aws_s3_bucket',
  'versioning.status',
  'equals',
  'Enabled',
  '',
  'High',
  'TRUE',
];
const RESOURCES = [
  ['Resource ID', 'Type', 'Environment', 'versioning.status', 'logging.enabled'],
  ['reports', 'aws_s3_bucket', 'production', 'Enabled', 'TRUE'],
  ['archive', 'aws_s3_bucket', 'staging', 'Enabled', 'TRUE'],
];

/** Each rule checks nothing on its own; beside the passing S3-01, it alone decides the exit code. */
const EMPTY_RULES: [string, string[], string][] = [
  [
    'a misspelt Resource Type',
    ['T-01', 'Typo type', 'aws_s3_buckt', 'versioning.status', 'equals', 'Enabled', '', 'High', 'TRUE'],
    'Rules!C3',
  ],
  [
    'a misspelt Applies When column',
    [
      'T-02',
      'Typo column',
      'aws_s3_bucket',
      'versioning.status',
      'equals',
      'Enabled',
      'Enviroment = "production"',
      'High',
      'TRUE',
    ],
    'Rules!G3',
  ],
  [
    'a misspelt Field',
    ['T-03', 'Typo field', 'aws_s3_bucket', 'loging.enabled', 'is true', '', '', 'Critical', 'TRUE'],
    'Rules!D3',
  ],
  [
    'an Applies When that leaves out every resource',
    [
      'T-04',
      'No match',
      'aws_s3_bucket',
      'versioning.status',
      'equals',
      'Enabled',
      'Environment = "prod"',
      'High',
      'TRUE',
    ],
    'Rules!G3',
  ],
];

const book = (rule: string[]) =>
  writeCsvRulebook(path.join(dir, 'book'), { Rules: [HEADER, GOOD, rule], Resources: RESOURCES });

describe.each(EMPTY_RULES)('%s', (_name, rule, cell) => {
  test('validate --fail-on high exits 1 and names the rule', async () => {
    const r = await cli('validate', book(rule), '--now', NOW, '--fail-on', 'high');
    expect(r.stdout).toContain(`Fail on High: 1 rule at High or above checked nothing (${rule[0]})`);
    expect(r.stdout).toContain(cell);
    expect(r.code).toBe(1);
  });

  test('validate --fail-on critical exits 1 only for a Critical rule (it gates like an ERROR of its severity)', async () => {
    const r = await cli('validate', book(rule), '--now', NOW, '--fail-on', 'critical');
    expect(r.code).toBe(rule[7] === 'Critical' ? 1 : 0);
  });

  test('lint reports it at its cell as an error and exits 1', async () => {
    const r = await cli('lint', book(rule), '--now', NOW);
    expect(r.stdout).toMatch(new RegExp(`^error {3}${cell}: `, 'm'));
    expect(r.code).toBe(1);
  });

  test('disabled, it gates nothing: validate and lint exit 0', async () => {
    const disabled = [...rule.slice(0, 8), 'FALSE'];
    expect((await cli('validate', book(disabled), '--now', NOW, '--fail-on', 'info')).code).toBe(0);
    const lint = await cli('lint', book(disabled), '--now', NOW);
    expect(lint.stdout).toBe(`No problems in ${path.join(dir, 'book')}.\n`);
    expect(lint.code).toBe(0);
  });
});

test('the did-you-mean comes from the columns the resources have', async () => {
  const r = await cli('lint', book(EMPTY_RULES[1][1]), '--now', NOW);
  expect(r.stdout).toContain("Did you mean 'Environment'?");
});
