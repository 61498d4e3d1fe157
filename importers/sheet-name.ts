// Checking a sheet name the import will write: Excel's naming rules, and a name the engine reads as resources.
import { normalizeName } from '../core';

/** Why a sheet name cannot take imported resources, or undefined when it can. */
export function sheetNameProblem(name: string): string | undefined {
  if (!name.trim()) return 'the sheet name is empty';
  if (name.length > 31) return `the sheet name '${name}' is longer than Excel's 31 characters`;
  if (/[:\\/?*[\]]/.test(name))
    return `the sheet name '${name}' holds a character Excel forbids (: \\ / ? * [ ])`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `the sheet name '${name}' starts or ends with an apostrophe, which Excel forbids`;
  if (!normalizeName(name).startsWith('resources')) {
    return `the sheet '${name}' would not be read as resources; name it Resources or start it with "Resources" (e.g. "Resources - AWS")`;
  }
  return undefined;
}
