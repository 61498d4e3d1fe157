// Nesting bounds for imported files: deeper input is refused with a message naming the file, before any recursive walk.

/** The deepest nesting an imported document may have: real inventories stay far below it, and core reads no deeper. */
export const MAX_DEPTH = 1000;

const LIMIT_TEXT = `nested deeper than ${MAX_DEPTH.toLocaleString('en-US')} levels`;

/**
 * Where JSON text first opens more than MAX_DEPTH lists or objects inside one another, as `line N`, or
 * undefined when it does not. Brackets inside strings do not count; a linear scan, no recursion.
 */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) line++;
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > MAX_DEPTH) return line;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return undefined;
}

/** The message for JSON text nested past the bound, naming the file and line, or undefined. */
export function jsonDepthError(text: string, fileName: string): string | undefined {
  const line = tooDeepAt(text);
  return line === undefined
    ? undefined
    : `${fileName} line ${line}: ${LIMIT_TEXT}; nothing was read from it.`;
}

/** Whether a parsed value nests lists and objects deeper than MAX_DEPTH; iterative, so any value is safe. */
export function valueTooDeep(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > MAX_DEPTH) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push([x, depth + 1]);
  }
  return false;
}

/** The message for a parsed document nested past the bound. */
export function depthError(where: string): string {
  return `${where}: ${LIMIT_TEXT}; nothing was read from it.`;
}
