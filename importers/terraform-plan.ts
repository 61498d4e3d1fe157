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
  const planned = new Map<string, Planned>();
  plannedResources(
    isObject(plan.planned_values)
      ? plan.planned_values.root_module
      : isObject(plan.values)
        ? plan.values.root_module
        : undefined,
    planned,
  );

  const pending: Pending[] = [];
  const seen = new Set<string>();
  const changes = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
  for (const change of changes) {
    if (!isObject(change) || typeof change.address !== 'string' || change.mode === 'data') continue;
    seen.add(change.address);
    const detail = isObject(change.change) ? change.change : {};
    const actions = Array.isArray(detail.actions) ? detail.actions.map(String) : [];
    // A plain delete leaves nothing to check once applied; a replace (delete + create) is checked as its new self.
    if (actions.length === 1 && actions[0] === 'delete') continue;
    const after = detail.after ?? planned.get(change.address)?.values ?? null;
    pending.push({
      address: change.address,
      type: String(change.type ?? ''),
      name: String(change.name ?? ''),
      module: typeof change.module_address === 'string' ? change.module_address : undefined,
      action: actionWord(actions),
      values: after,
    });
  }
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
  return { rows, errors };
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
  errors.push(...b.errors);
}

/** planned_values' module tree, child modules included, managed resources only. */
function plannedResources(module: Json | undefined, out: Map<string, Planned>) {
  if (!isObject(module)) return;
  for (const r of Array.isArray(module.resources) ? module.resources : []) {
    if (!isObject(r) || typeof r.address !== 'string' || r.mode === 'data') continue;
    out.set(r.address, {
      address: r.address,
      type: String(r.type ?? ''),
      name: String(r.name ?? ''),
      values: r.values ?? null,
    });
  }
  for (const child of Array.isArray(module.child_modules) ? module.child_modules : [])
    plannedResources(child, out);
}

function moduleOf(address: string): string | undefined {
  const m = /^(.*module\.[^.]+(?:\[[^\]]*\])?)\.[^.]+\.[^.]+$/.exec(address);
  return m ? m[1] : undefined;
}

function actionWord(actions: string[]): string | undefined {
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  return actions[0];
}
