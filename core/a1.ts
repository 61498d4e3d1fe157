// A1 notation: 0-based row/column to `C7` and back, used only where locations are rendered.

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `a1(6, 2)` is `C7`. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** `parseA1('C7')` is `{ row: 6, col: 2 }`; undefined when the text is not a cell reference. */
export function parseA1(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** A sheet name as a formula would quote it: `'Approved Images'!A2`. */
export function sheetRef(sheet: string, row: number, col: number): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${a1(row, col)}`;
}
