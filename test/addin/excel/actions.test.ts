// The task pane's Excel actions on the fake workbook: importing a file's resources and adding a rule pack.
import { excelActions } from '../../../addin/excel/actions';
import { createFakeExcel, FakeWorkbook } from '../../../testkit/excel';
import { sheetCells } from '../../../testkit/excel/read-back';

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:latest
`;

function withExcel(book: FakeWorkbook) {
  (globalThis as unknown as { Excel: unknown }).Excel = createFakeExcel(book);
}

describe('Excel actions', () => {
  it('imports a Kubernetes file into Resources, keeping the rows already there', async () => {
    const book = new FakeWorkbook();
    book.seed('Resources', [
      ['Resource ID', 'Type', 'Owner'],
      ['bucket-1', 'aws_s3_bucket', 'Ann'],
    ]);
    withExcel(book);
    const added = await excelActions().importResources!('auto', 'web.yaml', DEPLOYMENT);
    expect(added).toMatchObject({ added: 1, sheet: 'Resources' });
    const rows = sheetCells(book, 'Resources')!;
    expect(rows[1].slice(0, 3)).toEqual(['bucket-1', 'aws_s3_bucket', 'Ann']);
    const header = rows[0] as string[];
    const web = rows.find((r) => r[0] === 'shop/web')!;
    expect(web[header.indexOf('Type')]).toBe('k8s:Deployment');
    expect(String(web[header.indexOf('podSpec')])).toContain('nginx:latest');
  });

  it('refuses a file that does not parse, naming it, and writes nothing', async () => {
    const book = new FakeWorkbook();
    book.seed('Resources', [['Resource ID', 'Type']]);
    withExcel(book);
    await expect(
      excelActions().importResources!('kubernetes', 'bad.yaml', 'kind: [unclosed'),
    ).rejects.toThrow(/bad\.yaml/);
    expect(sheetCells(book, 'Resources')).toEqual([['Resource ID', 'Type']]);
  });

  it('adds a rule pack below the user rules', async () => {
    const book = new FakeWorkbook();
    book.seed('Rules', [
      ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
      ['MY-1', 'Mine', 'aws_s3_bucket', 'name', 'exists', null],
    ]);
    withExcel(book);
    const added = await excelActions().addRulePack('aws-foundations');
    expect(added.added).toBeGreaterThan(5);
    const rows = sheetCells(book, 'Rules')!;
    expect(rows[1][0]).toBe('MY-1');
    expect(rows.length).toBe(2 + added.added);
  });

  it('adds a rule below the user rules, keeping formula-like Expected as text', async () => {
    const book = new FakeWorkbook();
    book.seed('Rules', [
      ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
      ['MY-1', 'Mine', 'aws_s3_bucket', 'name', 'exists', null],
    ]);
    withExcel(book);
    const added = await excelActions().addRule({
      ...CANDIDATE,
      ruleId: 'MY-2',
      operator: 'greater than',
      expected: '-1',
    });
    expect(added).toEqual({ ruleId: 'MY-2', sheet: 'Rules', cell: 'A3' });
    expect(sheetCells(book, 'Rules')![2]).toEqual([
      'MY-2',
      'Mine too',
      'aws_s3_bucket',
      'from_port',
      'greater than',
      '-1',
    ]);
  });

  it.each<[string, (actions: ReturnType<typeof excelActions>) => Promise<unknown>, string]>([
    [
      'a Rule ID in use',
      (a) => a.addRule({ ...CANDIDATE, ruleId: 'my-1' }),
      "Rule ID 'MY-1' is used again; it was first used at Rules!A2. Give each rule its own ID.",
    ],
    ['an unknown pack', (a) => a.addRulePack('aws'), "Unknown rule pack 'aws'."],
  ])('refuses %s with core’s words and writes nothing', async (_name, act, words) => {
    const book = new FakeWorkbook();
    const rows = [
      ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
      ['MY-1', 'Mine', 'aws_s3_bucket', 'name', 'exists', null],
    ];
    book.seed('Rules', rows);
    withExcel(book);
    await expect(act(excelActions())).rejects.toThrow(words);
    expect(sheetCells(book, 'Rules')).toEqual(rows);
  });
});

const CANDIDATE = {
  ruleId: 'MY-2',
  title: 'Mine too',
  resourceType: 'aws_s3_bucket',
  field: 'from_port',
  operator: 'exists',
  expected: '',
};
