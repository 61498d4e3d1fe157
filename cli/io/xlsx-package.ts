// An .xlsx package looked at before ExcelJS reads it: charts found, other tools' layouts and hostile ranges made safe to load.
import { Readable } from 'stream';
import JSZip from 'jszip';
import type { Cell } from '../../core';
import { InputError } from './input-error';
import * as unzipper from 'unzipper';
import { firstLine } from './input-error';
import { rangeCells } from './xlsx-ranges';
import { date1904Of, dateStylesOf, sharedStringsOf, type ValueContext } from './xlsx-values';
import { sheetValuesInHalves } from './xlsx-values-halves';
import { inflatedPart, type ZipEntry } from './zip-part';
import { canAppendTo, type KeptSheets } from './xlsx-kept';
import type { KeptRels } from './xlsx-kept-rels';
import { attr, parseRels, type Rel, relsOf, relsXml, resolve, unescapeXml } from './xlsx-rels';

/** Merged cells a workbook may hold, all sheets together: ExcelJS makes an object for every cell of a merge as it reads. */
export const MAX_MERGED_CELLS = 100_000;
/** Merges a sheet may hold: ExcelJS checks each new merge against every earlier one. */
export const MAX_MERGES = 10_000;

export interface PreparedPackage {
  /** The package to give ExcelJS: the file's own bytes when nothing needed changing. */
  data: Buffer;
  /** Sheets that hold a chart (the workbook's name for a chart sheet); ExcelJS cannot keep them. */
  charts: string[];
  /** Per sheet name, the data validations' ranges as written, by the placeholder address ExcelJS read them under. */
  validations: Map<string, Map<string, string[]>>;
  /** The values of the sheets read for their values only (by name), which ExcelJS is given empty. */
  values: Map<string, Cell[][]>;
  /** Sheets to be written back as read (ExcelJS is given them empty), with the parts their cells refer to. */
  kept?: KeptSheets;
  /** The file's xl/workbook.xml, whose defined names a run puts back (see xlsx-defined-names.ts). */
  workbookXml: string;
}

/** A worksheet with no cells: what ExcelJS reads in place of a sheet read for its values only. */
const EMPTY_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/></worksheet>';

const REL_COMMENTS = /\/comments$/;
const REL_VML = /\/vmlDrawing$/;
const REL_DRAWING = /\/drawing$/;
const REL_CHART = /\/chart(?:Ex)?$/;
const REL_CHARTSHEET = /\/chartsheet$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_STYLES = /\/styles$/;
const REL_TABLE = /\/table$/;
const REL_LINK = /\/hyperlink#external$/;
const REL_PRINTER = /\/printerSettings$/;

/**
 * Reads the package and returns what ExcelJS can load within bounds. Raises InputError (naming the file and
 * the sheet) for a package that is not a zip, lacks its workbook, or holds more merged cells than the bounds.
 */
export async function preparePackage(
  file: string,
  bytes: Buffer,
  /** Sheets whose values alone are wanted (a run rewrites them whole): read here as they are inflated, never by ExcelJS. */
  valuesOnly: (sheet: string) => boolean = () => false,
  /**
   * Sheets a run will not write (Resources): read for their values and copied into the written workbook byte for
   * byte, when they refer to no other part (no notes, tables, links or drawings) and the styles and shared strings
   * can take appended items; otherwise read by ExcelJS as any sheet.
   */
  keep: (sheet: string) => boolean = () => false,
  /** For a sheet read for its values only, the columns wanted below its header (see sheetValues); none: all. */
  columnsOf: (sheet: string) => ((header: Cell[]) => readonly number[] | undefined) | undefined = () =>
    undefined,
): Promise<PreparedPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new InputError(`${file}: cannot read the workbook: it is not an .xlsx (zip) file`, file);
  }
  const workbookXml = await text(zip, 'xl/workbook.xml');
  if (workbookXml === undefined) {
    throw new InputError(`${file}: cannot read the workbook: the package has no xl/workbook.xml`, file);
  }
  let changed = false;
  const charts: string[] = [];
  const validations = new Map<string, Map<string, string[]>>();
  const values = new Map<string, Cell[][]>();
  let context: ValueContext | undefined;
  let directory: Awaited<ReturnType<typeof unzipper.Open.buffer>> | null | undefined;
  const workbookRels = await rels(zip, 'xl/_rels/workbook.xml.rels');
  // ExcelJS files comments as xl/commentsN.xml and xl/drawings/vmlDrawingN.vml; other tools use other names.
  let partNo = 1000;
  let mergedCells = 0;
  let kept: KeptSheets | undefined;
  let appendable: boolean | undefined;
  const stringsPart = sharedStringsPart(workbookRels);
  // Both parts are read at most once, for the values' context and for the kept sheets alike.
  let stylesXml: Promise<string | undefined> | undefined;
  let stringsXml: Promise<string | undefined> | undefined;
  // unzipper inflates natively as a part is read (JSZip inflates in JavaScript); JSZip is the fallback.
  const opened = async () => (directory ??= await unzipper.Open.buffer(bytes).catch(() => null));
  const nativeText = async (path: string): Promise<string | undefined> => {
    const found = (await opened())?.files.find((f) => f.path === path);
    if (!found) return text(zip, path);
    const chunks = inflatedPart(bytes, found as ZipEntry);
    if (!chunks) return (await found.buffer()).toString('utf8');
    const read: Buffer[] = [];
    for await (const chunk of chunks) read.push(chunk);
    return Buffer.concat(read).toString('utf8');
  };
  const styles = () => (stylesXml ??= text(zip, 'xl/styles.xml'));
  // The shared strings of a large book are megabytes: inflated natively, they are read in a fraction of the time.
  const strings = () => (stringsXml ??= nativeText(stringsPart));
  const valueContext = async (): Promise<ValueContext> =>
    (context ??= {
      sharedStrings: sharedStringsOf(await strings(), stringsPart),
      dateStyles: dateStylesOf(await styles()),
      date1904: date1904Of(workbookXml),
    });
  for (const sheet of sheetsOf(workbookXml)) {
    const rel = workbookRels.find((r) => r.id === sheet.rid);
    if (!rel) continue;
    const part = resolve('xl/workbook.xml', rel.target);
    if (REL_CHARTSHEET.test(rel.type)) {
      charts.push(sheet.name);
      continue;
    }
    if (!REL_WORKSHEET.test(rel.type)) continue;
    // A sheet that refers to other parts is kept only when they are links, Excel tables and printer settings,
    // which go with it.
    let keptRels: KeptRels | undefined;
    let keeping = keep(sheet.name) && !valuesOnly(sheet.name) && zip.file(part) !== null;
    if (keeping) keeping = (keptRels = await keepableRels(zip, part)) !== undefined;
    if (keeping && appendable === undefined) {
      const stylesText = (await styles()) ?? '';
      const sharedStrings = (await strings()) ?? '';
      // The styles are merged where ExcelJS writes them: a workbook keeping them elsewhere is read by ExcelJS.
      const stylesRel = workbookRels.find((r) => REL_STYLES.test(r.type));
      const stylesAt = stylesRel ? resolve('xl/workbook.xml', stylesRel.target) : 'xl/styles.xml';
      appendable = stylesAt === 'xl/styles.xml' && canAppendTo(stylesText, sharedStrings);
      if (appendable)
        kept = { parts: new Map(), styles: stylesText, sharedStrings, sharedCount: 0, rels: new Map() };
    }
    keeping &&= appendable === true;
    if ((valuesOnly(sheet.name) || keeping) && zip.file(part)) {
      try {
        const ctx = await valueContext();
        const native = (await opened())?.files.find((f) => f.path === part);
        const entry = zip.file(part) as JSZip.JSZipObject;
        const open = (): AsyncIterable<Buffer> =>
          native
            ? (inflatedPart(bytes, native as ZipEntry) ?? (native.stream() as AsyncIterable<Buffer>))
            : streamOf(entry);
        // The size the zip declares only chooses where to cut a large sheet in two: a wrong one costs time, never values.
        const halves = { size: native?.uncompressedSize, reopen: open };
        if (keeping && kept) {
          const read: Buffer[] = [];
          values.set(
            sheet.name,
            await sheetValuesInHalves(open(), ctx, part, undefined, { ...halves, into: read }),
          );
          kept.parts.set(sheet.name, read);
          kept.sharedCount = ctx.sharedStrings.length;
          if (keptRels?.rels.length) {
            kept.rels.set(sheet.name, keptRels);
            // ExcelJS reads the sheet empty: its tables and printer settings are left out of what it reads, and
            // written back with it.
            for (const r of keptRels.rels)
              if (keptRels.tables.has(r.id) || keptRels.printers.has(r.id))
                zip.remove(resolve(part, r.target));
          }
        } else
          values.set(sheet.name, await sheetValuesInHalves(open(), ctx, part, columnsOf(sheet.name), halves));
      } catch (err) {
        throw new InputError(
          `${file}: cannot read the workbook: the sheet '${sheet.name}' cannot be read: ${firstLine(err)}`,
          file,
        );
      }
      // The sheet's charts still count (a rewrite would lose them); its other parts go with its cells.
      const sheetRels = await rels(zip, relsOf(part));
      for (const r of sheetRels)
        if (
          REL_DRAWING.test(r.type) &&
          (await rels(zip, relsOf(resolve(part, r.target)))).some((d) => REL_CHART.test(d.type))
        )
          charts.push(sheet.name);
      zip.file(part, EMPTY_SHEET);
      zip.remove(relsOf(part));
      changed = true;
      continue;
    }
    let xml = await text(zip, part);
    if (xml === undefined) continue;
    const original = xml;
    const relsPath = relsOf(part);
    const sheetRels = await rels(zip, relsPath);
    let relsChanged = false;
    for (const r of sheetRels) {
      const target = resolve(part, r.target);
      if (REL_COMMENTS.test(r.type)) {
        const name = `comments${partNo++}`;
        const xml = await text(zip, target);
        if (xml === undefined) continue;
        zip.remove(target);
        zip.file(`xl/${name}.xml`, plainCommentsAsRuns(xml));
        r.target = `../${name}.xml`;
        relsChanged = true;
      } else if (REL_VML.test(r.type) && !/^xl\/drawings\/vmlDrawing\d+\.vml$/.test(target)) {
        const name = `vmlDrawing${partNo++}`;
        move(zip, target, `xl/drawings/${name}.vml`);
        r.target = `../drawings/${name}.vml`;
        relsChanged = true;
      } else if (REL_TABLE.test(r.type)) {
        // ExcelJS finds a sheet's table only under the target `../tables/NAME.xml` (openpyxl writes
        // `/xl/tables/…`, and the table would be lost, or the whole read fail).
        let at = target;
        if (!/^xl\/tables\/[^/]+\.xml$/.test(at)) move(zip, target, (at = `xl/tables/table${partNo++}.xml`));
        const relative = `../tables/${at.slice('xl/tables/'.length)}`;
        if (r.target !== relative) {
          r.target = relative;
          relsChanged = true;
        }
        const table = await text(zip, at);
        if (table !== undefined) {
          const styled = withTableStyleInfo(table);
          if (styled !== table) {
            zip.file(at, styled);
            changed = true;
          }
        }
      } else if (REL_DRAWING.test(r.type)) {
        const drawingRels = await rels(zip, relsOf(target));
        if (drawingRels.some((d) => REL_CHART.test(d.type))) {
          // ExcelJS cannot read or write a chart: the drawing is left out of what it reads.
          charts.push(sheet.name);
          xml = withoutDrawing(xml, r.id);
          r.target = '';
          relsChanged = true;
          zip.remove(target);
          zip.remove(relsOf(target));
        }
      }
    }
    if (relsChanged) {
      zip.file(relsPath, relsXml(sheetRels.filter((r) => r.target !== '')));
      changed = true;
    }
    mergedCells = checkMerges(file, sheet.name, xml, mergedCells);
    const placed = placeValidations(xml);
    if (placed.ranges.size > 0) {
      validations.set(sheet.name, placed.ranges);
      xml = placed.xml;
    }
    if (xml !== original) {
      zip.file(part, xml);
      changed = true;
    }
  }
  if (charts.length === 0 && zip.file(/^xl\/charts\//).length > 0) charts.push('(workbook)');
  // Stored, not deflated: ExcelJS reads it at once, and JSZip's deflate runs in JavaScript.
  const data = changed ? await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }) : bytes;
  return { data, charts, validations, values, kept, workbookXml };
}

/**
 * A table without <tableStyleInfo> (openpyxl writes none when no style is set) as one with an unnamed one, which
 * means the same (no table style): ExcelJS cannot write a table it read without it.
 */
export function withTableStyleInfo(xml: string): string {
  if (/<(?:\w+:)?tableStyleInfo\b/.test(xml)) return xml;
  const close = /<\/((?:\w+:)?)table>\s*$/.exec(xml);
  if (!close) return xml;
  const prefix = close[1];
  const info = `<${prefix}tableStyleInfo showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/>`;
  // The schema puts it after the columns and before any extension list.
  const ext = xml.lastIndexOf(`<${prefix}extLst`);
  const at = ext >= 0 ? ext : close.index;
  return xml.slice(0, at) + info + xml.slice(at);
}

/** ExcelJS reads a note's text from runs (`<r><t>`); a plain `<text><t>` (openpyxl's) would come back empty. */
function plainCommentsAsRuns(xml: string): string {
  return xml.replace(
    /<((?:\w+:)?)text>(\s*)<((?:\w+:)?)t\b([^>]*)>([\s\S]*?)<\/\3t>(\s*)<\/\1text>/g,
    (_all, p: string, _a: string, q: string, attrs: string, body: string) =>
      `<${p}text><${q}r><${q}t${attrs}>${body}</${q}t></${q}r></${p}text>`,
  );
}

/** Refuses a sheet whose merges would make ExcelJS allocate beyond the bounds; returns the merged cells so far. */
function checkMerges(file: string, sheet: string, xml: string, before: number): number {
  let cells = before;
  let count = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]*)"/g)) {
    count++;
    const size = rangeCells(m[1]);
    cells += size;
    if (cells > MAX_MERGED_CELLS || count > MAX_MERGES) {
      const what =
        count > MAX_MERGES
          ? `more than ${MAX_MERGES.toLocaleString('en-US')} merged ranges`
          : `the merged range ${m[1]} (${size.toLocaleString('en-US')} cells); Rulesheet reads at most ${MAX_MERGED_CELLS.toLocaleString('en-US')} merged cells a workbook`;
      throw new InputError(
        `${file}: cannot read the workbook: the sheet '${sheet}' has ${what}; unmerge them and run again`,
        file,
      );
    }
  }
  return cells;
}

/**
 * ExcelJS reads a validation over a range as one entry per cell (a whole column is a million). Each sqref is
 * replaced by a placeholder it reads as one entry, and the ranges are put back as ranges after loading.
 */
function placeValidations(xml: string): { xml: string; ranges: Map<string, string[]> } {
  const ranges = new Map<string, string[]>();
  const out = xml.replace(
    /(<(?:\w+:)?dataValidation\b[^>]*\bsqref=")([^"]*)(")/g,
    (_all, open: string, sqref: string, close: string) => {
      const placeholder = `RULESHEETDV${ranges.size + 1}`;
      ranges.set(placeholder, sqref.trim().split(/\s+/).filter(Boolean));
      return `${open}${placeholder}${close}`;
    },
  );
  return { xml: out, ranges };
}

function sheetsOf(workbookXml: string): { name: string; rid: string }[] {
  const out: { name: string; rid: string }[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1], 'name');
    const rid = attr(m[1], '(?:\\w+:)?id');
    if (name !== undefined && rid !== undefined) out.push({ name: unescapeXml(name), rid });
  }
  return out;
}

/** The shared strings part the workbook names (xl/sharedStrings.xml as a rule). */
function sharedStringsPart(workbookRels: Rel[]): string {
  const rel = workbookRels.find((r) => /\/sharedStrings$/.test(r.type));
  return rel ? resolve('xl/workbook.xml', rel.target) : 'xl/sharedStrings.xml';
}

/** A part's bytes as they are inflated. */
async function* streamOf(entry: JSZip.JSZipObject): AsyncGenerator<Buffer> {
  // JSZip's stream is an old-style one: wrapped, it can be iterated.
  const stream = new Readable().wrap(entry.nodeStream('nodebuffer'));
  for await (const chunk of stream) yield chunk as Buffer;
}

/**
 * A sheet's relationships when a kept sheet can take them along: links, Excel tables (a table with parts of its
 * own, such as a query, is not) and printer settings. Undefined when it refers to anything else: notes,
 * drawings, pivot tables…
 */
async function keepableRels(zip: JSZip, part: string): Promise<KeptRels | undefined> {
  const list = await rels(zip, relsOf(part));
  const tables = new Map<string, string>();
  const printers = new Map<string, Uint8Array>();
  for (const r of list) {
    if (REL_LINK.test(r.type)) continue;
    const target = resolve(part, r.target);
    if (REL_PRINTER.test(r.type)) {
      const bytes = await zip.file(target)?.async('uint8array');
      if (bytes === undefined) return undefined;
      printers.set(r.id, bytes);
      continue;
    }
    if (!REL_TABLE.test(r.type)) return undefined;
    const xml = await text(zip, target);
    if (xml === undefined || zip.file(relsOf(target))) return undefined;
    tables.set(r.id, xml);
  }
  return { rels: list, tables, printers };
}

/** A part's relationships; none when it has no relationships part. */
async function rels(zip: JSZip, path: string): Promise<Rel[]> {
  const xml = await text(zip, path);
  return xml === undefined ? [] : parseRels(xml);
}

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async('string');
}

function move(zip: JSZip, from: string, to: string): void {
  const entry = zip.file(from);
  if (!entry) return;
  zip.file(to, entry.async('uint8array'));
  zip.remove(from);
}

/**
 * The sheet XML without its `<drawing r:id="…"/>` element for `id`: found tag by tag with indexOf, so a hostile
 * file (a tag that never closes) costs one pass, never the backtracking a regular expression could take.
 */
function withoutDrawing(xml: string, id: string): string {
  const wanted = new RegExp(`^${attrValue(id)}$`);
  let from = 0;
  for (;;) {
    const open = xml.indexOf('<', from);
    if (open < 0) return xml;
    const close = xml.indexOf('>', open);
    if (close < 0) return xml;
    const tag = xml.slice(open + 1, close);
    const name = /^(?:\w+:)?drawing(?=[\s/])/.exec(tag);
    if (name && tag.endsWith('/') && tag.split(/\s+/).some((a) => wanted.test(a.replace(/\/$/, '')))) {
      return xml.slice(0, open) + xml.slice(close + 1);
    }
    from = close + 1;
  }
}

/** `r:id="rId3"` as a pattern that matches whatever the namespace prefix is. */
function attrValue(id: string): string {
  return `\\w*:?id\\s*=\\s*"${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`;
}
