// Fields seen per resource type: plain columns, dotted columns, and JSON paths inside JSON cells and Document.
import { parsePath, pathText } from '../lang/path';
import type { Segment } from '../lang/ast';
import type { Resource, ResourceSheet } from '../rulebook/model';
import type { Cell, Grid } from '../types';
import { cellText, isBlank } from '../values/cells';
import { readRulebook } from '../rulebook/read';
import type { BuilderData, FieldView, TypeView } from './types';
import { nextRuleId, nextRuleIdForType } from './rule-id';

/** How many distinct values a field keeps and offers; beyond it, counting stops growing memory. */
export const MAX_VALUES = 50;
const MAX_TRACKED = 1000;
/** JSON deeper than this is not offered field by field (it stays reachable by typing the path). */
const MAX_DEPTH = 8;

interface FieldTally {
  path: string;
  seen: number;
  /** The last resource counted, so a path seen twice in one resource (through `[*]`) counts once. */
  lastResource?: Resource;
  values: Map<string, number>;
}

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

/** Types in first-seen order, each with its fields (columns first, then JSON paths, in discovery order). */
export function builderData(grids: Grid[]): BuilderData {
  const book = readRulebook(grids);
  const types = fieldsByType(book.resources).map((t) => ({
    ...t,
    nextRuleId: nextRuleIdForType(book.rules, t.type),
  }));
  return { types, nextRuleId: nextRuleId(book.rules.map((r) => r.id)) };
}

export function fieldsByType(resources: readonly Resource[]): Omit<TypeView, 'nextRuleId'>[] {
  const byType = new Map<string, { count: number; fields: Map<string, FieldTally> }>();
  for (const res of resources) {
    let entry = byType.get(res.type);
    if (!entry) byType.set(res.type, (entry = { count: 0, fields: new Map() }));
    entry.count++;
    collectResource(res, entry.fields);
  }
  return [...byType].map(([type, { count, fields }]) => ({
    type,
    count,
    fields: [...fields.values()].map(toView),
  }));
}

function toView(t: FieldTally): FieldView {
  const values = [...t.values]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_VALUES)
    .map(([v]) => v);
  return { path: t.path, seen: t.seen, values };
}

function collectResource(res: Resource, fields: Map<string, FieldTally>): void {
  const sheet = res.sheet;
  sheet.headers.forEach((header, col) => {
    if (col === sheet.idCol || col === sheet.typeCol || header === '') return;
    const cell = res.cells[col];
    if (col === sheet.documentCol) {
      const doc = parseJson(cell);
      if (doc !== undefined && doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
        for (const [key, v] of Object.entries(doc)) {
          // A name that is also a column reads the column (`type` is the Type column): offer `Document.type`.
          const at: Segment[] = sheet.columnByName.has(key.toLowerCase())
            ? [{ key: header }, { key }]
            : [{ key }];
          walk(at, v, res, fields, 1);
        }
      }
      return;
    }
    const segments = columnSegments(header, sheet);
    if (!segments) return;
    const json = parseJson(cell);
    if (json !== undefined) walk(segments, json, res, fields, 0);
    else if (!isBlank(cell)) note(fields, segments, res, cell);
  });
}

/** A header as path segments, when the header is a path the engine can resolve (`Business Unit` is not). */
const segmentCache = new WeakMap<ResourceSheet, Map<string, Segment[] | null>>();
function columnSegments(header: string, sheet: ResourceSheet): Segment[] | undefined {
  let cache = segmentCache.get(sheet);
  if (!cache) segmentCache.set(sheet, (cache = new Map()));
  if (!cache.has(header)) {
    const parsed = parsePath(header);
    const ok =
      parsed.value && parsed.problems.length === 0 && !parsed.value.segments.some((s) => !('key' in s));
    cache.set(header, ok && parsed.value ? parsed.value.segments : null);
  }
  return cache.get(header) ?? undefined;
}

/** JSON for a text cell that holds a JSON object or list; undefined otherwise. */
function parseJson(cell: Cell | undefined): Json | undefined {
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

function walk(at: Segment[], v: Json, res: Resource, fields: Map<string, FieldTally>, depth: number): void {
  if (v === null) return;
  if (Array.isArray(v)) {
    note(fields, at, res, null);
    // A list of plain values offers its elements as values too, for `includes` and `is one of`.
    for (const item of v) if (item !== null && typeof item !== 'object') note(fields, at, res, item);
    if (depth >= MAX_DEPTH) return;
    const each = [...at, { wildcard: true as const }];
    for (const item of v) walk(each, item, res, fields, depth + 1);
    return;
  }
  if (typeof v === 'object') {
    note(fields, at, res, null);
    if (depth >= MAX_DEPTH) return;
    for (const [key, x] of Object.entries(v)) walk([...at, { key }], x, res, fields, depth + 1);
    return;
  }
  note(fields, at, res, v);
}

/** Counts one occurrence of a path on a resource, and its value unless it is null (a list or an object). */
function note(fields: Map<string, FieldTally>, segments: Segment[], res: Resource, value: Cell): void {
  const path = pathText(segments);
  let t = fields.get(path);
  if (!t) fields.set(path, (t = { path, seen: 0, values: new Map() }));
  if (t.lastResource !== res) {
    t.seen++;
    t.lastResource = res;
  }
  const text = cellText(value);
  if (text === '') return;
  const n = t.values.get(text);
  if (n !== undefined) t.values.set(text, n + 1);
  else if (t.values.size < MAX_TRACKED) t.values.set(text, 1);
}
