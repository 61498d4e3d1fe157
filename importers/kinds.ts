// The import kinds by name, as `rulesheet import <kind>` takes them.
import { importAwsConfig } from './aws-config';
import { importCsv } from './csv';
import { importJson } from './json';
import { importKubernetes } from './kubernetes';
import { importTerraformPlan } from './terraform-plan';
import type { ImportKind } from './types';

/**
 * A kind that never throws: whatever a hostile file makes a parser do (run out of stack or memory on a case
 * the bounds miss), the caller gets an error naming the file, and the run goes on.
 */
function guarded(kind: ImportKind): ImportKind {
  return (text, fileName, options) => {
    try {
      return kind(text, fileName, options);
    } catch (e) {
      const reason = String((e as Error)?.message ?? e).split('\n')[0];
      return { rows: [], errors: [`${fileName}: cannot import the file: ${reason}`] };
    }
  };
}

export const IMPORT_KINDS: Record<string, ImportKind> = {
  kubernetes: guarded(importKubernetes),
  'terraform-plan': guarded(importTerraformPlan),
  'aws-config': guarded(importAwsConfig),
  json: guarded(importJson),
  csv: guarded(importCsv),
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
