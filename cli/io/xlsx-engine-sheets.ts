// Engine sheets (Results, Summary, Run History, the lists) saved as XML made row by row into the package ExcelJS writes, never as ExcelJS cells.
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  columnLetters,
  GENERATED_SHEET_NAMES,
  normalizeName,
  type SheetPatch,
  type WriteCell,
} from '../../core';
import { restoreDefinedNames } from './xlsx-defined-names';
import { SheetCells } from './xlsx-sheet-cells';
import { ROW_BYTES, XmlBytes } from './xml-bytes';
import { xmlSafe } from './xml-chars';
import {
  countOf,
  type KeptSheets,
  mergeSharedStrings,
  mergeStyles,
  NO_SHIFT,
  type Shift,
  shiftSheetXml,
  shiftTableXml,
} from './xlsx-kept';
import type { ZipWriter } from './zip-writer';
import { type KeptRels, keptRelsParts, withPartTypes } from './xlsx-kept-rels';

/** Sheets written back as read, by the part name ExcelJS gave each. */
export interface KeptParts {
  kept: KeptSheets;
  parts: Map<string, Buffer[]>;
  /** By the same part names, the links and tables of the kept sheets that have any. */
  rels: Map<string, KeptRels>;
}

/**
 * An engine sheet waiting to be written: ExcelJS holds an empty worksheet in its place (tab position, note,
 * widths, panes, filter, print setup, dropdowns, colours), and its rows are made only as the file is written.
 */
export interface EngineSheet {
  patch: SheetPatch;
  worksheet: ExcelJS.Worksheet;
}

interface Planned {
  sheet: EngineSheet;
  cells: SheetCells;
  /** Per cell key, the sample (a column of the worksheet's first row) holding its style. */
  sampleOf: Map<number, number>;
  samples: number;
}

/** Rows' bytes gathered before they are handed on: the zip writer's batch, less room for the row that passes it. */
const YIELD_AT = ROW_BYTES - (1 << 14);

/**
 * Gives each engine sheet's worksheet one sample cell per style its cells use (and one empty text), so that
 * ExcelJS writes those styles (and the empty string) into the package; their ids are read back after.
 */
export function planEngineSheets(sheets: EngineSheet[]): Planned[] {
  return sheets.map((sheet) => {
    const ws = sheet.worksheet;
    const cells = new SheetCells(sheet.patch, (col) => ws.getColumn(col + 1).width);
    const byStyle = new Map<string, number>();
    const styles: Partial<ExcelJS.Style>[] = [];
    const sampleOf = new Map<number, number>();
    const rows = sheet.patch.rows;
    for (let r = 0; r <= cells.lastRow; r++) {
      const values = rows[r] ?? [];
      for (let c = 0; c <= cells.lastCol; c++) {
        const key = cells.keyOf(r, c, values[c]);
        if (key < 0 || sampleOf.has(key)) continue;
        const style = cells.styleOf(key);
        const text = JSON.stringify(style);
        let sample = byStyle.get(text);
        if (sample === undefined) {
          byStyle.set(text, (sample = styles.length));
          styles.push(style);
        }
        sampleOf.set(key, sample);
      }
    }
    styles.forEach((style, i) => (ws.getCell(1, i + 1).style = style as ExcelJS.Style));
    // An empty text: ExcelJS then writes the shared strings part, which the sheets' texts are added to.
    ws.getCell(1, styles.length + 1).value = '';
    return { sheet, cells, sampleOf, samples: styles.length };
  });
}

/**
 * Copies the package ExcelJS wrote into `zip`, each engine sheet's part with its rows made as it goes, their
 * texts added to the workbook's shared strings (written last, once every text is known). Kept sheets go in as the
 * file had them, with the file's styles and texts first and ExcelJS's numbers moved after them; the workbook part
 * gets the file's defined names back. Returns, per engine sheet, the cells whose text had characters XML cannot
 * hold, as `Sheet!A1`.
 */
export async function writePackage(
  written: Buffer,
  planned: Planned[],
  date1904: boolean,
  zip: ZipWriter,
  read: {
    /** Sheets written back as read. */
    kept?: KeptParts;
    /** The file's workbook part, whose defined names are put back (restoreDefinedNames). */
    workbookXml?: string;
  } = {},
): Promise<Map<string, string[]>> {
  const { kept, workbookXml } = read;
  const pkg = await JSZip.loadAsync(written);
  const byPart = new Map(planned.map((p) => [`xl/worksheets/sheet${p.sheet.worksheet.id}.xml`, p]));
  for (const part of [...byPart.keys(), ...(kept?.parts.keys() ?? [])])
    if (!pkg.file(part)) throw new Error(`the workbook written has no ${part}`);
  // The sample empty text makes ExcelJS write the shared strings part.
  let sstXml = await pkg.file(SHARED_STRINGS)?.async('string');
  if (sstXml === undefined) throw new Error(`the workbook written has no ${SHARED_STRINGS}`);
  // Kept sheets refer to the file's styles and texts by number: those come first, ExcelJS's after them.
  let shift: Shift = NO_SHIFT;
  let styles: string | undefined;
  if (kept) {
    const merged = mergeStyles(kept.kept.styles, (await pkg.file(STYLES)?.async('string')) ?? '');
    styles = merged.xml;
    shift = { ...merged.shift, sst: kept.kept.sharedStrings ? kept.kept.sharedCount : 0 };
    sstXml = mergeSharedStrings(kept.kept.sharedStrings, kept.kept.sharedCount, sstXml);
  }
  const strings = new SharedStrings(sstXml);
  // Kept sheets' links, tables and printer settings go in beside them, numbered after ExcelJS's.
  const extra = kept?.rels.size ? await keptRelsParts(kept.rels, pkg) : undefined;
  const replaced = new Map<string, string[]>();
  const names: string[] = [];
  pkg.forEach((name, entry) => {
    if (!entry.dir && name !== SHARED_STRINGS) names.push(name);
  });
  for (const name of names) {
    const entry = pkg.file(name) as JSZip.JSZipObject;
    const plan = byPart.get(name);
    const keptPart = kept?.parts.get(name);
    if (keptPart) await zip.add(name, keptPart);
    else if (name === STYLES && styles !== undefined) await zip.add(name, [styles]);
    else if (name === CONTENT_TYPES && extra)
      await zip.add(name, [withPartTypes(await entry.async('string'), extra.types)]);
    else if (name === WORKBOOK && workbookXml !== undefined)
      await zip.add(name, [restoreDefinedNames(await entry.async('string'), workbookXml, isEngineSheet)]);
    else if (plan) {
      const xml = shiftSheetXml(await entry.async('string'), shift);
      const cells: string[] = [];
      replaced.set(plan.sheet.worksheet.name, cells);
      await zip.add(name, sheetXml(xml, plan, date1904, strings, cells));
    } else if (shift !== NO_SHIFT && WORKSHEET.test(name))
      await zip.add(name, [shiftSheetXml(await entry.async('string'), shift)]);
    else if (shift !== NO_SHIFT && TABLE.test(name))
      await zip.add(name, [shiftTableXml(await entry.async('string'), shift)]);
    else await zip.add(name, [await entry.async('nodebuffer')]);
  }
  for (const [name, data] of extra?.parts ?? [])
    await zip.add(name, [typeof data === 'string' ? data : Buffer.from(data)]);
  await zip.add(SHARED_STRINGS, strings.xml());
  return replaced;
}

const STYLES = 'xl/styles.xml';
const WORKBOOK = 'xl/workbook.xml';
const ENGINE_SHEETS = new Set(GENERATED_SHEET_NAMES.map(normalizeName));
const isEngineSheet = (name: string) => ENGINE_SHEETS.has(normalizeName(name));
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const TABLE = /^xl\/tables\/[^/]+\.xml$/;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const CONTENT_TYPES = '[Content_Types].xml';

/** The workbook's shared strings: those ExcelJS wrote, then each new text once, in the order first used. */
class SharedStrings {
  /** Per text as the engine gave it, its index, or its index's complement (~id) when XML could not hold it as it was. */
  private readonly ids = new Map<string, number>();
  /** The new texts, safe for XML, in index order. */
  private readonly texts: string[] = [];
  private readonly base: number;
  private references = 0;
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastCode: number[] = [];
  private readonly head: string;
  private readonly tail: string;
  private readonly count: number;

  constructor(private readonly written: string) {
    const end = written.lastIndexOf('</sst>');
    if (end < 0) throw new Error(`${SHARED_STRINGS} was not written whole`);
    this.head = written.slice(0, end);
    this.tail = written.slice(end);
    this.base = Number(/\buniqueCount="(\d+)"/.exec(this.head)?.[1] ?? countOf(this.head, '<si>'));
    this.count = Number(/\bcount="(\d+)"/.exec(this.head)?.[1] ?? this.base);
  }

  /**
   * A text's index, added when new, or the index's complement (~id, negative) when the text had characters XML
   * cannot hold (it is added with them replaced). Each distinct text is checked for them once.
   */
  codeOf(text: string, col: number): number {
    this.references++;
    // A column often repeats the same text object row after row (a rule's title, a severity): no lookup then.
    if (text === this.lastText[col]) return this.lastCode[col];
    let code = this.ids.get(text);
    if (code === undefined) {
      const safe = xmlSafe(text);
      const id = this.base + this.texts.length;
      this.texts.push(safe ?? text);
      this.ids.set(text, (code = safe === undefined ? id : ~id));
    }
    this.lastText[col] = text;
    this.lastCode[col] = code;
    return code;
  }

  *xml(): Generator<string> {
    yield this.head
      .replace(/\bcount="\d+"/, `count="${this.count + this.references}"`)
      .replace(/\buniqueCount="\d+"/, `uniqueCount="${this.base + this.texts.length}"`);
    let parts: string[] = [];
    for (const text of this.texts) {
      const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
      parts.push(`<si><t${space}>${xmlText(text)}</t></si>`);
      if (parts.length >= 4096) {
        yield parts.join('');
        parts = [];
      }
    }
    yield parts.join('');
    yield this.tail;
  }
}

/** The worksheet's XML with its (sample) sheetData replaced by the patch's rows and its dimension set. */
function* sheetXml(
  xml: string,
  plan: Planned,
  date1904: boolean,
  strings: SharedStrings,
  replaced: string[],
): Generator<string | Buffer> {
  const open = xml.indexOf('<sheetData');
  const selfClosed = xml.indexOf('<sheetData/>');
  const close = selfClosed >= 0 ? selfClosed + '<sheetData/>'.length : xml.indexOf('</sheetData>') + 12;
  if (open < 0 || close < open) throw new Error(`${plan.sheet.worksheet.name}: no sheetData was written`);
  const styles = sampleStyles(xml.slice(open, close), plan.samples);
  const rows = rowsXml(plan, styles, date1904, strings, replaced);
  const dimension = rows.dimension;
  yield xml
    .slice(0, open)
    .replace(/<dimension ref="[^"]*"\/>/, dimension ? `<dimension ref="${dimension}"/>` : '$&');
  yield '<sheetData>';
  yield* rows.chunks;
  yield '</sheetData>';
  yield xml.slice(close);
}

/** The style id ExcelJS gave each sample cell of row 1 (0 when it wrote none). */
function sampleStyles(sheetData: string, samples: number): number[] {
  const styles = Array.from({ length: samples }, () => 0);
  for (const m of sheetData.matchAll(/<c r="([A-Z]+)1"([^>]*?)(\/>|>)/g)) {
    const s = /\bs="(\d+)"/.exec(m[2]);
    const index = columnIndex(m[1]);
    if (s && index < samples) styles[index] = Number(s[1]);
  }
  return styles;
}

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** The rows' XML in chunks (made lazily) and the sheet's dimension (known at once from the patch). */
function rowsXml(
  plan: Planned,
  styles: number[],
  date1904: boolean,
  strings: SharedStrings,
  replaced: string[],
): { chunks: Generator<Buffer>; dimension: string | undefined } {
  const { cells, sampleOf } = plan;
  const rows = plan.sheet.patch.rows;
  const sheetName = plan.sheet.worksheet.name;
  const letters = Array.from({ length: cells.lastCol + 1 }, (_, c) => columnLetters(c));
  const dimension = cells.lastCol >= 0 ? `A1:${letters[cells.lastCol]}${cells.lastRow + 1}` : undefined;
  // Per cell key, its style attribute (` s="3"`, or '' for none), made once: keys are small numbers.
  const attrOfKey: (string | undefined)[] = [];
  const attrOf = (key: number): string => {
    let attr = attrOfKey[key];
    if (attr === undefined) {
      const sample = sampleOf.get(key);
      const style = sample === undefined ? 0 : styles[sample];
      attrOfKey[key] = attr = style ? ` s="${style}"` : '';
    }
    return attr;
  };
  function* chunks(): Generator<Buffer> {
    const out = new XmlBytes();
    for (let r = 0; r <= cells.lastRow; r++) {
      const values = rows[r] ?? [];
      const row = r + 1;
      let min = 0;
      let max = 0;
      let body = '';
      for (let c = 0; c <= cells.lastCol; c++) {
        const value = values[c];
        const key = cells.keyOf(r, c, value);
        if (key < 0) continue;
        if (!min) min = c + 1;
        max = c + 1;
        const attr = attrOf(key);
        if (attr === '' && (value === null || value === undefined)) continue;
        const ref = letters[c] + row;
        body += cellXml(ref, c, attr, value, date1904, strings, replaced, sheetName);
      }
      const height = cells.heightOf(r);
      if (!body && !min && height === undefined) continue;
      // Into bytes at once: a row's strings die young, where collecting them is cheap.
      out.ascii(
        `<row r="${row}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}${min ? ` spans="${min}:${max}"` : ''} x14ac:dyDescent="0.25">${body}</row>`,
      );
      if (out.length >= YIELD_AT) yield out.take();
    }
    if (out.length > 0) yield out.take();
  }
  return { chunks: chunks(), dimension };
}

/** One cell as ExcelJS writes it, text as a shared string (made safe for XML first; `replaced` lists where it was). */
function cellXml(
  ref: string,
  col: number,
  /** The style attribute, ` s="3"`, or '' for none. */
  s: string,
  value: WriteCell | undefined,
  date1904: boolean,
  strings: SharedStrings,
  replaced: string[],
  sheetName: string,
): string {
  if (value === null || value === undefined) return `<c r="${ref}"${s}/>`;
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) {
    const serial = 25569 + value.getTime() / (24 * 3600 * 1000) - (date1904 ? 1462 : 0);
    return `<c r="${ref}"${s}><v>${serial}</v></c>`;
  }
  const code = strings.codeOf(typeof value === 'string' ? value : value.text, col);
  if (code >= 0) return `<c r="${ref}"${s} t="s"><v>${code}</v></c>`;
  replaced.push(`${sheetName}!${ref}`);
  return `<c r="${ref}"${s} t="s"><v>${~code}</v></c>`;
}

// eslint-disable-next-line no-control-regex -- control characters are among what ExcelJS drops
const XML_SPECIAL = /["&'<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** Text escaped as ExcelJS escapes it (its xmlEncode): markup characters as entities, control characters dropped. */
export function xmlText(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    if (ch === '"') out += '&quot;';
    else if (ch === '&') out += '&amp;';
    else if (ch === "'") out += '&apos;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (code === 127 || (code <= 31 && (code <= 8 || (code >= 11 && code !== 13)))) continue;
    else out += ch;
  }
  return out;
}
