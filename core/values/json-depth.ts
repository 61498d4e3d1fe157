// The depth bound on JSON read from cells: deeper JSON is refused while it is converted, before a walk can overflow.

/** The deepest nesting a JSON cell may have; real documents stay far below it. */
export const MAX_JSON_DEPTH = 1000;

/** The reason a cell too deeply nested cannot be read, as the ERROR message shows it. */
export const TOO_DEEP = `nested deeper than ${MAX_JSON_DEPTH.toLocaleString('en-US')} levels`;

/** Thrown by a conversion that meets a list or object deeper than MAX_JSON_DEPTH; caught where the cell is read. */
export class JsonTooDeep extends Error {
  constructor() {
    super(TOO_DEEP);
  }
}

/**
 * Checks one level of nesting while JSON is converted: parsing itself does not recurse, but the conversion and
 * every later walk do, so the bound is kept here at the price of one comparison per list or object.
 */
export function enterLevel(depth: number): number {
  if (depth >= MAX_JSON_DEPTH) throw new JsonTooDeep();
  return depth + 1;
}
