// Generic JSON import: an array of objects (or an object holding one array) with --type and --id FIELD.
import { parseJsonText } from './parse-json';
import { isObject, isScalar, RowBuilder, type Json } from './row-builder';
import type { ImportedResource, ImportOptions, ImportOutput } from './types';

export function importJson(text: string, fileName: string, options: ImportOptions = {}): ImportOutput {
  const parsed = parseJsonText(text, fileName);
  if (parsed.error !== undefined) return { rows: [], errors: [parsed.error] };
  const list = arrayOf(parsed.value);
  if (typeof list === 'string') return { rows: [], errors: [`${fileName}: ${list}`] };
  const idField = options.id ?? 'id';
  const rows: ImportedResource[] = [];
  const errors: string[] = [];
  list.forEach((item, i) => {
    const where = `${fileName} item ${i + 1}`;
    if (!isObject(item)) {
      errors.push(
        `${where}: expected an object, found ${Array.isArray(item) ? 'a list' : JSON.stringify(item)}.`,
      );
      return;
    }
    const id = at(item, idField);
    const type = options.type ?? at(item, 'type');
    if (!isScalar(id) || String(id).trim() === '') {
      errors.push(
        `${where}: no ${idField} to use as the Resource ID${options.id ? '' : '; name the field with --id FIELD'}.`,
      );
      return;
    }
    if (!isScalar(type) || String(type).trim() === '') {
      errors.push(`${where}: no Type; give one with --type.`);
      return;
    }
    const b = new RowBuilder(String(type), String(id), where);
    b.promoteScalars(item);
    b.setJson('Document', item);
    const row = b.build();
    if (row) rows.push(row);
    for (const e of b.errors) errors.push(e);
  });
  return { rows, errors };
}

/** The array to import, or why there is none. */
function arrayOf(value: Json): Json[] | string {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return 'expected an array of objects.';
  const arrays = Object.keys(value).filter((k) => Array.isArray(value[k]));
  if (arrays.length === 1) return value[arrays[0]] as Json[];
  if (arrays.length === 0) return 'expected an array of objects, or an object with one array property.';
  return `expected one array property, found ${arrays.length} (${arrays.join(', ')}); extract the one to import.`;
}

/** A dotted path into an object (`owner.login`); an exact key wins over a path. */
function at(obj: { [key: string]: Json }, path: string): Json | undefined {
  if (path in obj) return obj[path];
  let cur: Json | undefined = obj;
  for (const key of path.split('.')) cur = isObject(cur) ? cur[key] : undefined;
  return cur;
}
