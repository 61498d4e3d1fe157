// Writes rows into a user sheet (a new rule, a rule pack, a starter rulebook): values only, text kept as text.
import { looksLikeFormula, type WriteCell } from '../../core';
import { address, writeCell } from './cells';

/**
 * Queues `rows` at (row, col). Null cells are left as they are. Text that Excel would turn into a formula gets
 * the Text format first; other cells keep the user's formats, so a number typed there later stays a number.
 */
export function queueRows(sheet: Excel.Worksheet, row: number, col: number, rows: WriteCell[][]): void {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || width === 0) return;
  const values: (string | number | boolean | null)[][] = [];
  const formats: (string | null)[][] = [];
  for (const cells of rows) {
    const v: (string | number | boolean | null)[] = [];
    const f: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const cell = cells[c];
      if (cell === null || cell === undefined) {
        v.push(null);
        f.push(null);
        continue;
      }
      const out = writeCell(cell);
      const text = typeof out.value === 'string' && out.format === '@';
      v.push(out.value);
      f.push(
        text
          ? looksLikeFormula(out.value as string)
            ? '@'
            : null
          : cell instanceof Date
            ? out.format
            : null,
      );
    }
    values.push(v);
    formats.push(f);
  }
  const range = sheet.getRange(address(row, col, rows.length, width));
  range.numberFormat = formats as unknown as string[][];
  range.values = values as unknown as (string | number | boolean)[][];
}
