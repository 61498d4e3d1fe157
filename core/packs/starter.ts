// The starter rulebook `rulesheet init` writes: every user sheet with its headers and one example row that works.
import type { Cell } from '../types';

export interface StarterSheet {
  name: string;
  rows: Cell[][];
  /** Column widths in characters, one a header. */
  widths: number[];
}

/** The sheets, headers as PRODUCT.md §2 names them. `today` dates the example waiver (a year ahead). */
export function starterSheets(today: Date): StarterSheet[] {
  const inAYear = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate()));
  return [
    {
      name: 'Rules',
      widths: [10, 40, 18, 22, 16, 14, 8, 40, 30, 16, 10, 16, 22, 40, 9],
      rows: [
        [
          'Rule ID',
          'Title',
          'Resource Type',
          'Field',
          'Operator',
          'Expected',
          'Match',
          'Condition',
          'Applies When',
          'Business Unit',
          'Severity',
          'Owner',
          'Framework',
          'Remediation',
          'Enabled',
        ],
        [
          'S3-001',
          'S3 buckets keep versioning on',
          'aws_s3_bucket',
          'versioning.status',
          'equals',
          'Enabled',
          null,
          null,
          'Environment = "production"',
          null,
          'Medium',
          'Platform Team',
          'CIS AWS 2.1.3; SOC 2 CC6.1',
          'Turn on versioning in the bucket settings (Properties → Bucket Versioning).',
          true,
        ],
      ],
    },
    {
      name: 'Resources',
      widths: [28, 18, 24, 18, 16, 14, 20, 40],
      rows: [
        [
          'Resource ID',
          'Type',
          'Name',
          'Owner',
          'Business Unit',
          'Environment',
          'versioning.status',
          'Document',
        ],
        [
          'acme-invoices',
          'aws_s3_bucket',
          'Invoices',
          null,
          'Finance',
          'production',
          'Enabled',
          '{"versioning":{"status":"Enabled"},"tags":{"team":"finance"}}',
        ],
      ],
    },
    {
      name: 'Exceptions',
      widths: [10, 24, 40, 18, 12, 14],
      rows: [
        ['Rule ID', 'Resource ID', 'Reason', 'Approved By', 'Expires', 'Ticket'],
        [
          'S3-001',
          'sandbox-*',
          'Sandbox buckets hold throw-away test data',
          'Security Lead',
          inAYear,
          'SEC-1',
        ],
      ],
    },
    {
      name: 'Owners',
      widths: [20, 28, 16, 24],
      rows: [
        ['Owner', 'Email', 'Business Unit', 'Default for Business Unit'],
        ['Finance IT', 'finance-it@example.com', 'Finance', true],
      ],
    },
    {
      name: 'Settings',
      widths: [18, 16],
      rows: [
        ['Key', 'Value'],
        ['SLA Critical', 7],
        ['SLA High', 30],
        ['SLA Medium', 90],
        ['SLA Low', 180],
        ['Include Passing', false],
        ['Time Zone', 'UTC'],
      ],
    },
  ];
}
