// Imported data meets the packs meant for it: AWS Config and a Terraform plan of the same estate get the same verdicts.
import * as fs from 'fs';
import * as path from 'path';
import { type Grid, type Result, validate } from '../../core';
import { importAwsConfig } from '../../importers/aws-config';
import { importJson } from '../../importers/json';
import { importKubernetes } from '../../importers/kubernetes';
import { mergeResources } from '../../importers/merge';
import { importTerraformPlan } from '../../importers/terraform-plan';
import type { ImportOutput } from '../../importers/types';
import { readCsvFolder } from '../../cli/io/csv';
import { PACKS_DIR, readRulePacks } from '../../scripts/build-packs';

const NOW = new Date('2026-03-01T09:00:00Z');
const FIXTURES = path.join(__dirname, '../fixtures/import');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const packRules = (pack: string) => readRulePacks().find((p) => p.name === pack)!.rules;

/** The pack's rules against the imported rows, as `init --pack` then `import` then `validate` would run them. */
function runPack(pack: string, imported: ImportOutput): Result[] {
  expect(imported.errors).toEqual([]);
  const grids: Grid[] = [
    { name: 'Rules', rows: packRules(pack) },
    { name: 'Resources', rows: mergeResources([], imported.rows).rows },
  ];
  return validate(grids, { now: NOW }).results.toArray();
}

/** `ruleId type name` → status, one per judged resource; Name pairs the two imports' resources. */
function verdicts(results: Result[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of results) {
    out.set(`${r.rule.id} ${r.resource?.type} ${r.resource?.name}`, r.status);
  }
  return out;
}

/** Enabled rules of the pack with no PASS, FAIL, WAIVED or ERROR on these results. */
function judgedNothing(pack: string, results: Result[]): string[] {
  const judged = new Set(results.filter((r) => r.status !== 'NOT_APPLICABLE').map((r) => r.rule.id));
  return packRules(pack)
    .slice(1)
    .map((r) => String(r[0]))
    .filter((id) => !judged.has(id));
}

describe('aws-foundations: AWS Config and a Terraform plan of the same estate', () => {
  const config = runPack(
    'aws-foundations',
    importAwsConfig(fixture('aws-estate-config.json'), 'config.json'),
  );
  const plan = runPack('aws-foundations', importTerraformPlan(fixture('aws-estate-plan.json'), 'plan.json'));
  const fromConfig = verdicts(config);
  const fromPlan = verdicts(plan);

  test('every resource AWS Config recorded has its twin in the plan, judged by the same rules', () => {
    expect(fromConfig.size).toBe(36);
    expect([...fromConfig.keys()].filter((k) => !fromPlan.has(k))).toEqual([]);
  });

  test('identical per-rule verdicts for every pack rule and every resource', () => {
    const same = [...fromConfig].map(([key]) => [key, fromPlan.get(key)]);
    expect(same).toEqual([...fromConfig]);
  });

  // The findings a new user must not miss, whichever import they ran.
  test.each([
    ['AWS-EC2-01 aws_security_group bastion', 'FAIL'],
    ['AWS-EC2-01 aws_security_group allow-all', 'FAIL'],
    ['AWS-EC2-01 aws_security_group web', 'PASS'],
    ['AWS-EC2-02 aws_security_group windows-admin', 'FAIL'],
    ['AWS-EC2-01 aws_security_group windows-admin', 'PASS'],
    ['AWS-IAM-04 aws_iam_user ci-deployer', 'FAIL'],
    ['AWS-IAM-04 aws_iam_user alice', 'PASS'],
    ['AWS-S3-01 aws_s3_bucket acme-payroll-exports', 'PASS'],
    ['AWS-S3-01 aws_s3_bucket acme-public-site', 'FAIL'],
    ['AWS-S3-01 aws_s3_bucket acme-legacy-exports', 'FAIL'],
    ['AWS-S3-02 aws_s3_bucket acme-public-site', 'PASS'],
    ['AWS-S3-02 aws_s3_bucket acme-legacy-exports', 'FAIL'],
    ['AWS-S3-03 aws_s3_bucket acme-payroll-exports', 'PASS'],
    ['AWS-S3-03 aws_s3_bucket acme-public-site', 'FAIL'],
    ['AWS-S3-03 aws_s3_bucket acme-legacy-exports', 'FAIL'],
    ['AWS-S3-04 aws_s3_bucket acme-payroll-exports', 'PASS'],
    ['AWS-S3-04 aws_s3_bucket acme-public-site', 'FAIL'],
    ['AWS-CT-01 aws_cloudtrail org-trail', 'PASS'],
    ['AWS-CT-01 aws_cloudtrail regional-trail', 'FAIL'],
    ['AWS-CT-02 aws_cloudtrail regional-trail', 'FAIL'],
    ['AWS-RDS-01 aws_db_instance reporting', 'FAIL'],
    ['AWS-RDS-02 aws_db_instance reporting', 'FAIL'],
    ['AWS-RDS-02 aws_db_instance orders', 'PASS'],
    // Neither source records access keys here: not judged (and said so), never a PASS on nothing.
    ['AWS-IAM-02 aws_iam_user ci-deployer', 'NOT_APPLICABLE'],
    ['AWS-IAM-03 aws_iam_user ci-deployer', 'NOT_APPLICABLE'],
  ])('%s is %s from both', (key, status) => {
    expect([fromConfig.get(key), fromPlan.get(key)]).toEqual([status, status]);
  });
});

/**
 * Each importer sample against the pack meant for it: the rules that judge none of its resources, each named on
 * purpose with the reason (the source does not record what the rule reads). Any other rule judging nothing fails.
 */
const SAMPLES: [string, string, () => ImportOutput, Record<string, string>][] = [
  [
    'aws-foundations',
    'aws-estate-config.json',
    () => importAwsConfig(fixture('aws-estate-config.json'), 'config.json'),
    {
      'AWS-IAM-01': 'AWS Config does not record console passwords (console_access) or MFA devices',
      'AWS-IAM-02': 'AWS Config does not record access keys',
      'AWS-IAM-03': 'AWS Config does not record access keys',
      'AWS-ROOT-01': 'the root user is no Config resource',
      'AWS-ROOT-02': 'the root user is no Config resource',
      'AWS-ROOT-03': 'the root user is no Config resource',
      'AWS-EBS-01': 'EBS encryption by default is no Config resource',
    },
  ],
  [
    'aws-foundations',
    'aws-estate-plan.json',
    () => importTerraformPlan(fixture('aws-estate-plan.json'), 'plan.json'),
    {
      'AWS-IAM-01': 'no aws_iam_user_login_profile in the plan: nobody signs in to the console',
      'AWS-IAM-02': 'no aws_iam_access_key in the plan, so that it matches the AWS Config sample',
      'AWS-IAM-03': 'no aws_iam_access_key in the plan, so that it matches the AWS Config sample',
      'AWS-ROOT-01': 'the root user is not managed by Terraform',
      'AWS-ROOT-02': 'the root user is not managed by Terraform',
      'AWS-ROOT-03': 'the root user is not managed by Terraform',
    },
  ],
  [
    'kubernetes-workloads',
    'k8s-workloads.yaml',
    () => importKubernetes(fixture('k8s-workloads.yaml'), 'k8s-workloads.yaml'),
    {},
  ],
  [
    'source-code-hosting',
    'github-repos.json',
    () =>
      importJson(fixture('github-repos.json'), 'repos.json', { type: 'github_repository', id: 'full_name' }),
    {
      'SCM-06': 'a repository listing has no outside collaborators (a call of its own)',
      'SCM-07': 'the sample lists repositories, no organization',
      'SCM-08': 'the sample lists repositories, no organization',
    },
  ],
];

test('source-code-hosting: repositories listed without their collaborators are not judged by SCM-06', () => {
  const out = importJson(fixture('github-repos.json'), 'repos.json', {
    type: 'github_repository',
    id: 'full_name',
  });
  const scm06 = runPack('source-code-hosting', out).filter((r) => r.rule.id === 'SCM-06');
  expect(scm06.map((r) => `${r.resource?.id} ${r.status}`)).toEqual([
    'acme/payments-api NOT_APPLICABLE',
    'acme/website NOT_APPLICABLE',
  ]);
});

describe.each(SAMPLES)('%s on the importer sample %s', (pack, _file, load, onPurpose) => {
  test('every rule judges at least one resource, except those named with their reason', () => {
    expect(judgedNothing(pack, runPack(pack, load())).sort()).toEqual(Object.keys(onPurpose).sort());
  });
});

describe.each(readRulePacks().map((p) => p.name))('rule pack %s on its own Resources.csv', (pack) => {
  test('every rule judges at least one resource', () => {
    const { grids, errors } = readCsvFolder(path.join(PACKS_DIR, pack));
    expect(errors).toEqual([]);
    expect(judgedNothing(pack, validate(grids, { now: NOW }).results.toArray())).toEqual([]);
  });
});

/** Where each workload kind keeps its pod spec in a manifest. */
const POD_SPEC_AT: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

describe('kubernetes-workloads: the pack sample written as manifests and imported', () => {
  const { grids } = readCsvFolder(path.join(PACKS_DIR, 'kubernetes-workloads'));
  const [header, ...rows] = grids.find((g) => g.name === 'Resources')!.rows.map((r) => r.map(String));
  const col = (name: string) => header.indexOf(name);
  // One manifest a row: kind from the type, the podSpec cell at the kind's path. JSON is YAML too.
  const manifests = rows.map((r) => {
    const kind = r[col('Type')].replace(/^k8s:/, '');
    const doc: Record<string, unknown> = {
      apiVersion: 'v1',
      kind,
      metadata: { name: r[col('Name')], namespace: r[col('Namespace')] },
    };
    const at = POD_SPEC_AT[kind];
    if (at && r[col('podSpec')]) {
      let cur = doc;
      at.slice(0, -1).forEach((k) => (cur = (cur[k] ??= {}) as Record<string, unknown>));
      cur[at[at.length - 1]] = JSON.parse(r[col('podSpec')]);
    }
    // A dotted `spec.…` column (replicas, the pod template's labels, a budget's selector) is that path of the manifest.
    for (const name of header.filter((h) => h.startsWith('spec.'))) {
      const cell = r[col(name)];
      if (cell === '' || cell === 'null') continue;
      const keys = name.split('.');
      let cur = doc;
      keys.slice(0, -1).forEach((k) => (cur = (cur[k] ??= {}) as Record<string, unknown>));
      cur[keys[keys.length - 1]] = /^[[{\d]/.test(cell) ? JSON.parse(cell) : cell;
    }
    return JSON.stringify(doc);
  });
  const fromCsv = verdicts(validate(grids, { now: NOW }).results.toArray());
  const imported = verdicts(
    runPack('kubernetes-workloads', importKubernetes(manifests.join('\n---\n'), 'workloads.yaml')),
  );

  test('identical per-rule verdicts for every pack rule and every workload', () => {
    expect(fromCsv.size).toBeGreaterThan(100);
    expect([...fromCsv].map(([key]) => [key, imported.get(key)])).toEqual([...fromCsv]);
  });
});
