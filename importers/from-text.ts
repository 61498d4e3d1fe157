// One file's text imported into a Resources sheet's rows, with no file system: what the task pane's Import does.
import type { Cell } from '../core';
import { importKind } from './kinds';
import { mergeResources } from './merge';

/** The kinds a host offers, `auto` choosing from the file name and content. */
export type ImportChoice = 'auto' | 'kubernetes' | 'terraform' | 'aws' | 'json' | 'csv';

const BY_CHOICE: Record<Exclude<ImportChoice, 'auto'>, string> = {
  kubernetes: 'kubernetes',
  terraform: 'terraform-plan',
  aws: 'aws-config',
  json: 'json',
  csv: 'csv',
};

/** The import kind for a file: by extension, and for JSON by the shape Terraform and AWS Config give. */
export function detectKind(choice: ImportChoice, fileName: string, text: string): string {
  if (choice !== 'auto') return BY_CHOICE[choice];
  const name = fileName.toLowerCase();
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'kubernetes';
  if (name.endsWith('.csv')) return 'csv';
  const head = text.slice(0, 200_000);
  if (/"(resource_changes|planned_values|terraform_version)"\s*:/.test(head)) return 'terraform-plan';
  if (/"(configurationItems|baseConfigurationItems|configurationItemCaptureTime)"\s*:/.test(head))
    return 'aws-config';
  return 'json';
}

export interface TextImport {
  /** The sheet's rows after the import (header first); absent when there were errors. */
  rows?: Cell[][];
  imported: number;
  added: number;
  replaced: number;
  errors: string[];
}

/** Parses the file and merges its resources into `existing` (same Type + Resource ID replaced, the rest kept). */
export function importFromText(
  choice: ImportChoice,
  fileName: string,
  text: string,
  existing: Cell[][],
): TextImport {
  const kind = importKind(detectKind(choice, fileName, text));
  if (!kind) return { imported: 0, added: 0, replaced: 0, errors: [`${fileName}: unknown import kind`] };
  const out = kind(text, fileName, {});
  if (out.errors.length > 0) return { imported: 0, added: 0, replaced: 0, errors: out.errors };
  const merged = mergeResources(existing, out.rows);
  return {
    rows: merged.rows,
    imported: out.rows.length,
    added: merged.added,
    replaced: merged.replaced,
    errors: [],
  };
}
