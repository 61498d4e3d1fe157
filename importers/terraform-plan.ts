// Terraform import: `terraform show -json` (a plan, or state) into rows keyed by resource address.
import { parseJsonText } from './parse-json';
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

  const rows: ImportedResource[] = [];
  const errors: string[] = [];
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
    add(rows, errors, fileName, {
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
    add(rows, errors, fileName, {
      ...p,
      module: moduleOf(p.address),
      action: changes.length ? 'no-op' : undefined,
    });
  }
  return { rows, errors };
}

function add(
  rows: ImportedResource[],
  errors: string[],
  fileName: string,
  r: Planned & { module?: string; action?: string },
) {
  const values = isObject(r.values) ? r.values : {};
  const tags = tagObject(values.tags_all ?? values.tags);
  const b = new RowBuilder(r.type, r.address, fileName);
  const displayName = tags?.Name ?? values.name ?? values.bucket ?? r.name;
  b.set('Name', typeof displayName === 'string' ? displayName : r.name);
  for (const [col, v] of Object.entries(routingFromTags(tags))) b.set(col, v);
  b.set('Module', r.module).set('Plan Action', r.action);
  b.promoteScalars(values);
  b.setJson('Document', values);
  const row = b.build();
  if (row) rows.push(row);
  for (const e of b.errors) errors.push(e);
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
