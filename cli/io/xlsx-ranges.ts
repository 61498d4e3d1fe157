// A1-style references in a package's XML (merges, validations) measured without expanding them.

/** `D1:XFD1048576`, `$A$1` or `A1` as 1-based bounds; undefined for anything else. */
export function parseRef(
  ref: string,
): { top: number; left: number; bottom: number; right: number } | undefined {
  const cells = ref.split(':').map(parseCell);
  if (cells.length > 2 || cells.some((c) => !c)) return undefined;
  const [a, b = a] = cells as { row: number; col: number }[];
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

/** How many cells a reference covers (0 when it is not one). */
export function rangeCells(ref: string): number {
  const r = parseRef(ref);
  return r ? (r.bottom - r.top + 1) * (r.right - r.left + 1) : 0;
}

function parseCell(text: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
