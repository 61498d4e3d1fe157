// Turns a resource row into the object a JSON rules engine expects: flat by header, or nested by dotted header.
import type { Cell } from '../../core';

type Json = { [key: string]: unknown };

/** `{ "encryption.enabled": true, … }`; blank cells are left out. */
export function flatFacts(headers: string[]): (row: Cell[]) => Json {
  return (row) => {
    const out: Json = {};
    for (let c = 0; c < headers.length; c++)
      if (row[c] !== null && row[c] !== undefined) out[headers[c]] = row[c];
    return out;
  };
}

/** `{ encryption: { enabled: true } }`, the shape JsonLogic's `var` walks; blank cells are left out. */
export function nestedFacts(headers: string[]): (row: Cell[]) => Json {
  const paths = headers.map((h) => h.split('.'));
  return (row) => {
    const out: Json = {};
    for (let c = 0; c < paths.length; c++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      const path = paths[c];
      let node = out;
      for (let i = 0; i < path.length - 1; i++) node = (node[path[i]] ??= {}) as Json;
      node[path[path.length - 1]] = v;
    }
    return out;
  };
}
