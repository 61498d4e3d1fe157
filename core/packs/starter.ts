// The starter rulebook `rulesheet init` writes: every user sheet with its headers and one example row that works.
import type { SheetWrite } from '../builder/write';
import { normalizeName } from '../names';
import { listSource, listsSheet, ruleLists } from '../output/lists-sheet';
import type { Dropdown, HostPatch } from '../output/patch';
import { RULES_SHEET } from '../rulebook/sheets';
import type { Cell, Grid } from '../types';
import { unknownPackMessage, withRulePacks } from './index';

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

export interface StarterWrite extends SheetWrite {
  /** Sheets added, in order; sheets the workbook has already are left as they are. */
  added: string[];
}

export interface StarterOptions {
  /** Rule packs merged into the starter Rules sheet (`rulesheet init --pack`); an unknown name refuses the write. */
  packs?: readonly string[];
  /** Operator, Severity, Enabled and Match dropdowns on Rules, with the hidden lists sheet they read (a host that does not validate right after). */
  dropdowns?: boolean;
}

/** Rows of the Rules sheet the starter dropdowns cover, header excluded. */
const DROPDOWN_ROWS = 1000;
/** Width of a column a pack adds to the starter Rules sheet. */
const PACK_COLUMN_WIDTH = 24;

/**
 * New rulebook: the starter sheets the workbook lacks (names matched as core matches them), each a cells patch
 * from A1 that creates the sheet, with a bold frozen header and the starter's column widths.
 */
export function planStarterWrite(
  grids: readonly Grid[],
  today: Date,
  options: StarterOptions = {},
): StarterWrite {
  const have = new Set(grids.map((g) => normalizeName(g.name)));
  const sheets = starterSheets(today).filter((s) => !have.has(normalizeName(s.name)));
  const rules = sheets.find((s) => s.name === RULES_SHEET.name);
  if (rules && options.packs && options.packs.length > 0) {
    const merged = withRulePacks(rules.rows, options.packs);
    if (merged.unknown.length > 0)
      return { added: [], patches: [], refusal: merged.unknown.map(unknownPackMessage).join('\n') };
    rules.rows = merged.rows;
    while (rules.widths.length < merged.rows[0].length) rules.widths.push(PACK_COLUMN_WIDTH);
  }
  const lists = ruleLists();
  const patches: HostPatch[] = sheets.map((s) => ({
    kind: 'cells',
    sheet: s.name,
    row: 0,
    col: 0,
    // The sheet is new, so its cells are blank: '' writes the same as null and lets a host write one block.
    rows: s.rows.map((r) => r.map((c) => c ?? '')),
    create: true,
    format: {
      frozenRows: 1,
      headerRow: true,
      columnWidths: s.widths.map((width, col) => ({ col, width })),
      ...(options.dropdowns && s === rules ? { dropdowns: dropdowns(s, lists) } : {}),
    },
  }));
  if (options.dropdowns && rules) patches.push(listsSheet(lists));
  return { added: sheets.map((s) => s.name), patches };
}

/** The Rules lists as dropdowns reading the hidden lists sheet (Excel's inline lists stop at 255 characters). */
function dropdowns(rules: StarterSheet, lists: ReturnType<typeof ruleLists>): Dropdown[] {
  const headers = rules.rows[0].map((h) => normalizeName(String(h)));
  return lists.flatMap((list, i) => {
    const col = headers.indexOf(normalizeName(list.header));
    if (col < 0) return [];
    return [
      {
        col,
        fromRow: 1,
        toRow: DROPDOWN_ROWS,
        values: [...list.values],
        source: listSource(lists, i),
        strict: list.strict,
      },
    ];
  });
}
