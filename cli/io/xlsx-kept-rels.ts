// A kept sheet's links, Excel tables and printer settings, written beside it: its relationships as read, its parts numbered after ExcelJS's.
import type JSZip from 'jszip';
import { type Rel, relsOf, relsXml } from './xlsx-rels';

/**
 * A kept sheet's relationships: links (external), Excel tables and printer settings (the binary part Excel keeps
 * a sheet's printer in), whose parts are written beside it.
 */
export interface KeptRels {
  rels: Rel[];
  /** Per relationship id, the table part's XML as read. */
  tables: Map<string, string>;
  /** Per relationship id, the printer settings part's bytes as read. */
  printers: Map<string, Uint8Array>;
}

const TABLE_PART = /^xl\/tables\/table(\d+)\.xml$/;
const PRINTER_PART = /^xl\/printerSettings\/printerSettings(\d+)\.bin$/;
export const TABLE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
export const PRINTER_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings';

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

/** [Content_Types].xml naming each of `parts` (part name → content type). */
export function withPartTypes(types: string, parts: Map<string, string>): string {
  const end = types.lastIndexOf('</Types>');
  if (end < 0 || parts.size === 0) return types;
  const overrides = [...parts]
    .map(([p, type]) => `<Override PartName="/${p}" ContentType="${type}"/>`)
    .join('');
  return types.slice(0, end) + overrides + types.slice(end);
}

/**
 * The parts to add to the package ExcelJS wrote for the kept sheets' relationships (by the kept sheet's part name):
 * each sheet's .rels, pointing its tables and printer settings at new part names after ExcelJS's own, the table
 * parts with ids after ExcelJS's, and the printer settings as read. `types` gives each new part's content type,
 * for [Content_Types].xml.
 */
export async function keptRelsParts(
  kept: Map<string, KeptRels>,
  pkg: JSZip,
): Promise<{ parts: Map<string, string | Uint8Array>; types: Map<string, string> }> {
  let lastTable = 0;
  let lastId = 0;
  let lastPrinter = 0;
  for (const name of Object.keys(pkg.files)) {
    const printer = PRINTER_PART.exec(name);
    if (printer) lastPrinter = Math.max(lastPrinter, Number(printer[1]));
    const no = TABLE_PART.exec(name);
    if (!no) continue;
    lastTable = Math.max(lastTable, Number(no[1]));
    const id = tableIdOf((await pkg.file(name)?.async('string')) ?? '');
    if (id !== undefined) lastId = Math.max(lastId, id);
  }
  const parts = new Map<string, string | Uint8Array>();
  const types = new Map<string, string>();
  for (const [sheetPart, { rels, tables, printers }] of kept) {
    const relsPart = relsOf(sheetPart);
    if (pkg.file(relsPart)) throw new Error(`the workbook written already has ${relsPart}`);
    const out = rels.map((r) => {
      const xml = tables.get(r.id);
      const bytes = printers.get(r.id);
      if (xml !== undefined) {
        const name = `xl/tables/table${++lastTable}.xml`;
        parts.set(name, withTableId(xml, ++lastId));
        types.set(name, TABLE_TYPE);
        return { ...r, target: `../tables/table${lastTable}.xml` };
      }
      if (bytes !== undefined) {
        const name = `xl/printerSettings/printerSettings${++lastPrinter}.bin`;
        parts.set(name, bytes);
        types.set(name, PRINTER_TYPE);
        return { ...r, target: `../printerSettings/printerSettings${lastPrinter}.bin` };
      }
      return r;
    });
    parts.set(relsPart, relsXml(out));
  }
  return { parts, types };
}
