// Column checks judge each distinct cell once and share outcomes: they must say exactly what the full check says.
import fc from 'fast-check';
import { compileRulebook, evaluateRules, OPERATORS, readRulebook, resultsOf } from '../../core';
import type { Cell, Grid } from '../../core';
import { ColumnStore, DIRECT, UNENCODED } from '../../core/engine/columns';
import { compilePath, ROOT } from '../../core/engine/resolve';
import { parsePath } from '../../core/lang/path';
import { NOW, resourcesGrid, rulesGrid } from './one-rule';

const ctx = { nowMs: NOW.getTime() };

/** Every (rule, resource) result in words, from the engine's compact runs. */
function engineWords(grids: Grid[]): string[] {
  const book = readRulebook(grids);
  return resultsOf(evaluateRules(compileRulebook(book), book.resources, ctx))
    .toArray()
    .map(
      (r) =>
        `${r.rule.id} ${r.resource?.id} ${r.status} | ${r.field ?? ''} | ${r.expected ?? ''} | ${r.actual ?? ''} | ${r.message ?? ''}`,
    );
}

/** The same, calling each rule's full check on each resource: the reference the column path must match. */
function referenceWords(grids: Grid[]): string[] {
  const book = readRulebook(grids);
  const out: string[] = [];
  for (const compiled of compileRulebook(book)) {
    for (const res of book.resources) {
      if (!compiled.matchesType(res.type)) continue;
      if (!compiled.check) {
        out.push(`${compiled.rule.id} broken`);
        continue;
      }
      const o = compiled.check(res, ROOT, ctx);
      out.push(
        `${compiled.rule.id} ${res.id} ${o.status} | ${o.field ?? ''} | ${o.expected ?? ''} | ${o.actual ?? ''} | ${o.message ?? ''}`,
      );
    }
  }
  return out;
}

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    null,
    '',
    '  ',
    'Enabled',
    'enabled',
    ' Enabled ',
    'Suspended',
    'TRUE',
    'false',
    '10.1.2.3',
    '0.0.0.0/0',
  ),
  fc.constantFrom<Cell>(
    '["a","b"]',
    ' {"x": 1}',
    '[1, 2',
    '{"status":"Enabled"}',
    '\u2003[1]',
    'prod-web',
    'arn:aws:kms:x',
  ),
  fc.integer({ min: -5, max: 400 }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.boolean(),
  fc.constantFrom<Cell>(new Date('2026-01-01T00:00:00Z'), new Date('2024-06-30T12:00:00Z')),
  fc.string({ maxLength: 6 }),
);

/** Cells a dictionary holds (no JSON text, no dates): columns of these are judged by look-ups alone. */
const plainCellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(null, '', '  ', 'Enabled', 'enabled', ' Enabled ', 'TRUE', 'false', '0.0.0.0/0'),
  fc.integer({ min: -5, max: 400 }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.boolean(),
  fc.string({ maxLength: 6 }).filter((t) => !/^\s*[[{]/.test(t)),
);

describe('column checks', () => {
  it.each([
    ['any cells', cellArb],
    ['only cells a dictionary holds', plainCellArb],
  ])('give the same status and words as the full check, for every operator and %s', (_label, cellArb) => {
    const ops = OPERATORS.map((o) => o);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ op: fc.constantFrom(...ops), field: fc.constantFrom('status', 'Status', 'port') }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.array(fc.record({ status: cellArb, port: cellArb }), { minLength: 1, maxLength: 30 }),
        (rules, rows) => {
          const grids = [
            rulesGrid(
              rules.map((r) => ({
                field: r.field,
                operator: r.op.name,
                expected: r.op.example.expected || null,
              })),
            ),
            resourcesGrid(rows),
          ];
          expect(engineWords(grids)).toEqual(referenceWords(grids));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('share outcomes between rules with the same check, and keep each rule its own words', () => {
    const grids = [
      rulesGrid([
        { field: 'versioning.status', operator: 'equals', expected: 'Enabled' },
        { field: 'versioning.status', operator: 'equals', expected: 'Enabled' },
        { field: 'Versioning.Status', operator: 'equals', expected: 'Enabled' },
        { field: 'versioning.status', operator: 'equals', expected: 'enabled' },
      ]),
      resourcesGrid([
        { 'versioning.status': 'Suspended' },
        { 'versioning.status': 'Suspended' },
        { 'versioning.status': null },
      ]),
    ];
    const words = engineWords(grids);
    expect(words).toEqual(referenceWords(grids));
    expect(words[0]).toBe(
      'R-1 b1 FAIL | versioning.status | Enabled | Suspended | versioning.status is "Suspended"; expected "Enabled"',
    );
    expect(words[6]).toMatch(/^R-3 b1 FAIL \| Versioning\.Status \|/);
    expect(words[9]).toMatch(/expected "enabled"$/);
  });

  it('read a column per sheet: the same header may sit in another column, or be missing', () => {
    const first = resourcesGrid([{ port: 22 }, { port: 443 }]);
    const second: Grid = {
      name: 'Resources - more',
      rows: [
        ['Type', 'Name', 'Resource ID', 'Document'],
        ['bucket', 'x', 'm1', '{"port": 22}'],
        ['bucket', 'y', 'm2', '{"port": 8443}'],
      ],
    };
    const third: Grid = {
      name: 'Resources - ports',
      rows: [
        ['Type', 'port', 'Resource ID'],
        ['bucket', '22', 'p1'],
      ],
    };
    const grids = [
      rulesGrid([{ field: 'port', operator: 'does not equal', expected: 22 }]),
      first,
      second,
      third,
    ];
    const words = engineWords(grids);
    expect(words).toEqual(referenceWords(grids));
    expect(words.map((w) => w.split(' ').slice(1, 3).join(' '))).toEqual([
      'b1 FAIL',
      'b2 PASS',
      'm1 FAIL',
      'm2 PASS',
      'p1 FAIL',
    ]);
  });

  it('encode scalar cells by value and leave JSON text, dates and missing columns to the full path', () => {
    const book = readRulebook([
      resourcesGrid([
        { port: 22 },
        { port: 22 },
        { port: ' 22 ' },
        { port: '22' },
        { port: null },
        { port: '  ' },
        { port: '[22]' },
        { port: new Date('2026-01-01T00:00:00Z') },
        { port: true },
      ]),
    ]);
    const reader = compilePath(parsePath('port').value!);
    const { ids, dictionary } = new ColumnStore().encode(book.resources, reader);
    const values = dictionary.values;
    expect([...ids]).toEqual([0, 0, 1, 2, 3, 4, -1, -1, 5]);
    expect(values).toEqual([22, '22', '22', undefined, undefined, true]);
    const none = new ColumnStore().encode(book.resources, compilePath(parsePath('nowhere').value!));
    expect([...none.ids].every((id) => id === -1)).toBe(true);
  });

  it("share a dictionary between groups, and make room in a check's judgements when a later group adds values", () => {
    const book = readRulebook([resourcesGrid([{ port: 22 }, { port: 443 }, { port: 22 }, { port: 8443 }])]);
    const [a, b] = [book.resources.slice(0, 2), book.resources.slice(2)];
    const reader = compilePath(parsePath('port').value!);
    const store = new ColumnStore();
    store.prepare(a, [reader]);
    const column = { reader, key: 'port-check', judge: () => ({ status: 'PASS' as const }) };
    const first = store.memo(column, store.encode(a, reader).dictionary);
    expect(first.codes.length).toBe(2);
    first.codes[0] = 0;
    const later = store.encode(b, reader);
    expect([...later.ids]).toEqual([0, 2]);
    const grown = store.memo(column, later.dictionary);
    expect(grown).toBe(first);
    expect([...grown.codes]).toEqual([0, 255, 255]);
  });
  describe('a column of mostly distinct values (IDs, keys)', () => {
    // 1,024 distinct keys make the column skip its dictionary; every kind of cell follows.
    const keys = Array.from({ length: 1024 }, (_, i) => ({ key: `arn:aws:kms:key-${i}` }));
    const after: Cell[] = [
      'arn:aws:kms:key-7',
      'ARN:AWS:KMS:KEY-7',
      ' arn:aws:kms:late ',
      'other',
      null,
      '',
      '  ',
      true,
      false,
      'TRUE',
      42,
      2.5,
      '[1, 2]',
      '{"key": "arn:aws:kms:x"}',
      new Date('2026-01-01T00:00:00Z'),
    ];
    const rows = [...keys, ...after.map((key) => ({ key }))];

    it('is judged cell by cell once the sample shows it, each cell still by its own value', () => {
      const book = readRulebook([resourcesGrid(rows)]);
      const { ids, dictionary } = new ColumnStore().encode(
        book.resources,
        compilePath(parsePath('key').value!),
      );
      expect(dictionary.values.length).toBe(1024 + 3);
      expect([...ids.slice(1024)]).toEqual([
        DIRECT,
        DIRECT,
        DIRECT,
        DIRECT,
        dictionary.blank,
        DIRECT,
        DIRECT,
        dictionary.true,
        dictionary.false,
        DIRECT,
        DIRECT,
        DIRECT,
        UNENCODED,
        UNENCODED,
        UNENCODED,
      ]);
    });

    it.each(OPERATORS.map((o) => [o.name, o.example.expected || null] as const))(
      '%s gives the same status and words as the full check on every cell',
      (operator, example) => {
        const expected = /starts|contains|equal|one of|ends|matches/.test(operator)
          ? operator.includes('matches')
            ? '^arn:aws:kms:key-[0-9]+$'
            : 'arn:aws:kms:key-7'
          : example;
        const grids = [rulesGrid([{ field: 'key', operator, expected }]), resourcesGrid(rows)];
        expect(engineWords(grids)).toEqual(referenceWords(grids));
      },
    );

    it('keeps a dictionary for a column whose values repeat', () => {
      const repeated = Array.from({ length: 3000 }, (_, i) => ({ key: `k-${i % 300}` }));
      const book = readRulebook([resourcesGrid(repeated)]);
      const { ids, encoded } = new ColumnStore().encode(book.resources, compilePath(parsePath('key').value!));
      expect(ids.every((id) => id >= 0)).toBe(true);
      expect(encoded).toBe(true);
    });

    // Image references: about two in three new in the sample, so a dictionary still spares most checks (a regex
    // above all); keys that are nine in ten new are judged where they stand.
    it.each([
      ['two in three new', 3, true],
      ['nine in ten new', 10, false],
    ])('%s in the sample: dictionary kept %s', (_label, period, kept) => {
      const cells = Array.from({ length: 2048 }, (_, i) => ({
        key: i % period === 0 ? `repeat-${i % 7}` : `image-${i}`,
      }));
      const book = readRulebook([resourcesGrid(cells)]);
      const { ids, encoded } = new ColumnStore().encode(book.resources, compilePath(parsePath('key').value!));
      expect(encoded).toBe(kept);
      expect(ids.includes(DIRECT)).toBe(!kept);
    });

    it('is not judged by look-ups alone when a cell needs the full path', () => {
      const book = readRulebook([resourcesGrid([{ key: 'a' }, { key: '{"b": 1}' }, { key: 'a' }])]);
      const { ids, encoded } = new ColumnStore().encode(book.resources, compilePath(parsePath('key').value!));
      expect([...ids]).toEqual([0, UNENCODED, 0]);
      expect(encoded).toBe(false);
    });
  });
});
