// A small rulebook for CLI tests, written as a CSV folder or an .xlsx in a temp dir, and an in-process runner.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { run } from '../../../cli/main';
import { stringify } from 'csv-stringify/sync';
import type { Cell } from '../../../core';

export const NOW = '2026-03-01T09:00:00Z';

/** The CSV report's header, written out: what a reader of the report meets, not taken from the code that writes it. */
export const CSV_REPORT_HEADER = [
  'ruleId',
  'title',
  'resourceId',
  'resourceType',
  'status',
  'severity',
  'fixOwner',
  'businessUnit',
  'field',
  'expected',
  'actual',
  'message',
  'remediation',
  'firstSeen',
  'due',
  'overdue',
];
export const EVIL_LINK = '=HYPERLINK("http://evil","x")';
export const EVIL_AT = '@SUM(1)';
export const SCRIPT = '<script>alert(1)</script>';

export const SHEETS: Record<string, Cell[][]> = {
  Rules: [
    [
      'Rule ID',
      'Title',
      'Resource Type',
      'Field',
      'Operator',
      'Expected',
      'Severity',
      'Owner',
      'Framework',
      'Remediation',
    ],
    [
      'S3-001',
      'Buckets block public access',
      'aws_s3_bucket',
      'public_access_block',
      'is true',
      null,
      'High',
      'Security',
      'CIS 2.1.1',
      'https://docs.example.com/s3',
    ],
    [
      'S3-002',
      'Buckets keep versions',
      'aws_s3_bucket',
      'versioning.status',
      'equals',
      'Enabled',
      'Medium',
      'Platform',
      null,
      'Turn on versioning',
    ],
    [
      'IAM-001',
      'Users have MFA',
      'aws_iam_user',
      'mfa',
      'is true',
      null,
      'Critical',
      'IAM team',
      'SOC 2 CC6.1',
      'Enable MFA',
    ],
    ['K8S-001', 'Low rule', 'k8s:Deployment', 'replicas', 'at least', '2', 'Low', 'Platform', null, null],
  ],
  Resources: [
    [
      'Resource ID',
      'Type',
      'Name',
      'Owner',
      'Business Unit',
      'public_access_block',
      'versioning.status',
      'mfa',
    ],
    ['logs', 'aws_s3_bucket', 'Logs', 'alice', 'Finance', 'TRUE', 'Enabled', null],
    [SCRIPT, 'aws_s3_bucket', EVIL_LINK, EVIL_LINK, 'Finance', 'FALSE', 'Suspended', null],
    [EVIL_AT, 'aws_s3_bucket', 'At bucket', 'bob', 'HR', 'TRUE', 'Suspended', null],
    ['bob-user', 'aws_iam_user', 'Bob', null, 'HR', null, null, 'TRUE'],
  ],
  Exceptions: [
    ['Rule ID', 'Resource ID', 'Reason', 'Approved By', 'Expires', 'Ticket'],
    ['S3-002', EVIL_AT, 'Legacy bucket', 'carol', '2099-01-01', 'SEC-1'],
  ],
  Owners: [
    ['Owner', 'Email', 'Business Unit', 'Default for Business Unit'],
    ['finance-team', 'finance@example.com', 'Finance', 'TRUE'],
  ],
};

export function tempDir(prefix = 'rulesheet-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes the sheets as a user would save them: raw CSV, no protective quotes. */
export function writeCsvRulebook(dir: string, sheets: Record<string, Cell[][]> = SHEETS): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, rows] of Object.entries(sheets)) {
    const text = stringify(
      rows.map((r) => r.map((c) => (c === null ? '' : String(c)))),
      { record_delimiter: '\n' },
    );
    fs.writeFileSync(path.join(dir, `${name}.csv`), text);
  }
  return dir;
}

export async function writeXlsxRulebook(
  file: string,
  sheets: Record<string, Cell[][]> = SHEETS,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  }
  await wb.xlsx.writeFile(file);
  return file;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(...argv: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
