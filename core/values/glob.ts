// Glob matching (`*` any run of characters, `?` one character), whole text, case-insensitive, linear time.

/** Compiles a glob once; the matcher runs in O(pattern × text) worst case with no backtracking blow-up. */
export function compileGlob(pattern: string): (text: string) => boolean {
  const p = pattern.toLowerCase();
  if (!/[*?]/.test(p)) return (text) => text.toLowerCase() === p;
  return (text) => globMatch(p, text.toLowerCase());
}

// The classic two-pointer match: on a mismatch, resume after the last `*`, which never revisits more than once per star.
function globMatch(p: string, t: string): boolean {
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}
