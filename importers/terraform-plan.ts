// Terraform import: `terraform show -json` (a plan, or state) into rows keyed by resource address.
import { parseJsonText } from './parse-json';
import { terraformAwsColumns } from './terraform-aws';
import { isObject, routingFromTags, RowBuilder, tagObject, type Json } from './row-builder';
import type { ImportedResource, ImportOptions, ImportOutput } from './types';

interface Planned {
  address: string;
  type: string;
  name: string;
  values: Json;
}

export function importTerraformPlan(
  text: string,
  fileName: string,
  _options: ImportOptions = {},
): ImportOutput {
  const parsed = parseJsonText(text, fileName);
  if (parsed.error !== undefined) return { rows: [], errors: [parsed.error] };
  const plan = parsed.value;
  if (
    !isObject(plan) ||
    (!Array.isArray(plan.resource_changes) && !isObject(plan.planned_values) && !isObject(plan.values))
  ) {
    return {
      rows: [],
      errors: [
        `${fileName}: not a Terraform plan: expected the output of "terraform show -json" (resource_changes or planned_values).`,
      ],
    };
  }
  const warnings: string[] = [];
  const planned = new Map<string, Planned>();
  plannedResources(
    isObject(plan.planned_values)
      ? plan.planned_values.root_module
      : isObject(plan.values)
        ? plan.values.root_module
        : undefined,
    isObject(plan.planned_values) ? 'planned_values' : 'values',
    planned,
    (w) => warnings.push(`${fileName}: ${w}`),
  );

  const pending: Pending[] = [];
  const seen = new Set<string>();
  const changes = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
  changes.forEach((change, i) => {
    const malformed = malformedEntry(change, 'change');
    if (malformed) {
      const instead =
        isObject(change) && typeof change.address === 'string' && planned.has(change.address)
          ? '; its planned values are imported instead'
          : '';
      warnings.push(
        `${fileName}: resource_changes[${i}]${addressOf(change)}: skipped: ${malformed}${instead}.`,
      );
      return;
    }
    const entry = change as { [key: string]: Json };
    if (entry.mode === 'data') return;
    const address = entry.address as string;
    seen.add(address);
    const detail = entry.change as { [key: string]: Json };
    const actions = Array.isArray(detail.actions) ? detail.actions.map(String) : [];
    // A plain delete leaves nothing to check once applied; a replace (delete + create) is checked as its new self.
    if (actions.length === 1 && actions[0] === 'delete') return;
    const after = detail.after ?? planned.get(address)?.values ?? null;
    pending.push({
      address,
      type: String(entry.type ?? ''),
      name: String(entry.name ?? ''),
      module: typeof entry.module_address === 'string' ? entry.module_address : undefined,
      action: actionWord(actions),
      values: after,
    });
  });
  // Resources only in planned_values (or a state's values): nothing changes, but they are still there.
  for (const p of planned.values()) {
    if (seen.has(p.address)) continue;
    pending.push({
      ...p,
      module: moduleOf(p.address),
      action: changes.length ? 'no-op' : undefined,
    });
  }
  // Companions (aws_s3_bucket_versioning…) are folded onto their owner, in the columns the packs read.
  const aws = terraformAwsColumns(pending, plan.configuration);
  const rows: ImportedResource[] = [];
  const errors: string[] = [];
  for (const p of pending) add(rows, errors, fileName, p, aws.get(p.address));
  return { rows, errors, warnings };
}

type Pending = Planned & { module?: string; action?: string };

function add(
  rows: ImportedResource[],
  errors: string[],
  fileName: string,
  r: Pending,
  vocabulary: Record<string, Json | undefined> = {},
) {
  const values = isObject(r.values) ? r.values : {};
  const tags = tagObject(values.tags_all ?? values.tags);
  const b = new RowBuilder(r.type, r.address, fileName);
  const displayName = tags?.Name ?? values.name ?? values.bucket ?? r.name;
  b.set('Name', typeof displayName === 'string' ? displayName : r.name);
  for (const [col, v] of Object.entries(routingFromTags(tags))) b.set(col, v);
  b.set('Module', r.module).set('Plan Action', r.action);
  for (const [col, v] of Object.entries(vocabulary)) b.setJson(col, v);
  b.promoteScalars(values);
  b.setJson('Document', values);
  const row = b.build();
  if (row) rows.push(row);
  for (const e of b.errors) errors.push(e);
}

/**
 * Why an entry of resource_changes (`what` 'change') or of a module's resources (`what` 'values') cannot be
 * imported, or undefined when it can. Data sources are well formed: they are left out, not skipped.
 */
function malformedEntry(entry: Json, what: 'change' | 'values'): string | undefined {
  if (!isObject(entry)) return `it is ${Array.isArray(entry) ? 'a list' : 'not an object'}`;
  if (typeof entry.address !== 'string' || entry.address.trim() === '') return 'it has no address';
  if (entry.mode === 'data') return undefined;
  if (typeof entry.type !== 'string' || entry.type.trim() === '') return 'it has no type';
  if (what === 'change' && !isObject(entry.change)) return 'its "change" is not an object';
  return undefined;
}

/** ` (address)` for a message, when the entry has one. */
function addressOf(entry: Json): string {
  return isObject(entry) && typeof entry.address === 'string' ? ` (${entry.address})` : '';
}

/**
 * planned_values' module tree, child modules included, managed resources only. Walked with a list, not by
 * recursion: depth is bounded when the file is read, but a walk should not depend on it.
 */
function plannedResources(
  root: Json | undefined,
  rootPath: string,
  out: Map<string, Planned>,
  warn: (message: string) => void,
) {
  const pending: { module: Json | undefined; path: string }[] = [
    { module: root, path: `${rootPath}.root_module` },
  ];
  while (pending.length) {
    const { module, path } = pending.shift()!;
    if (!isObject(module)) continue;
    const resources = Array.isArray(module.resources) ? module.resources : [];
    resources.forEach((r, i) => {
      const malformed = malformedEntry(r, 'values');
      if (malformed) {
        warn(`${path}.resources[${i}]${addressOf(r)}: skipped: ${malformed}.`);
        return;
      }
      const entry = r as { [key: string]: Json };
      if (entry.mode === 'data') return;
      out.set(entry.address as string, {
        address: entry.address as string,
        type: entry.type as string,
        name: String(entry.name ?? ''),
        values: entry.values ?? null,
      });
    });
    const children = Array.isArray(module.child_modules) ? module.child_modules : [];
    children.forEach((child, i) => pending.push({ module: child, path: `${path}.child_modules[${i}]` }));
  }
}

function moduleOf(address: string): string | undefined {
  const m = /^(.*module\.[^.]+(?:\[[^\]]*\])?)\.[^.]+\.[^.]+$/.exec(address);
  return m ? m[1] : undefined;
}

function actionWord(actions: string[]): string | undefined {
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  return actions[0];
}
