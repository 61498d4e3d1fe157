// The Owners sheet: owners by business unit, and one default owner per unit.
import { formatProblem } from '../../core/problems';
import { readRulebook } from '../../core/rulebook/read';
import type { Grid } from '../../core/types';
import { sheet } from '../helpers/grid';

const RULES = sheet('Rules', 'Rule ID | Title | Resource Type\nR-1 | any | *');

function read(...grids: Grid[]) {
  const book = readRulebook([RULES, ...grids]);
  return { book, problems: book.problems.map(formatProblem) };
}

describe('reading owners', () => {
  test('owners with their unit; Default in any spelling; blank Default is FALSE', () => {
    const { book, problems } = read(
      sheet(
        'Ownership',
        `
        Email           | Owner        | Department | Default
        ana@example.com | Ana          | Finance    | TRUE
        bo@example.com  | Bo           | Finance    |
        |
        cy@example.com  | Platform team | IT        | yes
        dee@example.com | Dee          | HR         | false
      `,
      ),
    );
    expect(problems).toEqual([]);
    expect(book.owners).toEqual([
      {
        row: 1,
        owner: 'Ana',
        email: 'ana@example.com',
        businessUnit: 'Finance',
        defaultForBusinessUnit: true,
      },
      {
        row: 2,
        owner: 'Bo',
        email: 'bo@example.com',
        businessUnit: 'Finance',
        defaultForBusinessUnit: false,
      },
      {
        row: 4,
        owner: 'Platform team',
        email: 'cy@example.com',
        businessUnit: 'IT',
        defaultForBusinessUnit: true,
      },
      { row: 5, owner: 'Dee', email: 'dee@example.com', businessUnit: 'HR', defaultForBusinessUnit: false },
    ]);
  });

  test('a second default for one business unit (any case): the first wins, the later is a plain owner', () => {
    const { book, problems } = read(
      sheet(
        'Owners',
        `
        Owner | Business Unit | Default for Business Unit
        Ana   | Finance       | TRUE
        Bo    | finance       | TRUE
        Cy    | HR            | TRUE
      `,
      ),
    );
    expect(problems).toEqual([
      "Owners!C3: 'Bo' is a second default owner for business unit 'finance'; the first default (C2) is used.",
    ]);
    expect(book.problems[0].severity).toBe('warning');
    expect(book.owners.map((o) => [o.owner, o.defaultForBusinessUnit])).toEqual([
      ['Ana', true],
      ['Bo', false],
      ['Cy', true],
    ]);
  });

  test.each([
    ['|  Finance | TRUE', 'Owners!A2: Owner is empty; every row needs one.', []],
    [
      'Ana | Finance | sometimes',
      "Owners!C2: Default for Business Unit must be TRUE or FALSE, not 'sometimes'.",
      [false],
    ],
  ])('%s → %s', (row, expected, defaults) => {
    const { book, problems } = read(
      sheet('Owners', `Owner | Business Unit | Default for Business Unit\n${row}`),
    );
    expect(problems).toEqual([expected]);
    expect(book.owners.map((o) => o.defaultForBusinessUnit)).toEqual(defaults);
  });

  test('a sheet without an Owner column is not read', () => {
    const { book, problems } = read(sheet('Owners', 'Ownr | Email\nAna | ana@example.com'));
    expect(problems).toEqual(["Owners!A1: The 'Owners' sheet has no 'Owner' column. Did you mean 'Ownr'?"]);
    expect(book.owners).toEqual([]);
  });
});
