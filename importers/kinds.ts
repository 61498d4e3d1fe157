// The import kinds by name, as `rulesheet import <kind>` takes them.
import { importAwsConfig } from './aws-config';
import { importCsv } from './csv';
import { importJson } from './json';
import { importKubernetes } from './kubernetes';
import { importTerraformPlan } from './terraform-plan';
import type { ImportKind } from './types';

export const IMPORT_KINDS: Record<string, ImportKind> = {
  kubernetes: importKubernetes,
  'terraform-plan': importTerraformPlan,
  'aws-config': importAwsConfig,
  json: importJson,
  csv: importCsv,
};

/** Accepted spellings beside the names. */
export const KIND_ALIASES: Record<string, string> = {
  k8s: 'kubernetes',
  terraform: 'terraform-plan',
  tf: 'terraform-plan',
};

export function importKind(name: string): ImportKind | undefined {
  const key = name.toLowerCase();
  return IMPORT_KINDS[KIND_ALIASES[key] ?? key];
}
