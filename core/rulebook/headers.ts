// Column alias tables for every sheet the reader knows, and the mapping of a header row onto them.
import { normalizeName, didYouMean } from '../names';
import { problem, type Problem } from '../problems';
import type { Cell } from '../types';
import { cellText } from '../values/cells';
import { GENERATED_RULE_COLUMNS, type RuleColumn } from './model';

/** One known column: the name the docs and problems use, and the other headers people write for it. */
export interface ColumnSpec {
  header: string;
  aliases: readonly string[];
}

/** Key → column spec. Earlier names win when a sheet has two headers for one key (`Rule ID` beats `ID`). */
export type ColumnTable<K extends string> = Readonly<Record<K, ColumnSpec>>;

export const RULE_COLUMNS: ColumnTable<RuleColumn> = {
  ruleId: { header: 'Rule ID', aliases: ['ID', 'Rule', 'Rule No', 'Rule Number'] },
  title: { header: 'Title', aliases: ['Name', 'Rule Name', 'Rule Title', 'Summary'] },
  resourceType: { header: 'Resource Type', aliases: ['Type', 'Resource Types', 'Types', 'Applies To'] },
  field: { header: 'Field', aliases: ['Path', 'Attribute', 'Property', 'Field Path'] },
  operator: { header: 'Operator', aliases: ['Op', 'Comparison'] },
  expected: { header: 'Expected', aliases: ['Value', 'Expected Value', 'Values'] },
  match: { header: 'Match', aliases: ['Match Mode', 'Quantifier'] },
  condition: { header: 'Condition', aliases: ['Check', 'Expression', 'Rule Expression'] },
  appliesWhen: { header: 'Applies When', aliases: ['When', 'Scope', 'Only When', 'Applies If'] },
  businessUnit: { header: 'Business Unit', aliases: ['BU', 'Department', 'Dept', 'Business Units'] },
  severity: { header: 'Severity', aliases: ['Sev', 'Priority', 'Risk'] },
  owner: { header: 'Owner', aliases: ['Rule Owner', 'Maintainer'] },
  framework: {
    header: 'Framework',
    aliases: ['Frameworks', 'Controls', 'Control', 'Control IDs', 'Compliance'],
  },
  remediation: { header: 'Remediation', aliases: ['Fix', 'How to fix', 'Recommendation'] },
  enabled: { header: 'Enabled', aliases: ['Active', 'Enable', 'Is Enabled'] },
};
export const RULE_REQUIRED: readonly RuleColumn[] = ['ruleId', 'title', 'resourceType'];

export type ResourceColumn = 'id' | 'type' | 'name' | 'owner' | 'businessUnit' | 'environment' | 'document';
export const RESOURCE_COLUMNS: ColumnTable<ResourceColumn> = {
  id: { header: 'Resource ID', aliases: ['ID', 'Resource'] },
  type: { header: 'Type', aliases: ['Resource Type'] },
  name: { header: 'Name', aliases: ['Resource Name', 'Display Name'] },
  owner: { header: 'Owner', aliases: ['Resource Owner', 'Owned By'] },
  businessUnit: { header: 'Business Unit', aliases: ['BU', 'Department', 'Dept'] },
  environment: { header: 'Environment', aliases: ['Env', 'Stage'] },
  document: { header: 'Document', aliases: ['JSON', 'Resource JSON'] },
};
export const RESOURCE_REQUIRED: readonly ResourceColumn[] = ['id', 'type'];

export type WaiverColumn = 'ruleId' | 'resourceId' | 'reason' | 'approvedBy' | 'expires' | 'ticket';
export const WAIVER_COLUMNS: ColumnTable<WaiverColumn> = {
  ruleId: { header: 'Rule ID', aliases: ['Rule', 'Rule IDs'] },
  resourceId: { header: 'Resource ID', aliases: ['Resource', 'Resource IDs', 'Resources'] },
  reason: { header: 'Reason', aliases: ['Justification', 'Why', 'Notes'] },
  approvedBy: { header: 'Approved By', aliases: ['Approver', 'Approval'] },
  expires: {
    header: 'Expires',
    aliases: ['Expiry', 'Expires On', 'Expiration', 'Expiry Date', 'Expiration Date', 'Valid Until', 'Until'],
  },
  ticket: { header: 'Ticket', aliases: ['Ticket ID', 'Issue', 'Reference', 'Link'] },
};
// Approved By is required as a column: without it every waiver is unapproved, and one problem says so better than one per row.
export const WAIVER_REQUIRED: readonly WaiverColumn[] = ['ruleId', 'resourceId', 'approvedBy'];

export type OwnerColumn = 'owner' | 'email' | 'businessUnit' | 'isDefault';
export const OWNER_COLUMNS: ColumnTable<OwnerColumn> = {
  owner: { header: 'Owner', aliases: ['Owner Name', 'Team', 'Person', 'Name'] },
  email: { header: 'Email', aliases: ['Email Address', 'Mail'] },
  businessUnit: { header: 'Business Unit', aliases: ['BU', 'Department', 'Dept'] },
  isDefault: { header: 'Default for Business Unit', aliases: ['Default', 'Default Owner', 'Is Default'] },
};
export const OWNER_REQUIRED: readonly OwnerColumn[] = ['owner'];

export type SettingsColumn = 'key' | 'value';
export const SETTINGS_COLUMNS: ColumnTable<SettingsColumn> = {
  key: { header: 'Key', aliases: ['Setting', 'Name', 'Option', 'Parameter'] },
  value: { header: 'Value', aliases: ['Setting Value'] },
};
export const SETTINGS_REQUIRED: readonly SettingsColumn[] = ['key', 'value'];

export type ResultColumn = 'ruleId' | 'resourceId' | 'resourceType' | 'status' | 'firstSeen';
export const RESULT_COLUMNS: ColumnTable<ResultColumn> = {
  ruleId: { header: 'Rule ID', aliases: ['Rule'] },
  resourceId: { header: 'Resource ID', aliases: ['Resource'] },
  resourceType: { header: 'Resource Type', aliases: ['Type'] },
  status: { header: 'Status', aliases: ['Result'] },
  firstSeen: { header: 'First Seen', aliases: ['First Seen At', 'Since'] },
};
export const RESULT_REQUIRED: readonly ResultColumn[] = ['ruleId', 'resourceId'];

const GENERATED_NAMES = new Map<string, (typeof GENERATED_RULE_COLUMNS)[number]>(
  GENERATED_RULE_COLUMNS.map((c) => [normalizeName(c), c]),
);

/** The generated Rules column a header names, if any (`reads_as` → `Reads As`). */
export function generatedColumn(header: string): (typeof GENERATED_RULE_COLUMNS)[number] | undefined {
  return GENERATED_NAMES.get(normalizeName(header));
}

/** A header row as trimmed text, one entry a column; non-string headers (numbers, dates) become their text. */
export function headerTexts(row: readonly Cell[] | undefined): string[] {
  if (!Array.isArray(row)) return [];
  const out: string[] = [];
  for (let c = 0; c < row.length; c++) out.push(cellText(row[c]));
  return out;
}

/** Every name a column answers to, normalized, best first. */
export function columnNames(spec: ColumnSpec): string[] {
  return [spec.header, ...spec.aliases].map(normalizeName);
}

/**
 * Maps headers onto a table's keys. A key takes the column of its best name (the header name, then aliases
 * in order), and among equal names the leftmost column; columns listed in `skip` are never taken.
 */
export function mapHeaders<K extends string>(
  headers: readonly string[],
  table: ColumnTable<K>,
  skip: ReadonlySet<number> = new Set(),
): Partial<Record<K, number>> {
  const firstColumn = new Map<string, number>();
  headers.forEach((h, c) => {
    const n = normalizeName(h);
    if (n && !skip.has(c) && !firstColumn.has(n)) firstColumn.set(n, c);
  });
  const columns: Partial<Record<K, number>> = {};
  for (const key of Object.keys(table) as K[]) {
    for (const name of columnNames(table[key])) {
      const col = firstColumn.get(name);
      if (col !== undefined) {
        columns[key] = col;
        break;
      }
    }
  }
  return columns;
}

/**
 * `missing_column` for each required key without a column. The suggestion is an unclaimed header that looks
 * like the column's name (`Titel` for Title), and the problem points at it; otherwise at A1 of the header row.
 */
export function missingColumns<K extends string>(
  sheet: string,
  headers: readonly string[],
  columns: Partial<Record<K, number>>,
  table: ColumnTable<K>,
  required: readonly K[],
  skip: ReadonlySet<number> = new Set(),
): Problem[] {
  const claimed = new Set<number>(Object.values(columns) as number[]);
  const unclaimed: { text: string; norm: string; col: number }[] = [];
  headers.forEach((text, col) => {
    const norm = normalizeName(text);
    if (norm && !claimed.has(col) && !skip.has(col)) unclaimed.push({ text, norm, col });
  });
  const out: Problem[] = [];
  for (const key of required) {
    if (columns[key] !== undefined) continue;
    const spec = table[key];
    const near = nearestHeader(spec, unclaimed);
    const params = { sheet, column: spec.header, suggestion: near?.text };
    out.push(problem('missing_column', params, { sheet, row: 0, col: near?.col ?? 0 }));
  }
  return out;
}

// Short aliases (`ID`, `Op`) are left out: almost any two-letter header is within two edits of them.
function nearestHeader(
  spec: ColumnSpec,
  unclaimed: readonly { text: string; norm: string; col: number }[],
): { text: string; col: number } | undefined {
  const norms = unclaimed.map((u) => u.norm);
  for (const name of columnNames(spec)) {
    if (name.length < 4) continue;
    const hit = didYouMean(name, norms);
    if (hit !== undefined) return unclaimed[norms.indexOf(hit)];
  }
  return undefined;
}
