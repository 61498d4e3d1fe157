// How deep JSON text nests, counted without parsing it: deeper text is refused before any recursive walk can overflow.

/** The deepest nesting a JSON cell may have; real documents stay far below it. */
export const MAX_JSON_DEPTH = 1000;

/**
 * Whether JSON text opens more than `limit` lists or objects inside one another. Brackets inside strings do
 * not count. A linear scan with no recursion, so it is safe on any text.
 */
export function nestsDeeperThan(text: string, limit: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/** The reason a cell too deeply nested cannot be read, as the ERROR message shows it. */
export const TOO_DEEP = `nested deeper than ${MAX_JSON_DEPTH.toLocaleString('en-US')} levels`;
