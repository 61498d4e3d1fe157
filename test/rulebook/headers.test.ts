// Column alias tables: no header means two columns of one sheet, and headers map whatever their order or spelling.
import { normalizeName } from '../../core/names';
import {
  generatedColumn,
  mapHeaders,
  OWNER_COLUMNS,
  RESOURCE_COLUMNS,
  RESULT_COLUMNS,
  RULE_COLUMNS,
  SETTINGS_COLUMNS,
  WAIVER_COLUMNS,
  type ColumnTable,
} from '../../core/rulebook/headers';
import { GENERATED_RULE_COLUMNS } from '../../core/rulebook/model';

const TABLES: [string, ColumnTable<string>][] = [
  ['Rules', RULE_COLUMNS],
  ['Resources', RESOURCE_COLUMNS],
  ['Exceptions', WAIVER_COLUMNS],
  ['Owners', OWNER_COLUMNS],
  ['Settings', SETTINGS_COLUMNS],
  ['Results', RESULT_COLUMNS],
];

describe('alias tables', () => {
  test.each(TABLES)('no name on the %s sheet maps to two columns', (_sheet, table) => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [key, spec] of Object.entries(table)) {
      for (const name of [spec.header, ...spec.aliases].map(normalizeName)) {
        const other = owner.get(name);
        if (other !== undefined && other !== key) clashes.push(`${name}: ${other} and ${key}`);
        owner.set(name, key);
      }
    }
    expect(clashes).toEqual([]);
  });

  test('no Rules alias is the name of a generated column', () => {
    const generated = new Set(GENERATED_RULE_COLUMNS.map(normalizeName));
    const names = Object.values(RULE_COLUMNS).flatMap((s) => [s.header, ...s.aliases].map(normalizeName));
    expect(names.filter((n) => generated.has(n))).toEqual([]);
  });
});

describe('mapHeaders', () => {
  test.each([
    // headers as written                                   → key: column
    [['Rule ID', 'Title', 'Resource Type'], { ruleId: 0, title: 1, resourceType: 2 }],
    [['rule_id', 'TITLE', 'resource-type'], { ruleId: 0, title: 1, resourceType: 2 }],
    [['Type', 'Notes', 'ID', 'Name'], { ruleId: 2, title: 3, resourceType: 0 }],
    [
      ['  Rule Id  ', 'sev', 'Check', 'When', 'Controls', 'How to fix'],
      { ruleId: 0, severity: 1, condition: 2 },
    ],
    [
      ['Path', 'Op', 'Expected Value', 'BU', 'Active'],
      { field: 0, operator: 1, expected: 2, businessUnit: 3 },
    ],
  ])('%j maps to %j (among others)', (headers, expected) => {
    expect(mapHeaders(headers, RULE_COLUMNS)).toMatchObject(expected);
  });

  test('the header name beats an alias, wherever the columns are', () => {
    expect(mapHeaders(['ID', 'Rule ID'], RULE_COLUMNS).ruleId).toBe(1);
    expect(mapHeaders(['Rule ID', 'ID'], RULE_COLUMNS).ruleId).toBe(0);
  });

  test('the leftmost of two equal headers wins', () => {
    expect(mapHeaders(['Title', 'Title'], RULE_COLUMNS).title).toBe(0);
  });

  test('skipped columns are never taken', () => {
    expect(mapHeaders(['Title', 'Title'], RULE_COLUMNS, new Set([0])).title).toBe(1);
  });

  test('every Rules alias named in the brief is understood', () => {
    const cases: [string, string][] = [
      ['ID', 'ruleId'],
      ['Rule Id', 'ruleId'],
      ['rule_id', 'ruleId'],
      ['Type', 'resourceType'],
      ['BU', 'businessUnit'],
      ['Department', 'businessUnit'],
      ['Sev', 'severity'],
      ['Active', 'enabled'],
      ['Check', 'condition'],
      ['Expression', 'condition'],
      ['When', 'appliesWhen'],
      ['Scope', 'appliesWhen'],
      ['Controls', 'framework'],
      ['Frameworks', 'framework'],
      ['Fix', 'remediation'],
      ['How to fix', 'remediation'],
      ['Value', 'expected'],
      ['Expected Value', 'expected'],
      ['Path', 'field'],
      ['Attribute', 'field'],
    ];
    for (const [header, key] of cases)
      expect([header, mapHeaders([header], RULE_COLUMNS)]).toEqual([header, { [key]: 0 }]);
  });

  test('waiver aliases', () => {
    for (const h of ['Expiry', 'Expires On', 'Expiration'])
      expect(mapHeaders([h], WAIVER_COLUMNS)).toEqual({ expires: 0 });
    expect(mapHeaders(['Approver'], WAIVER_COLUMNS)).toEqual({ approvedBy: 0 });
  });
});

describe('generatedColumn', () => {
  test.each([
    ['Reads As', 'Reads As'],
    ['reads_as', 'Reads As'],
    ['STATUS', 'Status'],
    ['Last-Run', 'Last Run'],
    ['Severity', undefined],
  ])('%s → %s', (header, expected) => {
    expect(generatedColumn(header)).toBe(expected);
  });
});
