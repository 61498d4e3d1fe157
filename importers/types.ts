// What every import kind returns: resource rows ready to merge into a Resources sheet, and errors.
import type { Cell } from '../core';

/** One resource as a Resources row: its key, and its other cells by column header (in first-seen order). */
export interface ImportedResource {
  type: string;
  id: string;
  /** Column header → cell. Never holds Resource ID or Type; names are distinct once normalized. */
  cells: Record<string, Cell>;
}

export interface ImportOptions {
  /** `--type`: the Type of every resource (json, csv). */
  type?: string;
  /** `--id FIELD`: the field holding each resource's ID (json, csv). */
  id?: string;
}

export interface ImportOutput {
  rows: ImportedResource[];
  /** One-line messages naming the file (and line or resource); any error stops the import. */
  errors: string[];
  /** One-line messages naming the file and entry: what was skipped and why; the rest is still imported. */
  warnings?: string[];
}

/** A pure import kind: file text in, resource rows out. */
export type ImportKind = (text: string, fileName: string, options: ImportOptions) => ImportOutput;
