// Every example in docs/*.md reads as the product reads it: rule rows (tables with Field and Operator, or Condition
// column) and waiver rows load without errors, a "Reads As: `…`" line under a table is that table's first rule as
// the engine restates it, and every line of a ```condition block parses and compiles.
import * as fs from 'fs';
import * as path from 'path';
import { compileRulebook } from '../../core/run/validate';
import { readRulebook } from '../../core/rulebook/read';
import { parseExpression } from '../../core/lang/parser';
import { formatProblem, type Problem } from '../../core/problems';
import type { Cell, Grid } from '../../core/types';

const DOCS = path.join(__dirname, '../../docs');
const pages = fs
  .readdirSync(DOCS)
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({ file: `docs/${f}`, text: fs.readFileSync(path.join(DOCS, f), 'utf8') }));

interface Table {
  file: string;
  line: number;
  header: string[];
  rows: string[][];
  /** The raw Markdown of each body cell, before code spans are unwrapped. */
  raw: string[][];
  /** The text of the Reads As line right under the table, if any. */
  readsAs?: string;
}

/** Splits a table row on unescaped pipes. */
function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

// A cell as a person types it: a code span stands for its text (a waiver pattern is written in one).
const unwrap = (cell: string) => cell.replace(/^`(.*)`$/, '$1');

function tablesOf(file: string, text: string): Table[] {
  const lines = text.split('\n');
  const tables: Table[] = [];
  let inCode = false;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('```')) inCode = !inCode;
    if (inCode || !lines[i].startsWith('|') || !/^\|[\s|:-]+\|$/.test(lines[i + 1] ?? '')) continue;
    const header = cellsOf(lines[i]);
    const raw: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j].startsWith('|'); j++) raw.push(cellsOf(lines[j]));
    const next = lines.slice(j, j + 3).find((l) => l.trim() !== '');
    const readsAs = next && /^Reads As: `(.*)`\.?$/.exec(next.trim())?.[1];
    tables.push({ file, line: i + 1, header, raw, rows: raw.map((r) => r.map(unwrap)), readsAs });
    i = j;
  }
  return tables;
}

const tables = pages.flatMap((p) => tablesOf(p.file, p.text));
const ruleTables = tables.filter(
  (t) => (t.header.includes('Field') && t.header.includes('Operator')) || t.header.includes('Condition'),
);
const waiverTables = tables.filter(
  (t) => t.header.includes('Resource ID') && t.header.includes('Approved By'),
);

/** Sheets the examples refer to (`'Approved Images'!Registry`), each with the column named. */
function referencedSheets(cells: string[]): Grid[] {
  const grids: Grid[] = [];
  for (const c of cells) {
    // `'Priorities'!Class where Namespace = Namespace` also needs the key column.
    const m = /^(?:'([^']+)'|(\w+))!(\w[\w ]*?)(?: where (\w+) = .*)?$/.exec(c);
    if (m && m[4])
      grids.push({
        name: m[1] ?? m[2],
        rows: [
          [m[3], m[4]],
          ['example', 'example'],
        ],
      });
    else if (m) grids.push({ name: m[1] ?? m[2], rows: [[m[3]], ['example']] });
  }
  return grids;
}

/** The example's rows as a Rules sheet: an ID, a title and a type filled in where the example leaves them out. */
function rulesGrid(t: Table): Grid {
  const extra: [string, (i: number) => string][] = [
    ['Rule ID', (i) => `DOC-${i + 1}`],
    ['Title', () => 'Documented example'],
    ['Resource Type', () => 'aws_s3_bucket'],
  ];
  const missing = extra.filter(([h]) => !t.header.includes(h));
  const header = [...missing.map(([h]) => h), ...t.header];
  const rows: Cell[][] = t.rows.map((r, i) => [
    ...missing.map(([, f]) => f(i)),
    ...r.map((c) => (c === '' ? null : c)),
  ]);
  return { name: 'Rules', rows: [header, ...rows] };
}

const where = (t: Table) => `${t.file}:${t.line}`;
const errorsOf = (problems: Problem[], sheet: string) =>
  problems.filter((p) => p.severity === 'error' && p.location.sheet === sheet).map(formatProblem);

test('the docs hold rule, waiver, Reads As and condition examples to check', () => {
  expect(ruleTables.length).toBeGreaterThan(20);
  expect(waiverTables.length).toBeGreaterThan(0);
  expect(ruleTables.filter((t) => t.readsAs).length).toBeGreaterThan(0);
  expect(pages.some((p) => p.text.includes('```condition'))).toBe(true);
});

describe.each(ruleTables.map((t) => [where(t), t] as const))('rule rows at %s', (_at, t) => {
  const grids = [rulesGrid(t), ...referencedSheets(t.rows.flat())];
  const rulebook = readRulebook(grids);
  const compiled = compileRulebook(rulebook);

  test('load and compile without errors', () => {
    const problems = [...rulebook.problems, ...compiled.flatMap((c) => c.problems)];
    expect(errorsOf(problems, 'Rules')).toEqual([]);
    expect(compiled.map((c) => c.broken)).toEqual(t.rows.map(() => false));
  });

  if (t.readsAs) {
    test('read as the line under the table says', () => {
      expect(compiled[0].readsAs).toBe(t.readsAs);
    });
  }
});

describe.each(waiverTables.map((t) => [where(t), t] as const))('waiver rows at %s', (_at, t) => {
  test('load without errors, the Resource ID as typed', () => {
    const rules: Grid = {
      name: 'Rules',
      rows: [
        ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator'],
        ...t.rows.map((r) => [r[0], 'x', 'k8s:Pod', 'a', 'exists']),
      ],
    };
    const exceptions: Grid = { name: 'Exceptions', rows: [t.header, ...t.rows] };
    const rulebook = readRulebook([rules, exceptions]);
    expect(errorsOf(rulebook.problems, 'Exceptions')).toEqual([]);
    expect(rulebook.waivers.map((w) => w.resourceId)).toEqual(
      t.rows.map((r) => r[t.header.indexOf('Resource ID')]),
    );
  });
});

test('no table cell holds * or _ that Markdown would read as emphasis: patterns go in code spans', () => {
  const outsideCode = (c: string) => c.replace(/`[^`]*`/g, '');
  const bad = tables.flatMap((t) =>
    t.raw
      .flat()
      .filter((c) => /(^|[\s(])[*_][^\s*_]/.test(outsideCode(c)))
      .map((c) => `${where(t)}: ${c}`),
  );
  expect(bad).toEqual([]);
});

const conditionLines = pages.flatMap((p) =>
  [...p.text.matchAll(/```condition\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => [p.file, l] as const),
  ),
);
if (conditionLines.length)
  describe.each(conditionLines)('a condition example in %s', (_file, line) => {
    test(`${line} parses and compiles`, () => {
      const parsed = parseExpression(line);
      expect(parsed.problems.map((p) => formatProblem(p))).toEqual([]);
      const rules: Grid = {
        name: 'Rules',
        rows: [
          ['Rule ID', 'Title', 'Resource Type', 'Condition'],
          ['DOC-1', 'Documented example', 'aws_s3_bucket', line],
        ],
      };
      const rulebook = readRulebook([rules]);
      const [compiled] = compileRulebook(rulebook);
      expect(errorsOf(compiled.problems, 'Rules')).toEqual([]);
      expect(compiled.broken).toBe(false);
    });
  });
