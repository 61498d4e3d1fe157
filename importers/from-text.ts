// One file's text imported into the Resources sheet as patches, with no file system: what the task pane's Import does.
import type { Grid } from '../core';
import { importKind } from './kinds';
import { planResourcesWrite, type ResourcesWrite } from './write';

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

/** The sheet the task pane's Import writes. */
export const RESOURCES_SHEET_NAME = 'Resources';

/**
 * The task pane's Import: the file parsed and merged into the Resources sheet as patches, or a refusal naming
 * the file's errors (nothing is written then).
 */
export function planTextImport(
  choice: ImportChoice,
  fileName: string,
  text: string,
  grids: readonly Grid[],
): ResourcesWrite {
  const kind = importKind(detectKind(choice, fileName, text));
  const out = kind ? kind(text, fileName, {}) : { rows: [], errors: [`${fileName}: unknown import kind`] };
  if (out.errors.length > 0) {
    return {
      sheet: RESOURCES_SHEET_NAME,
      imported: 0,
      added: 0,
      replaced: 0,
      newColumns: [],
      warnings: out.warnings ?? [],
      patches: [],
      refusal: out.errors.join('\n'),
    };
  }
  return { ...planResourcesWrite(grids, RESOURCES_SHEET_NAME, out.rows), warnings: out.warnings ?? [] };
}
