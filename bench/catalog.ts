// The benchmark's made-up estate: attribute columns, how their values are spread, and the rules written about them.
import type { Cell } from '../core';
import type { Prng } from './prng';

export interface RuleTemplate {
  title: string;
  operator: string;
  expected: (rng: Prng) => Cell;
}

export interface Attribute {
  column: string;
  value: (rng: Prng) => Cell;
  rules: readonly RuleTemplate[];
}

/** Picks by weight: `[[value, weight], …]`, weights summing to about 1. */
function weighted<T>(rng: Prng, choices: readonly (readonly [T, number])[]): T {
  let r = rng.next();
  for (const [value, weight] of choices) {
    if (r < weight) return value;
    r -= weight;
  }
  return choices[choices.length - 1][0];
}

/** A value, or a blank cell with probability `missing`. */
function orBlank(rng: Prng, missing: number, make: () => Cell): Cell {
  return rng.chance(missing) ? null : make();
}

const bool = (pTrue: number, missing: number) => (rng: Prng) =>
  orBlank(rng, missing, () => rng.chance(pTrue));
const fixed = (v: Cell) => () => v;

export const ATTRIBUTES: readonly Attribute[] = [
  {
    column: 'encryption.enabled',
    value: bool(0.9, 0.03),
    rules: [
      { title: 'Encryption at rest is on', operator: 'is true', expected: fixed(null) },
      { title: 'Encryption setting is TRUE', operator: 'equals', expected: fixed(true) },
      { title: 'Encryption setting is recorded', operator: 'exists', expected: fixed(null) },
    ],
  },
  {
    column: 'encryption.algorithm',
    value: (rng) =>
      orBlank(rng, 0.03, () =>
        weighted(rng, [
          ['aws:kms', 0.45],
          ['AES256', 0.25],
          ['aes256', 0.05],
          ['AWS:KMS', 0.05],
          ['aws:kms:dsse', 0.1],
          ['none', 0.1],
        ]),
      ),
    rules: [
      {
        title: 'Encryption uses an approved algorithm',
        operator: 'is one of',
        expected: fixed('aws:kms, AES256, aws:kms:dsse'),
      },
      { title: 'Encryption algorithm is not none', operator: 'does not equal', expected: fixed('none') },
    ],
  },
  {
    column: 'versioning.status',
    value: (rng) =>
      orBlank(rng, 0.03, () =>
        weighted(rng, [
          ['Enabled', 0.76],
          ['enabled', 0.08],
          ['Suspended', 0.16],
        ]),
      ),
    rules: [
      { title: 'Versioning is enabled', operator: 'equals', expected: fixed('Enabled') },
      { title: 'Versioning is not suspended', operator: 'does not equal', expected: fixed('Suspended') },
    ],
  },
  {
    column: 'port',
    value: (rng) =>
      orBlank(rng, 0.02, () => {
        const port = weighted(rng, [
          [443, 0.55],
          [8443, 0.15],
          [80, 0.1],
          [22, 0.07],
          [3389, 0.05],
          [5432, 0.04],
          [0, 0.04],
        ]);
        return port === 0 ? rng.int(9000, 65535) : port;
      }),
    rules: [
      { title: 'SSH is not open', operator: 'does not equal', expected: fixed(22) },
      { title: 'Only web ports are open', operator: 'is one of', expected: fixed('443, 8443, 80') },
      { title: 'No high ports are open', operator: 'less than', expected: fixed(9000) },
      { title: 'Port is at most 8443', operator: 'at most', expected: fixed(8443) },
    ],
  },
  {
    column: 'tls.minVersion',
    value: (rng) =>
      orBlank(rng, 0.03, () =>
        weighted(rng, [
          [1.0, 0.05],
          [1.1, 0.07],
          [1.2, 0.6],
          [1.3, 0.28],
        ]),
      ),
    rules: [{ title: 'TLS 1.2 or newer is required', operator: 'at least', expected: fixed(1.2) }],
  },
  {
    column: 'backup.retentionDays',
    value: (rng) => orBlank(rng, 0.02, () => (rng.chance(0.06) ? 0 : rng.int(1, 35))),
    rules: [
      { title: 'Backups are kept long enough', operator: 'at least', expected: (rng) => rng.int(1, 7) },
      { title: 'Backups are kept', operator: 'greater than', expected: (rng) => rng.int(0, 3) },
    ],
  },
  {
    column: 'publicAccess.blocked',
    value: bool(0.9, 0.02),
    rules: [{ title: 'Public access is blocked', operator: 'is true', expected: fixed(null) }],
  },
  {
    column: 'tags',
    value: (rng) =>
      orBlank(rng, 0.04, () =>
        rng.chance(0.88)
          ? `env=${rng.pick(['prod', 'stage', 'dev'])};team=${rng.pick(['payments', 'hr', 'web', 'data'])};cost-center=CC-${rng.int(100, 999)}`
          : `env=${rng.pick(['prod', 'dev'])}`,
      ),
    rules: [
      { title: 'Resources are tagged with a team', operator: 'contains', expected: fixed('team=') },
      { title: 'Resources carry a cost centre', operator: 'contains', expected: fixed('Cost-Center=cc-') },
      { title: 'Resources are tagged', operator: 'is not empty', expected: fixed(null) },
    ],
  },
  {
    column: 'contact.email',
    value: (rng) =>
      orBlank(rng, 0.04, () =>
        rng.chance(0.9)
          ? `${rng.pick(['ana', 'Bo', 'chen', 'dev.ops', 'Eva'])}.${rng.pick(['lee', 'Smith', 'ng'])}@${rng.pick(['example.com', 'Example.com'])}`
          : `${rng.pick(['someone', 'admin'])}@gmail.com`,
      ),
    rules: [
      {
        title: 'The contact is a company address',
        operator: 'matches',
        expected: fixed('^[a-z0-9._-]+@example\\.com$'),
      },
      { title: 'There is a contact', operator: 'is not empty', expected: fixed(null) },
    ],
  },
  {
    column: 'image',
    value: (rng) =>
      orBlank(rng, 0.03, () =>
        rng.chance(0.82)
          ? `registry.example.com/${rng.pick(['web', 'api', 'jobs'])}/svc:${rng.int(1, 3)}.${rng.int(0, 9)}.${rng.int(0, 20)}`
          : `docker.io/library/${rng.pick(['nginx', 'redis'])}:latest`,
      ),
    rules: [
      {
        title: 'Images come from the company registry',
        operator: 'starts with',
        expected: fixed('registry.example.com/'),
      },
      {
        title: 'Images are pinned to a version',
        operator: 'matches',
        expected: fixed(':\\d+\\.\\d+\\.\\d+$'),
      },
      { title: 'Images are not tagged latest', operator: 'does not contain', expected: fixed(':latest') },
    ],
  },
  {
    column: 'instance.class',
    value: (rng) =>
      orBlank(rng, 0.02, () =>
        weighted(rng, [
          ['db.t3.micro', 0.3],
          ['db.m5.large', 0.3],
          ['db.r5.xlarge', 0.2],
          ['db.t2.small', 0.15],
          ['db.m4.large', 0.05],
        ]),
      ),
    rules: [
      {
        title: 'Databases run on a current generation',
        operator: 'matches',
        expected: fixed('^db\\.(t3|m5|r5|m6g)\\.'),
      },
      {
        title: 'Database size is approved',
        operator: 'is one of',
        expected: fixed('db.t3.micro, db.m5.large, db.r5.xlarge'),
      },
    ],
  },
  {
    column: 'logging.enabled',
    value: bool(0.85, 0.03),
    rules: [
      { title: 'Access logging is on', operator: 'is true', expected: fixed(null) },
      { title: 'Access logging is TRUE', operator: 'equals', expected: fixed('TRUE') },
    ],
  },
  {
    column: 'mfa.enabled',
    value: bool(0.88, 0.01),
    rules: [{ title: 'MFA is on', operator: 'is true', expected: fixed(null) }],
  },
  {
    column: 'password.ageDays',
    value: (rng) => orBlank(rng, 0.03, () => (rng.chance(0.85) ? rng.int(0, 89) : rng.int(90, 400))),
    rules: [
      { title: 'Passwords are rotated within 90 days', operator: 'less than', expected: fixed(90) },
      { title: 'Passwords are at most 120 days old', operator: 'at most', expected: fixed(120) },
    ],
  },
  {
    column: 'region',
    value: (rng) =>
      orBlank(rng, 0.01, () =>
        weighted(rng, [
          ['us-east-1', 0.4],
          ['us-west-2', 0.2],
          ['eu-west-1', 0.2],
          ['EU-central-1', 0.1],
          ['ap-southeast-1', 0.1],
        ]),
      ),
    rules: [
      {
        title: 'Resources live in approved regions',
        operator: 'is one of',
        expected: fixed('us-east-1, us-west-2, eu-west-1, eu-central-1'),
      },
      { title: 'Resources live in the US or the EU', operator: 'matches', expected: fixed('^(us|eu)-') },
      {
        title: 'Resources are in a US or EU region',
        operator: 'starts with',
        expected: (rng) => rng.pick(['us-', 'eu-']),
      },
    ],
  },
  {
    column: 'replicas',
    value: (rng) => orBlank(rng, 0.02, () => rng.int(1, 8)),
    rules: [{ title: 'Workloads run at least two replicas', operator: 'at least', expected: fixed(2) }],
  },
  {
    column: 'deletionProtection',
    value: bool(0.82, 0.02),
    rules: [{ title: 'Deletion protection is on', operator: 'is true', expected: fixed(null) }],
  },
  {
    column: 'kms.keyId',
    value: (rng) =>
      orBlank(rng, 0.12, () => `arn:aws:kms:us-east-1:123456789012:key/${rng.int(100000, 999999)}`),
    rules: [
      { title: 'A KMS key is set', operator: 'exists', expected: fixed(null) },
      { title: 'The key is a KMS key', operator: 'starts with', expected: fixed('ARN:aws:kms:') },
    ],
  },
];

export const BASE_TYPES = [
  'aws_s3_bucket',
  'aws_security_group_rule',
  'aws_db_instance',
  'aws_iam_user',
  'aws_instance',
  'k8s:Deployment',
  'github_repository',
  'azure_storage_account',
  'google_storage_bucket',
  'aws_lambda_function',
] as const;

export const SEVERITY_MIX = [
  ['Critical', 0.1],
  ['High', 0.3],
  ['Medium', 0.4],
  ['Low', 0.15],
  ['Info', 0.05],
] as const;
export const TEAMS = ['Platform', 'Payments', 'HR Systems', 'Web', 'Data'] as const;
export const BUSINESS_UNITS = ['Finance', 'HR', 'Engineering', 'Sales'] as const;
export const ENVIRONMENTS = ['prod', 'stage', 'dev'] as const;

export { weighted };
