// What the CLI says when a person gets something wrong: the missing column named, packs guessed, init targets
// refused with what to type instead, lint in the order of the workbook.
import * as fs from 'fs';
import * as path from 'path';
import { runInit } from '../../cli/commands/init';
import { readRulebookFile } from '../../cli/io/rulebook-file';
import { NOW, SHEETS, cli, tempDir, writeCsvRulebook } from './helpers/rulebook';

/** `rulesheet init` logs through console; this runs it with the lines captured. */
async function init(target: string, ...packs: string[]): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const code = await runInit(
    target,
    new Date(NOW),
    () => {},
    (l) => err.push(l),
    packs,
  );
  return { code, stderr: err.join('\n') };
}
import type { Cell } from '../../core';

let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const withoutColumn = (rows: Cell[][], header: string) => {
  const i = rows[0].indexOf(header);
  return rows.map((r) => r.filter((_, j) => j !== i));
};

describe('a deleted Operator column', () => {
  test('is named once at the header row, not as an empty Operator on every rule', async () => {
    const book = writeCsvRulebook(path.join(dir, 'no-operator'), {
      ...SHEETS,
      Rules: withoutColumn(SHEETS.Rules, 'Operator'),
    });
    const r = await cli('lint', book, '--now', NOW);
    expect(r.stdout).toContain(
      "error   Rules!A1: The 'Rules' sheet has no 'Operator' column. Add a column headed 'Operator'.",
    );
    expect(r.stdout).not.toMatch(/Operator is empty/);
    expect(r.code).toBe(1);
  });

  test('a misspelt Operator header is offered as the fix', async () => {
    const rules = SHEETS.Rules.map((r, i) =>
      i === 0 ? r.map((h) => (h === 'Operator' ? 'Operatr' : h)) : r,
    );
    const book = writeCsvRulebook(path.join(dir, 'operatr'), { ...SHEETS, Rules: rules });
    const r = await cli('lint', book, '--now', NOW);
    expect(r.stdout).toContain(
      "Rules!E1: The 'Rules' sheet has no 'Operator' column. Did you mean 'Operatr'?",
    );
  });

  test('is not needed while every rule is a Condition', async () => {
    const rules: Cell[][] = [
      ['Rule ID', 'Title', 'Resource Type', 'Condition', 'Severity'],
      ['S3-001', 'Buckets block public access', 'aws_s3_bucket', 'public_access_block is true', 'High'],
    ];
    const book = writeCsvRulebook(path.join(dir, 'conditions'), { ...SHEETS, Rules: rules });
    const r = await cli('lint', book, '--now', NOW);
    expect(r.stdout).not.toMatch(/Operator/);
  });
});

test.each([
  ['kubernetes', "Did you mean 'kubernetes-workloads'?"],
  ['aws', "Did you mean 'aws-foundations'?"],
  ['kubernetes-workload', "Did you mean 'kubernetes-workloads'?"],
  ['identty-saas', "Did you mean 'identity-saas'?"],
])('init --pack %s guesses the pack meant', async (pack, hint) => {
  const r = await init(path.join(dir, `pack-${pack}.xlsx`), pack);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`Unknown rule pack '${pack}'. ${hint} Packs: aws-foundations,`);
  expect(fs.existsSync(path.join(dir, `pack-${pack}.xlsx`))).toBe(false);
});

test('init --pack with nothing like it lists the packs without a guess', async () => {
  const r = await init(path.join(dir, 'pack-zzz.xlsx'), 'zzz');
  expect(r.stderr).toContain("Unknown rule pack 'zzz'. Packs: aws-foundations,");
  expect(r.stderr).not.toMatch(/Did you mean/);
});

describe('init targets', () => {
  test.each(['foo.txt', 'rules.csv', 'book.xls', 'book.xlsm'])(
    '%s is refused, exit 2, nothing created',
    async (name) => {
      const target = path.join(dir, 'targets', name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const r = await init(target);
      expect(r.code).toBe(2);
      const stem = target.slice(0, target.length - path.extname(name).length);
      expect(r.stderr).toContain(
        `rulesheet init creates an .xlsx workbook or a folder of CSV files, not a ${path.extname(name)} file. ` +
          `Give ${stem}.xlsx for a workbook, or ${stem} for a folder.`,
      );
      expect(fs.existsSync(target)).toBe(false);
    },
  );

  test.each([
    ['book.xlsx', 'file'],
    ['book', 'folder'],
  ])('%s is created as a %s', async (name, kind) => {
    const target = path.join(dir, 'made', name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    expect((await init(target)).code).toBe(0);
    expect(fs.statSync(target).isDirectory()).toBe(kind === 'folder');
  });

  test('an existing empty folder with a dot in its name is still a folder target', async () => {
    const target = path.join(dir, 'made', 'rules.v2');
    fs.mkdirSync(target, { recursive: true });
    expect((await init(target)).code).toBe(0);
    expect(fs.readdirSync(target)).toContain('Rules.csv');
  });
});

test.each([
  ['Resource ID', 1, 'B3', 'resource'],
  ['Rule ID', 0, 'A3', 'rule'],
])('a waiver with a blank %s says to write * for every one', async (column, index, cell, every) => {
  const row: Cell[] = ['S3-001', 'logs', 'Everything', 'carol', '2099-01-01', 'SEC-3'];
  row[index] = null;
  const book = writeCsvRulebook(path.join(dir, `waiver-${every}`), {
    ...SHEETS,
    Exceptions: [...SHEETS.Exceptions, row],
  });
  const r = await cli('lint', book, '--now', NOW);
  expect(r.stdout).toContain(
    `error   Exceptions!${cell}: ${column} is empty; every row needs one. Write * for every ${every}.`,
  );
});

test('lint lists problems sheet by sheet in the workbook order, then by row and column', async () => {
  const rules = SHEETS.Rules.map((r) => [...r]);
  rules[3][4] = 'is ture'; // Rules!E4: an unknown operator, found when the rule compiles
  rules[4][1] = null; // Rules!B5: an empty title, found when the sheet is read
  const exceptions = [...SHEETS.Exceptions, ['S3-001', 'logs', 'No approver', null, '2099-01-01', 'SEC-2']];
  const book = writeCsvRulebook(path.join(dir, 'lint-order'), {
    ...SHEETS,
    Rules: rules,
    Exceptions: exceptions,
  });
  const r = await cli('lint', book, '--now', NOW);
  const where = r.stdout
    .split('\n')
    .map((l) => /^(?:error|warning)\s+(\w+)!([A-Z]+)(\d+)/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ sheet: m[1], col: m[2], row: Number(m[3]) }));
  expect(where.length).toBeGreaterThanOrEqual(3);
  // The CSV folder's sheets, in the order the folder is read: what lint follows.
  const order = (await readRulebookFile(book)).grids.map((g) => g.name);
  expect(new Set(where.map((w) => w.sheet))).toEqual(new Set(['Rules', 'Exceptions']));
  for (let i = 1; i < where.length; i++) {
    const [a, b] = [where[i - 1], where[i]];
    const bySheet = order.indexOf(a.sheet) - order.indexOf(b.sheet);
    expect(bySheet < 0 || (bySheet === 0 && (a.row < b.row || (a.row === b.row && a.col <= b.col)))).toBe(
      true,
    );
  }
  expect(where.filter((w) => w.sheet === 'Rules').map((w) => `${w.col}${w.row}`)).toEqual(['E4', 'B5', 'C5']);
});
