// A worksheet part's values read as it is inflated, cell by cell as ExcelJS would give them: for the engine sheets a run rewrites anyway.
import { StringDecoder } from 'string_decoder';
import type { Cell } from '../../core';
import { parseRef } from './xlsx-ranges';

/** What a sheet's cells refer to: the shared strings, the styles that make a number a date, the date system. */
export interface ValueContext {
  sharedStrings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

/** Number formats Excel has built in that are dates or times (those ExcelJS reads as dates). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** ExcelJS's test for a date format: a date or time letter outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The cell styles (xf index in cellXfs) whose number format is a date, from xl/styles.xml. */
export function dateStylesOf(stylesXml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const id = attr(m[1], 'numFmtId');
    const code = attr(m[1], 'formatCode');
    if (id !== undefined && code !== undefined) custom.set(Number(id), decode(code));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (id && (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id))) out.add(index);
    index++;
  }
  return out;
}

/** The shared strings' texts (rich text joined, phonetic runs left out), as ExcelJS reads them. */
export function sharedStringsOf(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
    const body = (m[1] ?? '').replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
    out.push(
      textsOf(body).replace(/_x([0-9A-F]{4})_/g, (_all, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      ),
    );
  }
  return out;
}

/** The values of one worksheet from its XML in chunks; merged cells but the first hold nothing, as in workbookGrids. */
export async function sheetValues(
  chunks: AsyncIterable<Buffer | string>,
  ctx: ValueContext,
): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  const decoder = new StringDecoder('utf8');
  let buffer = '';
  let tail: string | undefined;
  let nextRow = 1;
  const take = (text: string) => {
    for (const m of text.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
      const r = Number(attr(m[1], 'r') ?? nextRow);
      nextRow = r + 1;
      const cells: Cell[] = (rows[r - 1] ??= []);
      let nextCol = 1;
      for (const c of (m[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
        const ref = attr(c[1], 'r');
        const col = ref ? columnOf(ref) : nextCol;
        nextCol = col + 1;
        while (cells.length < col - 1) cells.push(null);
        cells[col - 1] = cellValue(c[1], c[2] ?? '', ctx);
      }
    }
  };
  const feed = (text: string) => {
    if (tail !== undefined) {
      tail += text;
      return;
    }
    buffer += text;
    const end = Math.max(buffer.indexOf('</sheetData>'), buffer.indexOf('<sheetData/>'));
    if (end >= 0) {
      take(buffer.slice(0, end));
      tail = buffer.slice(end);
      buffer = '';
      return;
    }
    const cut = lastRowEnd(buffer);
    if (cut > 0) {
      take(buffer.slice(0, cut));
      buffer = buffer.slice(cut);
    }
  };
  for await (const chunk of chunks) feed(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  feed(decoder.end());
  if (tail === undefined) take(buffer);
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  for (const m of (tail ?? '').matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]*)"/g)) {
    const range = parseRef(m[1]);
    if (!range) continue;
    for (let r = range.top; r <= Math.min(range.bottom, rows.length); r++) {
      const cells = rows[r - 1];
      for (let c = range.left; c <= Math.min(range.right, cells.length); c++)
        if (r !== range.top || c !== range.left) cells[c - 1] = null;
    }
  }
  return rows;
}

/** Where the last complete row of the text ends (0 when none has). */
function lastRowEnd(text: string): number {
  for (let at = text.lastIndexOf('row>'); at > 0; at = text.lastIndexOf('row>', at - 1)) {
    const open = text.lastIndexOf('<', at);
    if (open >= 0 && text[open + 1] === '/') return at + 4;
  }
  return 0;
}

function cellValue(attrs: string, body: string, ctx: ValueContext): Cell {
  const t = attr(attrs, 't') ?? 'n';
  const s = attr(attrs, 's');
  const date = s !== undefined && ctx.dateStyles.has(Number(s));
  const plainV = body.indexOf('<v>');
  const v =
    plainV >= 0
      ? body.slice(plainV + 3, body.indexOf('</v>', plainV))
      : /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
  const formula = body.includes('<f') || (body.includes(':f') && /<\w+:f\b/.test(body));
  if (t === 'inlineStr' && !formula) {
    const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body)?.[1];
    return is === undefined ? null : textsOf(is.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, ''));
  }
  if (v === undefined || v === '') return null;
  if (t === 's' && !formula) return ctx.sharedStrings[Number(v)] ?? null;
  // ExcelJS decodes a `str` value's entities twice; the same is done here so the grids do not change.
  if (t === 'str') return decode(decode(v));
  if (t === 'b') return parseInt(v, 10) !== 0;
  if (t === 'e') return null;
  const n = parseFloat(v);
  if (date) {
    const d = new Date(Math.round((n - 25569 + (ctx.date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return n;
}

/** Every `<t>` text of a string item, decoded and joined. */
function textsOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g))
    out += decode(m[1] ?? '');
  return out;
}

function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col;
}

const attrPatterns = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  // What Excel, ExcelJS and openpyxl write (` r="A1"`) is found without a regular expression.
  const at = attrs.indexOf(` ${name}="`);
  if (at >= 0) {
    const from = at + name.length + 3;
    return decode(attrs.slice(from, attrs.indexOf('"', from)));
  }
  if (!attrs.includes(`${name}=`) && !attrs.includes(`${name} `) && !attrs.startsWith(name)) return undefined;
  let pattern = attrPatterns.get(name);
  if (!pattern) attrPatterns.set(name, (pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`)));
  const m = pattern.exec(attrs);
  return m ? decode(m[1]) : undefined;
}

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (all, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
