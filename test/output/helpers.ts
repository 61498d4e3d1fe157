// Small rulebooks for output tests: rules, resources and results built from a few fields each.
import type { Result } from '../../core/engine/result';
import type {
  PreviousResult,
  Resource,
  ResourceSheet,
  Rule,
  Rulebook,
  RulesSheet,
  Settings,
} from '../../core/rulebook/model';
import type { Cell, Status } from '../../core/types';

export const RESOURCE_SHEET: ResourceSheet = {
  name: 'Resources',
  index: 0,
  headers: ['Resource ID', 'Type', 'Name', 'Owner', 'Business Unit'],
  columnByName: new Map(),
  idCol: 0,
  typeCol: 1,
};

let nextRow = 1;

export function rule(fields: Partial<Rule> & { id: string }): Rule {
  return {
    row: nextRow++,
    title: `Rule ${fields.id}`,
    resourceTypes: ['aws_s3_bucket'],
    severity: 'Medium',
    owner: '',
    framework: '',
    remediation: '',
    enabled: true,
    businessUnits: [],
    field: 'versioning.status',
    operator: 'equals',
    expected: 'Enabled',
    match: 'all',
    condition: '',
    appliesWhen: '',
    problems: [],
    broken: false,
    ...fields,
  };
}

export function resource(fields: Partial<Resource> & { id: string }): Resource {
  return {
    sheet: RESOURCE_SHEET,
    row: nextRow++,
    cells: [],
    type: 'aws_s3_bucket',
    name: '',
    owner: '',
    businessUnit: '',
    environment: '',
    ...fields,
  };
}

export function result(
  r: Rule,
  res: Resource | undefined,
  status: Status,
  extra: Partial<Result> = {},
): Result {
  const failing = status !== 'PASS' && status !== 'NOT_APPLICABLE';
  return {
    rule: r,
    resource: res,
    status,
    ...(failing
      ? {
          field: r.field,
          expected: 'Enabled',
          actual: 'Suspended',
          message: 'versioning.status is "Suspended"; expected "Enabled"',
          fixOwner: res?.owner || 'Unassigned',
        }
      : {}),
    ...extra,
  };
}

export const SETTINGS: Settings = {
  slaDays: { Critical: 7, High: 30, Medium: 90, Low: 180, Info: 365 },
  includePassing: false,
  timeZone: 'UTC',
};

export function rulebook(fields: Partial<Rulebook> = {}): Rulebook {
  return {
    rules: [],
    resourceSheets: [RESOURCE_SHEET],
    resources: [],
    waivers: [],
    owners: [],
    settings: SETTINGS,
    previousResults: [],
    previousHistory: [],
    grids: new Map(),
    problems: [],
    ...fields,
  };
}

export function previous(r: Rule, res: Resource, status: string, firstSeen?: Date): PreviousResult {
  return { ruleId: r.id, resourceId: res.id, resourceType: res.type, status, firstSeen };
}

/** A Rules sheet from its rows (header first); `columns` maps the user's rule columns. */
export function rulesSheet(rows: Cell[][], fields: Partial<RulesSheet> = {}): RulesSheet {
  return {
    name: 'Rules',
    grid: { name: 'Rules', rows },
    columns: {},
    generated: {},
    userWidth: Math.max(0, ...rows.map((r) => r.length)),
    ...fields,
  };
}

export const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
