// AWS Config import: snapshots and `aws configservice` output into rows keyed by resourceId, in the packs' vocabulary.
import { awsConfigColumns } from './aws-config-vocabulary';
import { parseJsonText } from './parse-json';
import { isObject, routingFromTags, RowBuilder, tagObject, type Json } from './row-builder';
import type { ImportedResource, ImportOptions, ImportOutput } from './types';

/** The item lists the various AWS Config outputs use. */
const ITEM_KEYS = ['configurationItems', 'baseConfigurationItems', 'ConfigurationItems', 'Results', 'items'];

const PROMOTED = [
  'arn',
  'ARN',
  'accountId',
  'awsAccountId',
  'awsRegion',
  'availabilityZone',
  'resourceCreationTime',
  'configurationItemCaptureTime',
  'configurationItemStatus',
];

export function importAwsConfig(text: string, fileName: string, _options: ImportOptions = {}): ImportOutput {
  const parsed = parseJsonText(text, fileName);
  if (parsed.error !== undefined) return { rows: [], errors: [parsed.error] };
  const items = itemList(parsed.value);
  if (!items) {
    return {
      rows: [],
      errors: [
        `${fileName}: not AWS Config output: expected configurationItems (or a list of items with resourceType and resourceId).`,
      ],
    };
  }
  const rows: ImportedResource[] = [];
  const errors: string[] = [];
  items.forEach((raw, i) => {
    const where = `${fileName} item ${i + 1}`;
    // `select-resource-config` and the history API hand items (and configuration) over as JSON text.
    const text = typeof raw === 'string' ? parseJsonText(raw, where) : undefined;
    if (text?.error !== undefined) {
      errors.push(text.error);
      return;
    }
    const item = text ? text.value : raw;
    if (
      !isObject(item) ||
      typeof item.resourceType !== 'string' ||
      item.resourceId === undefined ||
      item.resourceId === null
    ) {
      errors.push(`${where}: an item needs resourceType and resourceId.`);
      return;
    }
    const tags = tagObject(item.tags);
    // A type the packs know is named and shaped as Terraform names it, so one rule judges both imports alike.
    const mapped = awsConfigColumns(
      item.resourceType,
      decoded(item.configuration),
      decodedEach(item.supplementaryConfiguration),
    );
    const b = new RowBuilder(mapped?.type ?? item.resourceType, String(item.resourceId), where);
    b.set('Name', typeof item.resourceName === 'string' ? item.resourceName : undefined);
    for (const [col, v] of Object.entries(routingFromTags(tags))) b.set(col, v);
    for (const [col, v] of Object.entries(mapped?.columns ?? {})) b.setJson(col, v);
    for (const key of PROMOTED) b.set(key, scalar(item[key]));
    b.setJson('configuration', decoded(item.configuration) ?? {});
    b.setJson('supplementaryConfiguration', decodedEach(item.supplementaryConfiguration) ?? {});
    b.setJson('tags', tags ?? {});
    b.setJson('Document', {
      ...item,
      configuration: decoded(item.configuration),
      supplementaryConfiguration: decodedEach(item.supplementaryConfiguration),
    } as Json);
    const row = b.build();
    if (row) rows.push(row);
    for (const e of b.errors) errors.push(e);
  });
  return { rows, errors };
}

function itemList(value: Json): Json[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return undefined;
  if (typeof value.resourceType === 'string') return [value];
  for (const key of ITEM_KEYS) if (Array.isArray(value[key])) return value[key] as Json[];
  return undefined;
}

function scalar(v: Json | undefined): string | number | boolean | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
}

/** JSON text that holds an object or list becomes that value; anything else stays as it is. */
function decoded(v: Json | undefined): Json | undefined {
  if (typeof v !== 'string' || !/^\s*[[{]/.test(v)) return v;
  const parsed = parseJsonText(v, '');
  return parsed.error === undefined ? parsed.value : v;
}

function decodedEach(v: Json | undefined): Json | undefined {
  if (!isObject(v)) return decoded(v);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decoded(x) ?? null]));
}
