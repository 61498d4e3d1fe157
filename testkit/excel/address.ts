// A1 addresses for the fake Excel: `B2`, `A1:C3`, `'My Sheet'!A1:B2`, whole columns `A:C`, to 0-based boxes.
import { columnLetters } from '../../core';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A block of cells, 0-based and inclusive. */
export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function colIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

function corner(ref: string, end: boolean): { r: number; c: number } {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(ref);
  if (!m || (!m[1] && !m[2])) throw new Error(`bad address ${ref}`);
  const c = m[1] ? colIndex(m[1]) : end ? MAX_COLS - 1 : 0;
  const r = m[2] ? Number(m[2]) - 1 : end ? MAX_ROWS - 1 : 0;
  return { r, c };
}

/** Parses the cell part of an address (any `Sheet!` prefix dropped). */
export function parseAddress(text: string): Box {
  const cells = text.includes('!') ? text.slice(text.lastIndexOf('!') + 1) : text;
  const [a, b = a] = cells.split(':');
  const from = corner(a, false);
  const to = corner(b, true);
  return {
    r0: Math.min(from.r, to.r),
    c0: Math.min(from.c, to.c),
    r1: Math.max(from.r, to.r),
    c1: Math.max(from.c, to.c),
  };
}

export function formatBox(b: Box): string {
  const a = `${columnLetters(b.c0)}${b.r0 + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${columnLetters(b.c1)}${b.r1 + 1}`;
}

export function intersects(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}
