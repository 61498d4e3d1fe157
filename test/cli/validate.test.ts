// `rulesheet validate` and `lint` in-process: CSV folder and .xlsx in, generated sheets out, summary, exit codes.
import * as fs from 'fs';
import * as path from 'path';
import { readRulebookFile } from '../../cli/io/rulebook-file';
import { SHEETS, NOW, cli, readXlsx, tempDir, writeCsvRulebook, writeXlsxRulebook } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sheetNames = async (file: string) => (await readXlsx(file)).worksheets.map((ws) => ws.name);

describe('validate a CSV folder', () => {
  test('writes Results, Summary, Run History and the generated Rules columns; prints a summary; exit 0', async () => {
    const book = writeCsvRulebook(path.join(dir, 'book'));
    const r = await cli('validate', book, '--now', NOW);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(book).sort()).toEqual(
      [
        'Exceptions.csv',
        'Owners.csv',
        'Resources.csv',
        'Results.csv',
        'Rules.csv',
        'Run History.csv',
        'Summary.csv',
      ].sort(),
    );
    expect(r.stdout).toMatch(/Checked 4 rules against 4 resources: 7 checks, pass rate 66\.7%/);
    expect(r.stdout).toMatch(/PASS 4 {2}FAIL 2 {2}WAIVED 1 {2}ERROR 0/);
    expect(r.stdout).toMatch(/Failing by severity: High 1, Medium 1/);
    expect(r.stdout).toMatch(/S3-001 \(High\) Buckets block public access: 1 failing/);
    expect(r.stdout).toContain("Rules!C5: No resource has type 'k8s:Deployment'");
    const rules = (await readRulebookFile(book)).grids.find((g) => g.name === 'Rules')!;
    expect(rules.rows[0].slice(10)).toEqual([
      'Reads As',
      'Status',
      'Passing',
      'Failing',
      'Waived',
      'Problems',
      'Last Run',
    ]);
  });

  test('Rules.csv keeps every user cell exactly, even formula-like text the user wrote', async () => {
    const sheets = {
      ...SHEETS,
      Rules: SHEETS.Rules.map((r, i) => (i === 4 ? [...r.slice(0, 9), '=see wiki'] : r)),
    };
    const book = writeCsvRulebook(path.join(dir, 'book'), sheets);
    const before = (await readRulebookFile(book)).grids.find((g) => g.name === 'Rules')!.rows;
    expect((await cli('validate', book, '--now', NOW)).code).toBe(0);
    const after = (await readRulebookFile(book)).grids.find((g) => g.name === 'Rules')!.rows;
    expect(after.map((r) => r.slice(0, 10))).toEqual(before);
    expect(after[4][9]).toBe('=see wiki');
  });

  test('--out .xlsx writes a workbook and leaves the folder as it was', async () => {
    const book = writeCsvRulebook(path.join(dir, 'book'));
    const out = path.join(dir, 'out', 'results.xlsx');
    const r = await cli('validate', book, '--out', out, '--now', NOW, '--quiet');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.readdirSync(book).sort()).toEqual([
      'Exceptions.csv',
      'Owners.csv',
      'Resources.csv',
      'Rules.csv',
    ]);
    expect(await sheetNames(out)).toEqual(
      expect.arrayContaining([
        'Rules',
        'Resources',
        'Exceptions',
        'Owners',
        'Results',
        'Summary',
        'Run History',
        'Rulesheet Lists',
      ]),
    );
    const wb = await readXlsx(out);
    expect(wb.getWorksheet('Rulesheet Lists')!.state).toBe('hidden');
  });

  test('--out to another folder copies the user sheets byte for byte', async () => {
    const book = writeCsvRulebook(path.join(dir, 'book'));
    const out = path.join(dir, 'copy');
    expect((await cli('validate', book, '--out', out, '--now', NOW, '--quiet')).code).toBe(0);
    for (const f of ['Resources.csv', 'Exceptions.csv', 'Owners.csv']) {
      expect(fs.readFileSync(path.join(out, f))).toEqual(fs.readFileSync(path.join(book, f)));
    }
    expect(fs.existsSync(path.join(out, 'Results.csv'))).toBe(true);
    expect(fs.existsSync(path.join(book, 'Results.csv'))).toBe(false);
  });

  test('a second run appends to Run History and carries First Seen over', async () => {
    const book = writeCsvRulebook(path.join(dir, 'book'));
    await cli('validate', book, '--now', NOW, '--quiet');
    const r = await cli('validate', book, '--now', '2026-03-05T09:00:00Z', '--format', 'json');
    const json = JSON.parse(r.stdout);
    const fail = json.results.find((x: { status: string }) => x.status === 'FAIL');
    expect(fail.firstSeen).toBe('2026-03-01');
    const history = (await readRulebookFile(book)).grids.find((g) => g.name === 'Run History')!.rows;
    expect(history.filter((row) => row[1] === 'All')).toHaveLength(2);
  });
});

describe('validate an .xlsx', () => {
  test('writes the generated sheets back into the workbook in place', async () => {
    const file = await writeXlsxRulebook(path.join(dir, 'book.xlsx'));
    const r = await cli('validate', file, '--now', NOW);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/7 checks/);
    expect(await sheetNames(file)).toEqual([
      'Rules',
      'Resources',
      'Exceptions',
      'Owners',
      'Results',
      'Summary',
      'Run History',
      'Rulesheet Lists',
    ]);
    const wb = await readXlsx(file);
    const results = wb.getWorksheet('Results')!;
    expect(results.getCell('A1').value).toBe('Rule ID');
    expect(results.getCell('A1').note).toMatch(/Generated by Rulesheet/);
    expect(results.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(results.getCell('A1').font?.bold).toBe(true);
  });

  test('a second run rewrites the generated sheets in place, keeping the tab order', async () => {
    const file = await writeXlsxRulebook(path.join(dir, 'book.xlsx'));
    await cli('validate', file, '--now', NOW, '--quiet');
    const wb = await readXlsx(file);
    wb.addWorksheet('Notes').getCell('A1').value = 'mine';
    await wb.xlsx.writeFile(file);
    await cli('validate', file, '--now', '2026-03-02T09:00:00Z', '--quiet');
    expect(await sheetNames(file)).toEqual([
      'Rules',
      'Resources',
      'Exceptions',
      'Owners',
      'Results',
      'Summary',
      'Run History',
      'Rulesheet Lists',
      'Notes',
    ]);
  });

  test('--out to a folder is refused for an .xlsx (exit 2)', async () => {
    const file = await writeXlsxRulebook(path.join(dir, 'book.xlsx'));
    const r = await cli('validate', file, '--out', path.join(dir, 'folder'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/can only be written to an \.xlsx/);
  });
});

describe('exit codes', () => {
  const book = () => writeCsvRulebook(path.join(dir, 'book'));
  test.each([
    [[], 0],
    [['--fail-on', 'high'], 1],
    [['--fail-on', 'HIGH'], 1],
    [['--fail-on', 'medium'], 1],
    [['--fail-on', 'low'], 1],
    [['--fail-on', 'critical'], 0],
    [['--fail-on', 'none'], 0],
  ])('%j → %i', async (flags, code) => {
    expect((await cli('validate', book(), '--now', NOW, '--quiet', ...(flags as string[]))).code).toBe(code);
  });

  test('Settings "Fail On" is the default; the flag overrides it', async () => {
    const b = writeCsvRulebook(path.join(dir, 'book'), {
      ...SHEETS,
      Settings: [
        ['Key', 'Value'],
        ['Fail On', 'Medium'],
      ],
    });
    expect((await cli('validate', b, '--now', NOW, '--quiet')).code).toBe(1);
    expect((await cli('validate', b, '--now', NOW, '--quiet', '--fail-on', 'critical')).code).toBe(0);
    expect((await cli('validate', b, '--now', NOW, '--quiet', '--fail-on', 'none')).code).toBe(0);
  });

  test('a waived failure does not fail the build', async () => {
    const rules = [SHEETS.Rules[0], SHEETS.Rules[2]];
    const resources = [SHEETS.Resources[0], SHEETS.Resources[3]];
    const b = writeCsvRulebook(path.join(dir, 'book'), { ...SHEETS, Rules: rules, Resources: resources });
    expect((await cli('validate', b, '--now', NOW, '--quiet', '--fail-on', 'info')).code).toBe(0);
  });

  test.each([[['--fail-on', 'severe']], [['--now', 'yesterday']], [['--format', 'pdf']], [['--bogus']]])(
    'usage error %j → 2 with a message',
    async (flags) => {
      const r = await cli('validate', book(), ...(flags as string[]));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/error/);
    },
  );

  test('no rulebook argument → 2; --help → 0', async () => {
    expect((await cli('validate')).code).toBe(2);
    const help = await cli('validate', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--fail-on <severity>/);
  });
});

describe('lint', () => {
  test('a rule whose type no resource has is an error for lint (it checks nothing), and nothing is written', async () => {
    const b = writeCsvRulebook(path.join(dir, 'book'));
    const r = await cli('lint', b, '--now', NOW);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error {3}Rules!C5: No resource has type 'k8s:Deployment'/);
    expect(r.stdout).toMatch(/1 error, 0 warnings/);
    expect(fs.readdirSync(b)).not.toContain('Results.csv');
  });

  test('exit 0 once the rule that checked nothing is gone', async () => {
    const rules = SHEETS.Rules.filter((_, i) => i !== 4);
    const b = writeCsvRulebook(path.join(dir, 'book'), { ...SHEETS, Rules: rules });
    const r = await cli('lint', b, '--now', NOW);
    expect(r.stdout).toBe(`No problems in ${b}.\n`);
    expect(r.code).toBe(0);
  });

  test('exit 1 on an error-severity problem, shown as Rules!E2', async () => {
    const rules = SHEETS.Rules.map((r, i) => (i === 1 ? [...r.slice(0, 4), 'equal', ...r.slice(5)] : r));
    const b = writeCsvRulebook(path.join(dir, 'book'), { ...SHEETS, Rules: rules });
    const r = await cli('lint', b, '--now', NOW);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error {3}Rules!E2: Unknown operator 'equal'\. Did you mean 'equals'\?/);
  });
});
