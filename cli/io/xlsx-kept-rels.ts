// A kept sheet's links and Excel tables, written beside it: its relationships as read, its tables numbered after ExcelJS's.
import type JSZip from 'jszip';
import { type Rel, relsOf, relsXml } from './xlsx-rels';

/** A kept sheet's relationships: links (external) and Excel tables, whose parts are written beside it. */
export interface KeptRels {
  rels: Rel[];
  /** Per relationship id, the table part's XML as read. */
  tables: Map<string, string>;
}

const TABLE_PART = /^xl\/tables\/table(\d+)\.xml$/;
const TABLE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

/**
 * Where the root element's start tag is (`<table …>`): found with indexOf past the XML declaration and any
 * comment, so a hostile part (a tag that never closes, many `<table` starts) costs one pass.
 */
function rootTag(xml: string): { start: number; end: number } | undefined {
  let at = 0;
  for (;;) {
    const start = xml.indexOf('<', at);
    if (start < 0) return undefined;
    const comment = xml.startsWith('<!--', start);
    const end = comment ? xml.indexOf('-->', start) : xml.indexOf('>', start);
    if (end < 0) return undefined;
    const next = xml[start + 1];
    if (!comment && next !== '?' && next !== '!') return { start, end };
    at = end + 1;
  }
}

const TABLE_TAG = /^<(?:\w+:)?table[\s/>]/;
const ID_ATTR = /(\sid\s*=\s*")(\d+)(")/;

/** The table's id as its root element has it, or undefined. */
export function tableIdOf(xml: string): number | undefined {
  const tag = rootTag(xml);
  const text = tag && xml.slice(tag.start, tag.end + 1);
  const id = text && TABLE_TAG.test(text) ? ID_ATTR.exec(text) : null;
  return id ? Number(id[2]) : undefined;
}

/** The table's id (unique in a workbook) set to `id` on its root element; the rest as it was. */
export function withTableId(xml: string, id: number): string {
  const tag = rootTag(xml);
  if (!tag) return xml;
  const text = xml.slice(tag.start, tag.end + 1);
  if (!TABLE_TAG.test(text)) return xml;
  return xml.slice(0, tag.start) + text.replace(ID_ATTR, `$1${id}$3`) + xml.slice(tag.end + 1);
}

/** [Content_Types].xml naming each of `parts` a table. */
export function withTableTypes(types: string, parts: string[]): string {
  const end = types.lastIndexOf('</Types>');
  if (end < 0 || parts.length === 0) return types;
  const overrides = parts.map((p) => `<Override PartName="/${p}" ContentType="${TABLE_TYPE}"/>`).join('');
  return types.slice(0, end) + overrides + types.slice(end);
}

/**
 * The parts to add to the package ExcelJS wrote for the kept sheets' relationships (by the kept sheet's part name):
 * each sheet's .rels, pointing its tables at new part names after ExcelJS's own, and the table parts with ids
 * after ExcelJS's. `tables` lists the new table parts, for [Content_Types].xml.
 */
export async function keptRelsParts(
  kept: Map<string, KeptRels>,
  pkg: JSZip,
): Promise<{ parts: Map<string, string>; tables: string[] }> {
  let lastNo = 0;
  let lastId = 0;
  for (const name of Object.keys(pkg.files)) {
    const no = TABLE_PART.exec(name);
    if (!no) continue;
    lastNo = Math.max(lastNo, Number(no[1]));
    const id = tableIdOf((await pkg.file(name)?.async('string')) ?? '');
    if (id !== undefined) lastId = Math.max(lastId, id);
  }
  const parts = new Map<string, string>();
  const tables: string[] = [];
  for (const [sheetPart, { rels, tables: xmlOf }] of kept) {
    const relsPart = relsOf(sheetPart);
    if (pkg.file(relsPart)) throw new Error(`the workbook written already has ${relsPart}`);
    const out = rels.map((r) => {
      const xml = xmlOf.get(r.id);
      if (xml === undefined) return r;
      const name = `xl/tables/table${++lastNo}.xml`;
      parts.set(name, withTableId(xml, ++lastId));
      tables.push(name);
      return { ...r, target: `../tables/table${lastNo}.xml` };
    });
    parts.set(relsPart, relsXml(out));
  }
  return { parts, tables };
}
