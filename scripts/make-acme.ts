// Generates the bulk Resources sheets of examples/acme (deterministic: same output every run). Run: npx ts-node --transpile-only scripts/make-acme.ts
import * as fs from 'fs';
import * as path from 'path';
import { readCsvFolder, toCsv } from '../cli/io/csv';
import { type Cell, type HistoryRow, historySheet, validate, type WriteCell } from '../core';

const OUT = path.join(__dirname, '../examples/acme');
const UNITS = ['Finance', 'HR', 'Engineering', 'Sales', 'Platform'];
const ENVS = ['production', 'production', 'staging', 'development'];
const TODAY = Date.UTC(2026, 2, 1);
const ALL = 'All';

// mulberry32: a tiny seeded generator, so the committed CSVs only change when this file does.
let seed = 20260301;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const chance = (p: number) => rand() < p;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const daysAgo = (d: number) => new Date(TODAY - d * 86_400_000).toISOString().slice(0, 10);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function write(file: string, header: string[], rows: Record<string, unknown>[]): void {
  const grid: Cell[][] = [header];
  for (const r of rows) {
    grid.push(
      header.map((h) => {
        const v = r[h];
        if (v === undefined || v === null) return null;
        return typeof v === 'object' ? JSON.stringify(v) : (v as Cell);
      }),
    );
  }
  fs.writeFileSync(path.join(OUT, file), toCsv(grid));
  console.log(`${file}: ${rows.length} resources`);
}

function aws(): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const base = (type: string, id: string, name: string, bu: string, env: string) => ({
    'Resource ID': id,
    Type: type,
    Name: name,
    'Business Unit': bu,
    Environment: env,
    Region: pick(['eu-west-1', 'us-east-1']),
  });
  const purposes = [
    'invoices',
    'payroll',
    'exports',
    'backups',
    'assets',
    'logs',
    'reports',
    'uploads',
    'archive',
    'data-lake',
  ];
  for (let i = 0; i < 30; i++) {
    const bu = UNITS[i % UNITS.length];
    const env = pick(ENVS);
    const name = `acme-${slug(bu)}-${purposes[i % purposes.length]}-${env.slice(0, 4)}${i}`;
    const open = chance(0.1);
    rows.push({
      ...base('aws_s3_bucket', name, name, bu, env),
      acl: open && chance(0.5) ? 'public-read' : 'private',
      Document: {
        public_access_block: {
          block_public_acls: !open,
          block_public_policy: !open,
          ignore_public_acls: !open,
          restrict_public_buckets: !open || chance(0.5),
        },
        server_side_encryption: chance(0.9)
          ? { algorithm: bu === 'Finance' && chance(0.7) ? 'aws:kms' : pick(['aws:kms', 'AES256']) }
          : null,
        versioning: { status: chance(0.8) ? 'Enabled' : pick(['Suspended', 'Disabled']) },
        logging: chance(0.75) ? { target_bucket: 'acme-platform-logs-prod5' } : null,
      },
    });
  }
  const people = [
    'alice',
    'bharat',
    'carmen',
    'deshawn',
    'elif',
    'farid',
    'grace',
    'hiro',
    'ines',
    'jonas',
    'kemi',
    'liam',
    'mei',
    'nadia',
    'oscar',
  ];
  for (let i = 0; i < 20; i++) {
    const svc = i >= people.length;
    const name = svc ? `svc-${pick(['deploy', 'backup', 'etl', 'reporting', 'ci'])}-${i}` : people[i];
    const keys = Array.from({ length: svc ? 1 : Math.floor(rand() * 3) }, (_, k) => ({
      id: `AKIA${String(1000 + i * 10 + k)}EXAMPLE`,
      status: chance(0.85) ? 'Active' : 'Inactive',
      created: daysAgo(chance(0.25) ? 120 + Math.floor(rand() * 300) : Math.floor(rand() * 80)),
    }));
    rows.push({
      ...base(
        'aws_iam_user',
        `arn:aws:iam::111122223333:user/${name}`,
        name,
        UNITS[i % UNITS.length],
        'production',
      ),
      Region: 'global',
      console_access: !svc,
      mfa_enabled: svc ? false : chance(0.8),
      password_last_used: svc
        ? null
        : daysAgo(chance(0.15) ? 60 + Math.floor(rand() * 200) : Math.floor(rand() * 30)),
      Document: {
        access_keys: keys,
        attached_policies: chance(0.15) ? ['AdministratorAccess'] : ['ReadOnlyAccess'],
      },
    });
  }
  const accounts: [string, string, boolean, boolean, number][] = [
    ['111122223333', 'acme-production', true, false, 14],
    ['444455556666', 'acme-staging', true, false, 12],
    ['777788889999', 'acme-sandbox', false, true, 8],
  ];
  for (const [id, name, mfa, keys, len] of accounts) {
    rows.push({
      ...base('aws_account', id, name, 'Platform', name.replace('acme-', '')),
      Region: 'global',
      root_mfa_enabled: mfa,
      root_access_keys_present: keys,
      Document: { password_policy: { minimum_length: len, require_symbols: true } },
    });
  }
  for (let i = 0; i < 20; i++) {
    const bu = UNITS[i % UNITS.length];
    const isDefault = i < 3;
    const ingress: Record<string, unknown>[] = [
      { from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] },
    ];
    if (chance(0.2))
      ingress.push({
        from_port: 22,
        to_port: 22,
        protocol: 'tcp',
        cidr_blocks: [chance(0.6) ? '0.0.0.0/0' : '10.0.0.0/8'],
      });
    if (chance(0.1))
      ingress.push({ from_port: 3389, to_port: 3389, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] });
    if (chance(0.15))
      ingress.push({ from_port: 5432, to_port: 5432, protocol: 'tcp', cidr_blocks: ['10.20.0.0/16'] });
    rows.push({
      ...base(
        'aws_security_group',
        `sg-0${(0x1a2b3c + i * 7919).toString(16)}`,
        isDefault ? 'default' : `${slug(bu)}-${pick(['web', 'api', 'db', 'bastion', 'worker'])}-${i}`,
        bu,
        pick(ENVS),
      ),
      Document: {
        ingress: isDefault
          ? i === 2
            ? [{ from_port: 0, to_port: 65535, protocol: '-1', cidr_blocks: ['10.0.0.0/8'] }]
            : []
          : ingress,
      },
    });
  }
  const trails: [string, boolean, boolean, boolean, string | null][] = [
    ['org-trail', true, true, true, 'arn:aws:kms:eu-west-1:111122223333:key/1f2e'],
    ['security-audit', true, true, true, 'arn:aws:kms:eu-west-1:111122223333:key/1f2e'],
    ['finance-data-events', true, false, false, null],
    ['legacy-trail', false, false, true, null],
  ];
  for (const [name, logging, multi, validation, kms] of trails) {
    rows.push({
      ...base(
        'aws_cloudtrail',
        `arn:aws:cloudtrail:eu-west-1:111122223333:trail/${name}`,
        name,
        name.startsWith('finance') ? 'Finance' : 'Platform',
        'production',
      ),
      is_logging: logging,
      is_multi_region_trail: multi,
      log_file_validation_enabled: validation,
      kms_key_id: kms,
    });
  }
  for (let i = 0; i < 12; i++) {
    const bu = UNITS[i % UNITS.length];
    const env = pick(ENVS);
    const id = `${slug(bu)}-${pick(['orders', 'ledger', 'people', 'crm', 'metrics'])}-db-${i}`;
    rows.push({
      ...base('aws_db_instance', id, id, bu, env),
      engine: pick(['postgres', 'mysql', 'aurora-postgresql']),
      storage_encrypted: chance(0.85),
      publicly_accessible: chance(0.08),
      backup_retention_period: pick([1, 7, 7, 14, 35]),
    });
  }
  for (let i = 0; i < 25; i++) {
    const bu = UNITS[i % UNITS.length];
    rows.push({
      ...base(
        'aws_ebs_volume',
        `vol-0${(0xabc123 + i * 104729).toString(16)}`,
        `${slug(bu)}-data-${i}`,
        bu,
        pick(ENVS),
      ),
      encrypted: chance(0.85),
      size: pick([20, 50, 100, 500]),
      volume_type: pick(['gp3', 'gp2', 'io2']),
    });
  }
  return rows;
}

function kubernetes(): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const kinds = ['Deployment', 'Deployment', 'Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Pod'];
  const apps = ['api', 'web', 'worker', 'ledger', 'payroll', 'crm-sync', 'reports', 'search', 'gateway'];
  const approved = ['registry.acme.io', 'ghcr.io'];
  for (let i = 0; i < 45; i++) {
    const bu = UNITS[i % UNITS.length];
    const kind = kinds[i % kinds.length];
    const app =
      kind === 'DaemonSet'
        ? `${['log-agent', 'node-exporter', 'falco'][i % 3]}-${i}`
        : `${apps[i % apps.length]}-${i}`;
    const ns = slug(bu);
    const env = i % 4 === 3 ? 'staging' : 'production';
    const registry = chance(0.88) ? pick(approved) : 'docker.io';
    const tag = chance(0.85)
      ? `${1 + Math.floor(rand() * 4)}.${Math.floor(rand() * 10)}.${Math.floor(rand() * 20)}`
      : 'latest';
    const image =
      registry === 'docker.io'
        ? `${pick(['nginx', 'redis', 'bitnami/kafka'])}:${tag}`
        : `${registry}/${ns}/${app}:${tag}`;
    const podLevel = chance(0.6) ? { runAsNonRoot: true } : undefined;
    const container: Record<string, unknown> = {
      name: app,
      image,
      securityContext: {
        ...(chance(0.2) ? { runAsNonRoot: chance(0.5) } : {}),
        ...(chance(0.07) ? { privileged: true } : {}),
        allowPrivilegeEscalation: chance(0.75) ? false : undefined,
        capabilities: chance(0.7) ? { drop: ['ALL'] } : undefined,
      },
      resources: chance(0.85)
        ? {
            limits: { cpu: chance(0.9) ? '500m' : undefined, memory: '512Mi' },
            requests: { cpu: '100m', memory: '256Mi' },
          }
        : {},
    };
    const sidecar = chance(0.25)
      ? [
          {
            name: 'log-shipper',
            image: 'registry.acme.io/platform/fluent-bit:3.0.4',
            resources: { limits: { cpu: '100m', memory: '128Mi' } },
            securityContext: { allowPrivilegeEscalation: false },
          },
        ]
      : [];
    const init = chance(0.2)
      ? [{ name: 'migrate', image: image.replace(/:[^:/]+$/, '-migrate:1.0.0'), securityContext: {} }]
      : [];
    const volumes =
      chance(0.1) || kind === 'DaemonSet'
        ? [{ name: 'host-logs', hostPath: { path: '/var/log' } }]
        : [{ name: 'tmp', emptyDir: {} }];
    const podSpec: Record<string, unknown> = {
      ...(podLevel ? { securityContext: podLevel } : {}),
      ...(chance(0.05) ? { hostNetwork: true } : {}),
      ...(init.length ? { initContainers: init } : {}),
      containers: [container, ...sidecar],
      volumes,
    };
    const all = [container, ...sidecar, ...init];
    const regs = [
      ...new Set(
        all
          .map((c) => String(c.image))
          .map((im) => (/^[^/]+[.:][^/]*\//.test(im) ? im.split('/')[0] : 'docker.io')),
      ),
    ];
    rows.push({
      'Resource ID': `${ns}/${app}`,
      Type: `k8s:${kind}`,
      Name: app,
      Namespace: ns,
      'Business Unit': bu,
      Environment: env,
      'spec.replicas':
        kind === 'Deployment' || kind === 'StatefulSet'
          ? env === 'production' && chance(0.8)
            ? 3
            : 1
          : null,
      'metadata.labels': { app, team: slug(bu), 'app.kubernetes.io/managed-by': 'argocd' },
      podSpec: JSON.parse(JSON.stringify(podSpec)),
      allContainers: JSON.parse(JSON.stringify(all)),
      imageRegistries: regs,
    });
  }
  return rows;
}

function github(): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const names = [
    'payments-api',
    'ledger',
    'payroll-service',
    'hr-portal',
    'website',
    'design-system',
    'crm-connector',
    'sales-dashboards',
    'terraform-live',
    'k8s-manifests',
    'data-pipelines',
    'mobile-app',
    'docs',
    'infra-modules',
    'billing',
    'onboarding-bot',
    'search',
    'auth-service',
  ];
  for (let i = 0; i < 35; i++) {
    const bu = UNITS[i % UNITS.length];
    const name =
      i < names.length
        ? names[i]
        : `${names[i % names.length]}-${pick(['v2', 'legacy', 'tools', 'experiments'])}-${i}`;
    const archived = chance(0.1);
    const visibility =
      name === 'website' || name === 'docs' || chance(0.08)
        ? 'public'
        : pick(['private', 'private', 'internal']);
    const protectedBranch = chance(0.8);
    rows.push({
      'Resource ID': `acme/${name}`,
      Type: 'github_repository',
      Name: name,
      'Business Unit': bu,
      Environment: 'production',
      visibility,
      archived,
      default_branch: 'main',
      Document: {
        branch_protection: {
          enabled: protectedBranch,
          required_approving_review_count: protectedBranch ? pick([0, 1, 1, 2, 2]) : 0,
          require_code_owner_reviews: chance(0.5),
          enforce_admins: chance(0.6),
        },
        security_and_analysis: {
          secret_scanning: { status: chance(0.85) ? 'enabled' : 'disabled' },
          dependabot_alerts: { status: chance(0.8) ? 'enabled' : 'disabled' },
        },
      },
    });
  }
  rows.push({
    'Resource ID': 'acme',
    Type: 'github_organization',
    Name: 'Acme',
    'Business Unit': 'Engineering',
    Environment: 'production',
    two_factor_requirement_enabled: true,
    default_repository_permission: 'read',
    Document: { admins: ['cto-acme', 'platform-lead', 'sec-lead', 'eng-manager'] },
  });
  rows.push({
    'Resource ID': 'acme-sales-labs',
    Type: 'github_organization',
    Name: 'Acme Sales Labs',
    'Business Unit': 'Sales',
    Environment: 'development',
    two_factor_requirement_enabled: false,
    default_repository_permission: 'write',
    Document: {
      admins: [
        'sales-ops',
        'contractor-1',
        'contractor-2',
        'sales-vp',
        'sales-eng-1',
        'sales-eng-2',
        'intern-2025',
      ],
    },
  });
  return rows;
}

function identity(): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const first = [
    'Ava',
    'Ben',
    'Chloe',
    'Dev',
    'Ema',
    'Finn',
    'Gia',
    'Hugo',
    'Isla',
    'Jay',
    'Kira',
    'Leo',
    'Maya',
    'Noah',
    'Omar',
    'Pia',
    'Quinn',
    'Rosa',
    'Sam',
    'Tara',
  ];
  const last = ['Adams', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia'];
  const admins: string[] = [];
  for (let i = 0; i < 60; i++) {
    const bu = UNITS[i % UNITS.length];
    const name = `${first[i % first.length]} ${last[(i * 3) % last.length]}`;
    const login = `${slug(name).replace('-', '.')}${i}@acme.example`;
    const contractor = chance(0.15);
    const admin = !contractor && chance(0.1);
    if (admin) admins.push(login);
    const status = chance(0.9) ? 'ACTIVE' : 'SUSPENDED';
    const mfa = chance(0.88);
    rows.push({
      'Resource ID': login,
      Type: 'idp_user',
      Name: name,
      'Business Unit': bu,
      Environment: 'production',
      status,
      employment_type: contractor ? 'contractor' : 'employee',
      is_admin: admin,
      mfa_enrolled: mfa,
      last_login: daysAgo(chance(0.12) ? 95 + Math.floor(rand() * 250) : Math.floor(rand() * 40)),
      account_expires: contractor
        ? chance(0.7)
          ? new Date(TODAY + (30 + Math.floor(rand() * 120)) * 86_400_000).toISOString().slice(0, 10)
          : null
        : null,
      mfa_factors: mfa ? (admin && chance(0.7) ? ['webauthn', 'push'] : [pick(['push', 'totp', 'sms'])]) : [],
    });
  }
  rows.push({
    'Resource ID': 'acme.okta.com',
    Type: 'idp_tenant',
    Name: 'Acme workforce identity',
    'Business Unit': 'Platform',
    Environment: 'production',
    Document: { admins: [...admins, 'break-glass@acme.example', 'it-helpdesk@acme.example'] },
  });
  return rows;
}

const COMMON = ['Resource ID', 'Type', 'Name', 'Owner', 'Business Unit', 'Environment'];
write(
  'Resources - AWS.csv',
  [
    ...COMMON,
    'Region',
    'acl',
    'console_access',
    'mfa_enabled',
    'password_last_used',
    'root_mfa_enabled',
    'root_access_keys_present',
    'is_logging',
    'is_multi_region_trail',
    'log_file_validation_enabled',
    'kms_key_id',
    'engine',
    'storage_encrypted',
    'publicly_accessible',
    'backup_retention_period',
    'encrypted',
    'size',
    'volume_type',
    'Document',
  ],
  aws(),
);
write(
  'Resources - Kubernetes.csv',
  [...COMMON, 'Namespace', 'spec.replicas', 'metadata.labels', 'imageRegistries', 'podSpec', 'allContainers'],
  kubernetes(),
);
write(
  'Resources - GitHub.csv',
  [
    ...COMMON,
    'visibility',
    'archived',
    'default_branch',
    'two_factor_requirement_enabled',
    'default_repository_permission',
    'Document',
  ],
  github(),
);
write(
  'Resources - Identity.csv',
  [
    ...COMMON,
    'status',
    'employment_type',
    'is_admin',
    'mfa_enrolled',
    'mfa_factors',
    'last_login',
    'account_expires',
    'Document',
  ],
  identity(),
);

// The earlier run, a month before the example's date: the Results and Run History it left, so the example's run
// reports what changed since. It is this rulebook as validated on the example's date, except that FIXED_SINCE
// checks that pass now were failing then (their owners fixed them in February) and NEW_SINCE of today's failures
// were not failing yet; every failure was first seen on that first run. The earlier Results and Run History are
// made from the same rows, so they agree, and the example's run finds exactly those fixed and new failures.
const EARLIER = new Date(Date.UTC(2026, 1, 1, 7, 30));
const FIXED_SINCE = 75;
const NEW_SINCE = 4;
/** Days from First Seen to Due by severity, as the example's Settings give them. */
const SLA_DAYS: Record<string, number> = { Critical: 7, High: 30, Medium: 90, Low: 180, Info: 365 };

type Row = WriteCell[];
/** Results columns by header, from the header row the engine writes. */
let RESULT_COL: Record<string, number> = {};
const at = (row: Row, header: string) => row[RESULT_COL[header]];
const pairKey = (row: Row) => `${at(row, 'Rule ID')}|${at(row, 'Resource Type')}|${at(row, 'Resource ID')}`;

/** Every `step`-th of the rows, from the middle of the first step, up to `count`: spread over rules and units. */
function spread<T>(rows: readonly T[], count: number): T[] {
  const step = rows.length / count;
  return Array.from(
    { length: Math.min(count, rows.length) },
    (_, i) => rows[Math.floor(i * step + step / 2)],
  );
}

function earlierRun(): void {
  for (const file of ['Run History.csv', 'Results.csv']) fs.rmSync(path.join(OUT, file), { force: true });
  const { grids } = readCsvFolder(OUT);
  // Passing rows too, with their Fix Owner: some of them were failing a month ago.
  const withPassing = grids.map((g) =>
    g.name === 'Settings'
      ? { ...g, rows: g.rows.map((r) => (r[0] === 'Include Passing' ? [r[0], 'TRUE'] : r)) }
      : g,
  );
  const run = validate(withPassing, { now: new Date(TODAY + 9 * 3_600_000) });
  const results = run.patches.find((p) => p.kind === 'sheet' && p.sheet === 'Results');
  if (!results || results.kind !== 'sheet') throw new Error('the earlier run wrote no Results');
  const [header, ...rows] = results.rows;
  RESULT_COL = Object.fromEntries(header.map((h, i) => [String(h), i]));
  const failing = rows.filter((r) => at(r, 'Status') === 'FAIL');
  // A check fixed since failed as another resource of the same rule and business unit fails today: that row
  // gives its Field, Expected, Actual, Message and Due.
  const failingLike = new Map<string, Row>();
  for (const r of failing) failingLike.set(`${at(r, 'Rule ID')}|${at(r, 'Business Unit')}`, r);
  const passing = rows.filter(
    (r) => at(r, 'Status') === 'PASS' && failingLike.has(`${at(r, 'Rule ID')}|${at(r, 'Business Unit')}`),
  );
  const fixed = spread(passing, FIXED_SINCE).map((r): Row => {
    const like = failingLike.get(`${at(r, 'Rule ID')}|${at(r, 'Business Unit')}`) as Row;
    const row = [...r];
    for (const h of ['Status', 'Fix Owner', 'Field', 'Expected', 'Actual', 'Message'])
      row[RESULT_COL[h]] = at(like, h);
    return row;
  });
  const isNew = new Set(
    spread(
      failing.filter((r) => at(r, 'Severity') === 'Medium'),
      NEW_SINCE,
    ).map(pairKey),
  );
  const fixedKeys = new Set(fixed.map(pairKey));
  const firstSeen = new Date(Date.UTC(2026, 1, 1));
  const earlier = [...rows.filter((r) => at(r, 'Status') !== 'PASS' && !isNew.has(pairKey(r))), ...fixed].map(
    (r) => {
      const row = [...r];
      row[RESULT_COL['First Seen']] = firstSeen;
      row[RESULT_COL.Due] = new Date(firstSeen.getTime() + SLA_DAYS[String(at(r, 'Severity'))] * 86_400_000);
      row[RESULT_COL.Overdue] = false;
      return row;
    },
  );
  // Back in the engine's order (severity, status, rule, resource), as the earlier run wrote it.
  const order = (r: Row) =>
    [
      ['Critical', 'High', 'Medium', 'Low', 'Info'].indexOf(String(at(r, 'Severity'))),
      ['FAIL', 'ERROR', 'WAIVED'].indexOf(String(at(r, 'Status'))),
    ] as const;
  earlier.sort((a, b) => {
    const [sa, ta] = order(a);
    const [sb, tb] = order(b);
    return sa - sb || ta - tb || pairKey(a).localeCompare(pairKey(b));
  });
  fs.writeFileSync(path.join(OUT, 'Results.csv'), toCsv([header, ...earlier]));
  console.log(`Results.csv: ${earlier.length} rows as of ${EARLIER.toISOString()}`);

  // The history rows of that run: each check moved between passing and failing moves in its unit and in All.
  const moved = new Map<string, number>();
  const move = (unit: string, by: number) => moved.set(unit, (moved.get(unit) ?? 0) + by);
  for (const r of rows) {
    const by = fixedKeys.has(pairKey(r)) ? 1 : isNew.has(pairKey(r)) ? -1 : 0;
    if (by === 0) continue;
    move(String(at(r, 'Business Unit')), by);
    move(ALL, by);
  }
  const history = run.history.map((row): HistoryRow => {
    const by = moved.get(row.businessUnit) ?? 0;
    const passingNow = row.passing - by;
    const failingNow = row.failing + by;
    const judged = passingNow + failingNow + row.errors;
    // The first run: every failure it found was new, and nothing was fixed yet.
    return {
      ...row,
      runAt: EARLIER,
      passing: passingNow,
      failing: failingNow,
      passRate: judged ? passingNow / judged : 1,
      newFailures: failingNow,
      fixed: 0,
    };
  });
  fs.writeFileSync(path.join(OUT, 'Run History.csv'), toHistoryCsv(historySheet([], history).rows));
  console.log(`Run History.csv: ${history.length} rows`);
}

/** Run History as a person would type it: `2026-02-01 07:30` and `75.1%`, which every reader types on the way in. */
function toHistoryCsv(rows: WriteCell[][]): string {
  const rate = rows[0].indexOf('Pass Rate');
  return toCsv(
    rows.map((row, r) =>
      row.map((cell, c) => {
        if (r === 0) return cell;
        if (cell instanceof Date) return cell.toISOString().slice(0, 16).replace('T', ' ');
        if (c === rate && typeof cell === 'number') return `${(cell * 100).toFixed(1)}%`;
        return cell;
      }),
    ),
  );
}
earlierRun();
