// Resources sheets: every sheet named Resources…, rows with an ID and a Type, duplicates kept once.
import { formatProblem } from '../../core/problems';
import { readRulebook } from '../../core/rulebook/read';
import type { Grid } from '../../core/types';
import { sheet } from '../helpers/grid';

const RULES = sheet('Rules', 'Rule ID | Title | Resource Type\nR-1 | any | *');

function read(...grids: Grid[]) {
  const book = readRulebook([RULES, ...grids]);
  return { book, problems: book.problems.map(formatProblem) };
}

describe('reading resources', () => {
  test('columns by alias in any order; cells kept as they are; headers by their exact text', () => {
    const doc = '{"versioning":{"status":"Enabled"}}';
    const grid = sheet('Resources', [
      [
        'Env',
        'encryption.enabled',
        'Resource Type',
        'ID',
        'BU',
        'Resource Name',
        'Owned By',
        'JSON',
        'Tags.Team',
      ],
      ['prod', true, 'aws_s3_bucket', 'logs', 'Finance', 'Log bucket', 'ana@example.com', doc, 'Data'],
      ['dev', null, 'aws_s3_bucket', 'tmp'],
    ]);
    const { book, problems } = read(grid);
    expect(problems).toEqual([]);
    const [s] = book.resourceSheets;
    expect(s).toMatchObject({ name: 'Resources', index: 0, idCol: 3, typeCol: 2, documentCol: 7 });
    expect(s.headers[1]).toBe('encryption.enabled');
    expect([...s.columnByName]).toEqual([
      ['env', 0],
      ['encryption.enabled', 1],
      ['resource type', 2],
      ['id', 3],
      ['bu', 4],
      ['resource name', 5],
      ['owned by', 6],
      ['json', 7],
      ['tags.team', 8],
    ]);
    expect(
      book.resources.map((r) => [r.row, r.id, r.type, r.name, r.owner, r.businessUnit, r.environment]),
    ).toEqual([
      [1, 'logs', 'aws_s3_bucket', 'Log bucket', 'ana@example.com', 'Finance', 'prod'],
      [2, 'tmp', 'aws_s3_bucket', '', '', '', 'dev'],
    ]);
    expect(book.resources[0].cells).toBe(grid.rows[1]);
    expect(book.resources[0].sheet).toBe(s);
  });

  test('every sheet starting with Resources, in grid order; others are not resources', () => {
    const { book } = read(
      sheet('Resources - K8s', 'Resource ID | Type\nweb | k8s:Deployment'),
      sheet('Inventory', 'Resource ID | Type\nx | y'),
      sheet('resources_aws', 'Resource ID | Type\nlogs | aws_s3_bucket'),
    );
    expect(book.resourceSheets.map((s) => [s.name, s.index])).toEqual([
      ['Resources - K8s', 0],
      ['resources_aws', 1],
    ]);
    expect(book.resources.map((r) => `${r.sheet.name}:${r.id}`)).toEqual([
      'Resources - K8s:web',
      'resources_aws:logs',
    ]);
  });

  test('a sheet missing Resource ID or Type is skipped; the others are still read', () => {
    const { book, problems } = read(
      sheet('Resources', 'Name | Kind\nlogs | bucket'),
      sheet('Resources 2', 'Resource ID | Typ\nlogs | aws_s3_bucket'),
      sheet('Resources 3', 'Resource ID | Type\nlogs | aws_s3_bucket'),
    );
    expect(problems).toEqual([
      "Resources!A1: The 'Resources' sheet has no 'Resource ID' column. Add a column headed 'Resource ID'.",
      "Resources!A1: The 'Resources' sheet has no 'Type' column. Add a column headed 'Type'.",
      "'Resources 2'!B1: The 'Resources 2' sheet has no 'Type' column. Did you mean 'Typ'?",
    ]);
    expect(book.resourceSheets.map((s) => [s.name, s.index])).toEqual([['Resources 3', 0]]);
    expect(book.resources).toHaveLength(1);
  });

  test('rows without an ID or a Type are skipped with a problem at the empty cell', () => {
    const { book, problems } = read(
      sheet(
        'Resources',
        `
        Type          | Resource ID | Name
        aws_s3_bucket |             | orphan
                      | logs        |
                      |             | nothing to go on
        aws_s3_bucket | ok          |
        |
      `,
      ),
    );
    expect(problems).toEqual([
      'Resources!B2: Resource ID is empty; every row needs one.',
      'Resources!A3: Type is empty; every row needs one.',
      'Resources!B4: Resource ID is empty; every row needs one.',
      'Resources!A4: Type is empty; every row needs one.',
    ]);
    expect(book.resources.map((r) => r.id)).toEqual(['ok']);
  });

  test('the same Type and ID again (any case, any sheet) keeps the first row, with a warning', () => {
    const { book, problems } = read(
      sheet(
        'Resources',
        `
        Resource ID | Type          | Name
        logs        | aws_s3_bucket | first
        LOGS        | AWS_S3_BUCKET | second
        logs        | aws_instance  | another type
      `,
      ),
      sheet('Resources AWS', 'Resource ID | Type | Name\nLogs | aws_s3_bucket | third'),
    );
    expect(problems).toEqual([
      "Resources!A3: Resource 'LOGS' of type 'AWS_S3_BUCKET' is listed again; the first row (Resources!A2) is used.",
      "'Resources AWS'!A2: Resource 'Logs' of type 'aws_s3_bucket' is listed again; the first row (Resources!A2) is used.",
    ]);
    expect(book.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(book.resources.map((r) => [r.id, r.type, r.name])).toEqual([
      ['logs', 'aws_s3_bucket', 'first'],
      ['logs', 'aws_instance', 'another type'],
    ]);
  });

  test('ragged rows and number IDs', () => {
    const { book, problems } = read(
      sheet('Resources', [
        ['Resource ID', 'Type', 'Name', 'Owner'],
        [42, 'github_repository'],
        [43, 'github_repository', 'x', 'y', 'z'],
      ]),
    );
    expect(problems).toEqual([]);
    expect(book.resources.map((r) => [r.id, r.name, r.owner, r.cells.length])).toEqual([
      ['42', '', '', 2],
      ['43', 'x', 'y', 5],
    ]);
  });

  test('a sheet without a Document column has none', () => {
    expect(
      read(sheet('Resources', 'Resource ID | Type\na | b')).book.resourceSheets[0].documentCol,
    ).toBeUndefined();
  });
});
