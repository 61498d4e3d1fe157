// Reading the Owners sheet: who owns what, and the one default owner of each business unit.
import { problem, type Problem } from '../problems';
import type { Grid } from '../types';
import { cellBoolean, cellText, isBlank } from '../values/cells';
import {
  headerTexts,
  mapHeaders,
  missingColumns,
  OWNER_COLUMNS,
  OWNER_REQUIRED,
  type OwnerColumn,
} from './headers';
import type { OwnerRow } from './model';
import { a1 } from '../a1';
import { cellAt, isBlankRow, rowAt } from './sheets';

export interface OwnersRead {
  owners: OwnerRow[];
  problems: Problem[];
}

/**
 * Reads owners. A row without an Owner is skipped. When two rows are the default of one business unit (any
 * case), the first stays the default and the later one is kept as a plain owner row, with a warning.
 */
export function readOwners(grid: Grid): OwnersRead {
  const headers = headerTexts(rowAt(grid, 0));
  const columns = mapHeaders(headers, OWNER_COLUMNS);
  const missing = missingColumns(grid.name, headers, columns, OWNER_COLUMNS, OWNER_REQUIRED);
  if (missing.length > 0) return { owners: [], problems: missing };

  const owners: OwnerRow[] = [];
  const problems: Problem[] = [];
  const firstDefault = new Map<string, number>();
  for (let r = 1; r < grid.rows.length; r++) {
    const row = rowAt(grid, r);
    if (isBlankRow(row)) continue;
    const cell = (key: OwnerColumn) => cellAt(row, columns[key]);
    const at = (key: OwnerColumn) => ({ sheet: grid.name, row: r, col: columns[key] });
    const header = (key: OwnerColumn) => headers[columns[key] ?? -1] || OWNER_COLUMNS[key].header;

    const owner = cellText(cell('owner'));
    if (owner === '') {
      problems.push(problem('empty_required', { column: header('owner') }, at('owner')));
      continue;
    }
    const businessUnit = cellText(cell('businessUnit'));
    let isDefault = false;
    if (!isBlank(cell('isDefault'))) {
      const flag = cellBoolean(cell('isDefault'));
      if (flag === undefined) {
        const value = cellText(cell('isDefault'));
        problems.push(problem('invalid_boolean', { column: header('isDefault'), value }, at('isDefault')));
      } else {
        isDefault = flag;
      }
    }
    if (isDefault) {
      const key = businessUnit.toLowerCase();
      const first = firstDefault.get(key);
      if (first === undefined) {
        firstDefault.set(key, r);
      } else {
        const params = { owner, businessUnit, first: a1(first, columns.isDefault ?? 0) };
        problems.push(problem('duplicate_default_owner', params, at('isDefault')));
        isDefault = false;
      }
    }
    owners.push({
      row: r,
      owner,
      email: cellText(cell('email')),
      businessUnit,
      defaultForBusinessUnit: isDefault,
    });
  }
  return { owners, problems };
}
