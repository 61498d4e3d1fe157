// Each import kind on real-shaped inventories: what rows, types, IDs and columns come out.
import * as fs from 'fs';
import * as path from 'path';
import { importAwsConfig } from '../../importers/aws-config';
import { importCsv } from '../../importers/csv';
import { importJson } from '../../importers/json';
import { importKubernetes } from '../../importers/kubernetes';
import { importTerraformPlan } from '../../importers/terraform-plan';
import type { ImportedResource } from '../../importers/types';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/import', name), 'utf8');
const byId = (rows: ImportedResource[], id: string) => {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id} in ${rows.map((r) => r.id).join(', ')}`);
  return row;
};
const json = (cell: unknown) => JSON.parse(String(cell));

describe('kubernetes', () => {
  const { rows, errors } = importKubernetes(fixture('k8s-workloads.yaml'), 'k8s-workloads.yaml', {});

  test('reads every document and List item, nothing else', () => {
    expect(errors).toEqual([]);
    expect(rows.map((r) => `${r.type} ${r.id}`)).toEqual([
      'k8s:Deployment default/payments-api',
      'k8s:CronJob finance/nightly-report',
      'k8s:Pod platform/debug-shell',
      'k8s:Service payments/payments-api',
      'k8s:ClusterRole read-secrets',
      'k8s:Deployment sales/web',
    ]);
  });

  test.each([
    ['default/payments-api', ['registry.acme.io/payments/api:2.8.0', 'envoyproxy/envoy:latest']],
    ['finance/nightly-report', ['registry.acme.io/finance/report:3.1.0']],
    ['platform/debug-shell', ['busybox']],
    ['sales/web', ['registry.acme.io/sales/web:5.0.1']],
  ])('%s: podSpec holds the pod spec of its kind', (id, images) => {
    const podSpec = json(byId(rows, id).cells.podSpec);
    expect(podSpec.containers.map((c: { image: string }) => c.image)).toEqual(images);
  });

  test('allContainers joins containers, initContainers and ephemeralContainers; imageRegistries lists their registries', () => {
    const deployment = json(byId(rows, 'default/payments-api').cells.allContainers);
    expect(deployment.map((c: { name: string }) => c.name)).toEqual(['api', 'sidecar', 'migrate']);
    const pod = json(byId(rows, 'platform/debug-shell').cells.allContainers);
    expect(json(byId(rows, 'default/payments-api').cells.imageRegistries)).toEqual([
      'registry.acme.io',
      'docker.io',
    ]);
    expect(
      pod.map((c: { securityContext?: { privileged?: boolean } }) => c.securityContext?.privileged),
    ).toEqual([undefined, true]);
  });

  test('common fields become columns; labels route; Document drops bookkeeping', () => {
    const d = byId(rows, 'default/payments-api').cells;
    expect(d).toMatchObject({
      Name: 'payments-api',
      Namespace: 'default',
      Owner: 'payments',
      'Business Unit': 'Finance',
      apiVersion: 'apps/v1',
    });
    expect(json(d['metadata.labels'])).toEqual({
      app: 'payments-api',
      team: 'payments',
      'business-unit': 'Finance',
    });
    const doc = json(d.Document);
    expect(doc.kind).toBe('Deployment');
    expect(doc.metadata.managedFields).toBeUndefined();
    expect(doc.metadata.annotations).toEqual({});
    expect(doc.spec.replicas).toBe(3);
  });

  test('a typed List lends its kind to items without one; non-workloads have no podSpec', () => {
    expect(json(byId(rows, 'sales/web').cells.Document).kind).toBe('Deployment');
    expect(byId(rows, 'payments/payments-api').cells.podSpec).toBeUndefined();
    expect(byId(rows, 'read-secrets').cells.Namespace).toBeUndefined();
  });

  test('bad YAML is one line naming the file and the line', () => {
    const out = importKubernetes(fixture('k8s-bad.yaml'), 'k8s-bad.yaml', {});
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatch(/^k8s-bad\.yaml line 9: cannot read the YAML: /);
    expect(out.errors[0]).not.toContain('\n');
  });

  test('a document that is not a manifest is named', () => {
    const out = importKubernetes('replicas: 3\nimage: nginx\n', 'values.yaml', {});
    expect(out.errors).toEqual([
      'values.yaml line 1: the document has no kind; is it a Kubernetes manifest?',
    ]);
  });
});

describe('terraform-plan', () => {
  const { rows, errors } = importTerraformPlan(fixture('terraform-plan.json'), 'plan.json', {});

  test('managed resources after the plan, child modules included, deletes and data sources left out', () => {
    expect(errors).toEqual([]);
    expect(rows.map((r) => `${r.type} ${r.id} ${r.cells['Plan Action']}`)).toEqual([
      'aws_s3_bucket aws_s3_bucket.logs update',
      'aws_security_group_rule aws_security_group_rule.ssh create',
      'aws_db_instance module.database.aws_db_instance.main replace',
      'aws_db_instance module.database.module.replica.aws_db_instance.this[0] create',
      'aws_db_parameter_group module.database.aws_db_parameter_group.main no-op',
    ]);
  });

  test('scalars promoted, tags route, nesting in Document', () => {
    const logs = byId(rows, 'aws_s3_bucket.logs').cells;
    expect(logs).toMatchObject({
      Name: 'Acme logs',
      Owner: 'platform-team',
      Environment: 'production',
      bucket: 'acme-logs',
      force_destroy: false,
    });
    expect(json(logs.Document).tags.Owner).toBe('platform-team');
  });

  test('an attribute named like a key column stays in Document only', () => {
    const rule = byId(rows, 'aws_security_group_rule.ssh');
    expect(rule.type).toBe('aws_security_group_rule');
    expect(rule.cells.type).toBeUndefined();
    expect(json(rule.cells.Document).type).toBe('ingress');
    expect(rule.cells.from_port).toBe(22);
  });

  test('after: null falls back to planned_values; module recorded', () => {
    const replica = byId(rows, 'module.database.module.replica.aws_db_instance.this[0]').cells;
    expect(replica).toMatchObject({
      storage_encrypted: false,
      publicly_accessible: true,
      Module: 'module.database.module.replica',
    });
    expect(byId(rows, 'module.database.aws_db_instance.main').cells['Business Unit']).toBe('Finance');
  });

  test('a state file (values.root_module) also reads', () => {
    const state = JSON.stringify({
      format_version: '1.0',
      values: {
        root_module: {
          resources: [
            {
              address: 'aws_s3_bucket.a',
              mode: 'managed',
              type: 'aws_s3_bucket',
              name: 'a',
              values: { bucket: 'a' },
            },
          ],
        },
      },
    });
    expect(importTerraformPlan(state, 'state.json', {}).rows.map((r) => r.id)).toEqual(['aws_s3_bucket.a']);
  });

  test('bad JSON names the file and line', () => {
    const out = importTerraformPlan(
      '{\n  "format_version": "1.2",\n  "planned_values": {\n}}}\n',
      'plan.json',
      {},
    );
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatch(/^plan\.json line 4: cannot read the JSON: /);
  });

  test('JSON that is not a plan says so', () => {
    expect(importTerraformPlan('{"a": 1}', 'x.json', {}).errors[0]).toMatch(/^x\.json: not a Terraform plan/);
  });
});

describe('aws-config', () => {
  const { rows, errors } = importAwsConfig(fixture('aws-config-snapshot.json'), 'snapshot.json', {});

  test('types the packs know are named as Terraform names them, IDs from resourceId', () => {
    expect(errors).toEqual([]);
    expect(rows.map((r) => `${r.type} ${r.id}`)).toEqual([
      'aws_s3_bucket acme-payroll-exports',
      'aws_security_group sg-0a1b2c3d4e5f',
      'aws_iam_user AIDAEXAMPLEUSER1',
    ]);
  });

  test("fields in the packs' vocabulary: versioning Off is Disabled, ports and ranges as Terraform ingress", () => {
    const bucket = byId(rows, 'acme-payroll-exports').cells;
    expect(bucket).toMatchObject({
      'versioning.status': 'Disabled',
      'public_access_block.block_public_acls': true,
      'server_side_encryption.algorithm': 'aws:kms',
    });
    expect(json(byId(rows, 'sg-0a1b2c3d4e5f').cells.ingress)).toEqual([
      { from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [] },
    ]);
    expect(json(byId(rows, 'AIDAEXAMPLEUSER1').cells.attached_policies)).toEqual(['AdministratorAccess']);
  });

  test('configuration and supplementaryConfiguration as JSON columns, JSON text decoded', () => {
    const bucket = byId(rows, 'acme-payroll-exports').cells;
    expect(json(bucket.supplementaryConfiguration).BucketVersioningConfiguration).toEqual({ status: 'Off' });
    expect(json(bucket.configuration).name).toBe('acme-payroll-exports');
    expect(bucket).toMatchObject({
      Name: 'acme-payroll-exports',
      Owner: 'hr-systems',
      'Business Unit': 'HR',
      awsRegion: 'eu-west-1',
    });
    const sg = byId(rows, 'sg-0a1b2c3d4e5f').cells;
    expect(json(sg.configuration).ipPermissions[0].fromPort).toBe(22);
    expect(json(sg.tags)).toEqual({ Environment: 'production' });
    expect(sg.Environment).toBe('production');
  });

  test('a bare list of items and select-resource-config results read too', () => {
    const item = {
      resourceType: 'AWS::EC2::Volume',
      resourceId: 'vol-1',
      configuration: { encrypted: false },
    };
    expect(importAwsConfig(JSON.stringify([item]), 'l.json', {}).rows[0].id).toBe('vol-1');
    expect(
      importAwsConfig(JSON.stringify({ Results: [JSON.stringify(item)] }), 's.json', {}).rows[0].type,
    ).toBe('AWS::EC2::Volume');
  });

  test('an item without resourceId is named', () => {
    const out = importAwsConfig('[{"resourceType":"AWS::S3::Bucket"}]', 'x.json', {});
    expect(out.errors).toEqual(['x.json item 1: an item needs resourceType and resourceId.']);
  });
});

describe('json', () => {
  test('an object with one array property, --type and --id FIELD (a dotted path)', () => {
    const { rows, errors } = importJson(fixture('github-repos.json'), 'repos.json', {
      type: 'github_repository',
      id: 'full_name',
    });
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.id)).toEqual(['acme/payments-api', 'acme/website']);
    const site = rows[1].cells;
    expect(site).toMatchObject({
      name: 'website',
      private: false,
      visibility: 'public',
      full_name: 'acme/website',
    });
    expect(site.id).toBeUndefined();
    expect(json(site.Document).security_and_analysis.secret_scanning.status).toBe('disabled');
  });

  test('--id defaults to id; without a type the message says --type', () => {
    const out = importJson('[{"id": 7}]', 'a.json', {});
    expect(out.errors).toEqual(['a.json item 1: no Type; give one with --type.']);
    expect(importJson('[{"id": 7}]', 'a.json', { type: 'thing' }).rows[0]).toMatchObject({
      id: '7',
      type: 'thing',
    });
  });

  test('several arrays are ambiguous', () => {
    expect(importJson('{"a": [], "b": []}', 'a.json', {}).errors[0]).toMatch(/found 2 \(a, b\)/);
  });
});

describe('csv', () => {
  test('keys from --id and Type column, other columns kept', () => {
    const { rows, errors } = importCsv(fixture('identity-accounts.csv'), 'accounts.csv', { id: 'Account' });
    expect(errors).toEqual([]);
    expect(rows.map((r) => `${r.type} ${r.id}`)).toEqual(['okta_user u-1001', 'okta_user u-1002']);
    expect(rows[1].cells).toEqual({
      Name: 'Raj Patel',
      Email: 'raj@acme.example',
      mfa_enabled: 'FALSE',
      is_admin: 'TRUE',
      last_login: '2025-09-01',
      'Business Unit': 'Engineering',
    });
  });

  test('without ID or Type columns the message says which flag to use', () => {
    expect(importCsv('Name\nx\n', 'a.csv', {}).errors).toEqual([
      'a.csv: no Resource ID column; name the ID column with --id FIELD.',
      'a.csv: no Type column; add one or give the type with --type.',
    ]);
    expect(importCsv('ID,Name\n,x\n', 'a.csv', { type: 't' }).errors).toEqual([
      'a.csv line 2: the Resource ID is empty.',
    ]);
  });
});

describe('terraform-plan: AWS companions folded onto their owner', () => {
  const { rows, errors } = importTerraformPlan(fixture('aws-estate-plan.json'), 'plan.json', {});

  test.each([
    ['by value', 'aws_s3_bucket.payroll', 'versioning.status', 'Enabled'],
    ['by reference, unknown until apply', 'aws_s3_bucket.public_site', 'versioning.status', 'Suspended'],
    ['from the inline block', 'aws_s3_bucket.legacy', 'versioning.status', 'Disabled'],
    ['logging', 'aws_s3_bucket.payroll', 'logging.target_bucket', 'acme-access-logs'],
    [
      'public access block by reference',
      'aws_s3_bucket.public_site',
      'public_access_block.block_public_policy',
      false,
    ],
  ])('%s: %s %s', (_how, address, column, value) => {
    expect(errors).toEqual([]);
    expect(byId(rows, address).cells[column]).toBe(value);
  });

  test('security group rules join the inline ingress, other attributes kept', () => {
    expect(json(byId(rows, 'aws_security_group.bastion').cells.ingress)[0]).toMatchObject({
      from_port: 22,
      cidr_blocks: ['0.0.0.0/0'],
      description: '',
      self: false,
    });
    expect(json(byId(rows, 'aws_security_group.web').cells.ingress)).toMatchObject([
      { from_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'] },
    ]);
    expect(json(byId(rows, 'aws_security_group.rdp').cells.ingress)).toMatchObject([
      { from_port: 3389, cidr_blocks: ['10.0.0.0/8'], ipv6_cidr_blocks: [] },
      { from_port: 3389, cidr_blocks: [], ipv6_cidr_blocks: ['::/0'] },
    ]);
  });

  test('policy attachments by value and across a module reference', () => {
    expect(json(byId(rows, 'aws_iam_user.ci').cells.attached_policies)).toEqual(['AdministratorAccess']);
    expect(json(byId(rows, 'module.people.aws_iam_user.alice').cells.attached_policies)).toEqual([
      'ReadOnlyAccess',
    ]);
  });

  test('the companion keeps its own row and Document', () => {
    expect(json(byId(rows, 'aws_s3_bucket_versioning.payroll').cells.Document)).toMatchObject({
      bucket: 'acme-payroll-exports',
    });
  });
});
