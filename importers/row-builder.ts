// Builds one imported resource row: reserved names kept out, scalars promoted, nesting as JSON, cell limit enforced.
import { type Cell, normalizeName } from '../core';
import { DOCUMENT_NAMES, ID_NAMES, TYPE_NAMES } from './columns';
import { depthError, jsonDepthError } from './depth';
import type { ImportedResource } from './types';

/** Excel's limit of characters a cell; CSV rulebooks are opened in Excel too. */
export const MAX_CELL_CHARS = 32_767;

/** Headers that mean the row key or the whole document; an attribute of that name stays in Document only. */
const RESERVED = new Set([...ID_NAMES, ...TYPE_NAMES, ...DOCUMENT_NAMES]);

export type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

export function isObject(v: unknown): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Collects the cells of one resource; the first header spelling of a normalized name wins. */
export class RowBuilder {
  // No prototype: a column named `__proto__` (a CSV header, a JSON key) is a cell like any other, not lost.
  private readonly cells: Record<string, Cell> = Object.create(null) as Record<string, Cell>;
  private readonly names = new Map<string, string>();
  readonly errors: string[] = [];

  constructor(
    readonly type: string,
    readonly id: string,
    private readonly where: string,
  ) {}

  /** Sets a cell; undefined and null are skipped. */
  set(header: string, value: Cell | undefined): this {
    const key = normalizeName(header);
    if (value === undefined || value === null) return this;
    const name = this.names.get(key) ?? header;
    this.names.set(key, name);
    this.cells[name] = value;
    return this;
  }

  /**
   * Sets a cell to the JSON text of a value (objects and lists), or the value itself when it is a scalar. A
   * value nested past MAX_DEPTH is an error: core would not read the cell.
   */
  setJson(header: string, value: unknown): this {
    if (value === undefined || value === null) return this;
    if (isScalar(value)) return this.set(header, value);
    const text = JSON.stringify(value);
    if (jsonDepthError(text, '') !== undefined) {
      this.errors.push(depthError(`${this.where}: ${this.type} ${this.id}: ${header}`));
      return this;
    }
    return this.set(header, text);
  }

  /** Promotes every top-level scalar to a column of its name, except names that mean the key or Document
   * and names already set (the kind's own Name wins). */
  promoteScalars(obj: unknown): this {
    if (!isObject(obj)) return this;
    for (const [k, v] of Object.entries(obj))
      if (isScalar(v) && !RESERVED.has(normalizeName(k)) && !this.has(k)) this.set(k, v);
    return this;
  }

  has(header: string): boolean {
    return this.names.has(normalizeName(header));
  }

  /** The finished row, or undefined with an error when a cell is over the limit. */
  build(): ImportedResource | undefined {
    for (const [name, value] of Object.entries(this.cells)) {
      if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
        this.errors.push(
          `${this.where}: ${this.type} ${this.id}: ${name} is ${value.length.toLocaleString('en-US')} characters, ` +
            `more than the ${MAX_CELL_CHARS.toLocaleString('en-US')} a spreadsheet cell holds; ` +
            'trim the resource (or import fewer fields) and try again.',
        );
      }
    }
    if (this.id.length > MAX_CELL_CHARS || this.type.length > MAX_CELL_CHARS) {
      this.errors.push(`${this.where}: a resource ID or type is longer than ${MAX_CELL_CHARS} characters.`);
    }
    return this.errors.length ? undefined : { type: this.type, id: this.id, cells: { ...this.cells } };
  }
}

/** Owner, Business Unit and Environment from tags or labels, by their usual spellings. */
export function routingFromTags(tags: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!tags) return out;
  for (const [k, v] of Object.entries(tags)) {
    if (!isScalar(v) || String(v).trim() === '') continue;
    const key = normalizeName(k.replace(/^.*\//, ''));
    if (key === 'owner' || key === 'team') out.Owner ??= String(v);
    else if (key === 'businessunit' || key === 'bu') out['Business Unit'] ??= String(v);
    else if (key === 'environment' || key === 'env') out.Environment ??= String(v);
  }
  return out;
}

/** AWS tags as an object, whether given as `{ k: v }` or `[{ key|Key, value|Value }]`. */
export function tagObject(tags: unknown): Record<string, Json> | undefined {
  if (isObject(tags)) return tags;
  if (!Array.isArray(tags)) return undefined;
  const out: Record<string, Json> = {};
  for (const t of tags) {
    if (!isObject(t)) continue;
    const k = t.key ?? t.Key;
    if (typeof k === 'string') out[k] = (t.value ?? t.Value ?? null) as Json;
  }
  return out;
}
