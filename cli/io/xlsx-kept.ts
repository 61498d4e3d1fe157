// User sheets a run leaves alone, copied into the written workbook byte for byte: the file's own styles and shared strings stay first, ExcelJS's numbering is shifted after them.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { KeptRels } from './xlsx-kept-rels';

/**
 * Sheets copied as the file had them (a run never writes a Resources sheet), and the parts their cells refer to
 * by number: cell styles and conditional formats (xl/styles.xml) and texts (the shared strings).
 */
export interface KeptSheets {
  /** Per sheet name, its worksheet part as read, in the chunks it was inflated in. */
  parts: Map<string, Buffer[]>;
  /** The file's xl/styles.xml ('' when it had none). */
  styles: string;
  /** The file's shared strings part ('' when it had none) and how many texts it holds. */
  sharedStrings: string;
  sharedCount: number;
  /** Per sheet name, the links and Excel tables of a kept sheet that has any. */
  rels: Map<string, KeptRels>;
}

/** How far ExcelJS's numbers move once the file's own come first. */
export interface Shift {
  /** Cell formats (cellXfs): a cell's, row's or column's `s`/`style`. */
  xf: number;
  /** Differential formats (dxfs): conditional formats and table columns. */
  dxf: number;
  /** Shared strings: a `t="s"` cell's value. */
  sst: number;
}

export const NO_SHIFT: Shift = { xf: 0, dxf: 0, sst: 0 };

/** The children of <styleSheet> whose items ExcelJS's are appended to, and where each belongs (the schema's order). */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;
const APPENDED = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'] as const;
/** The first number format id a workbook defines itself (0–163 are built in). */
const FIRST_CUSTOM_FORMAT = 164;

interface Collection {
  /** Where the element starts and ends in the XML (end exclusive). */
  start: number;
  end: number;
  /** Its opening tag as written (`<fonts count="2">`, or the whole element when self-closing). */
  open: string;
  selfClosing: boolean;
  /** Each child element's XML. */
  items: string[];
}

interface Stylesheet {
  collections: Map<string, Collection>;
  /** Where </styleSheet> starts. */
  close: number;
}

/**
 * Whether a styles part and a shared strings part can take appended items as this file writes them: both
 * without a namespace prefix on their elements (a prefixed part would need every appended element prefixed too),
 * and the shared strings without an extension list after their items.
 */
export function canAppendTo(styles: string, sharedStrings: string): boolean {
  // Texts go after the file's last item, so nothing but items may follow them (an extLst would).
  return (
    !/<\w+:styleSheet\b/.test(styles) &&
    !/<\w+:sst\b/.test(sharedStrings) &&
    !sharedStrings.includes('<extLst')
  );
}

/** The top-level children of a styles part, with their items, found with a SAX parser (positions in UTF-16 units). */
function stylesheetOf(xml: string, part: string): Stylesheet {
  const collections = new Map<string, Collection>();
  let close = -1;
  let depth = 0;
  const starts: number[] = [];
  let current: Collection | undefined;
  const p = new SaxesParser({ xmlns: false, position: true, fileName: part });
  const tagStart = () => xml.lastIndexOf('<', p.position - 1);
  p.on('opentag', (tag: SaxesTagPlain) => {
    const start = tagStart();
    if (depth === 1) {
      current = {
        start,
        end: -1,
        open: xml.slice(start, p.position),
        selfClosing: tag.isSelfClosing,
        items: [],
      };
      if (!collections.has(tag.name)) collections.set(tag.name, current);
    }
    starts[depth] = start;
    depth++;
  });
  p.on('closetag', () => {
    depth--;
    if (depth === 0) close = tagStart();
    else if (depth === 1 && current) {
      current.end = p.position;
      current = undefined;
    } else if (depth === 2 && current) current.items.push(xml.slice(starts[2], p.position));
  });
  p.write(xml).close();
  if (close < 0) throw new Error(`${part} has no closing styleSheet tag`);
  return { collections, close };
}

/** An opening tag (a self-closing one opened) with its count attribute set to `n`. */
function withCount(open: string, n: number): string {
  return setAttribute(open.replace(/\/>$/, '>'), 'count', n);
}

/**
 * The file's styles with ExcelJS's appended: number formats (ExcelJS's own ids moved past the file's), fonts,
 * fills, borders, cell formats (pointing at the moved fonts, fills, borders and formats; based on the file's
 * Normal style) and differential formats. The file's cell formats keep their numbers, so a kept sheet's cells
 * keep theirs; ExcelJS's move by `xf` and `dxf`.
 */
export function mergeStyles(
  original: string,
  written: string,
): { xml: string; shift: Pick<Shift, 'xf' | 'dxf'> } {
  if (original === '') return { xml: written, shift: { xf: 0, dxf: 0 } };
  const mine = stylesheetOf(original, 'xl/styles.xml');
  const theirs = stylesheetOf(written, 'the styles written');
  const count = (name: string) => mine.collections.get(name)?.items.length ?? 0;
  // ExcelJS numbers its own formats from 164, as the file may: those move past the file's highest.
  let next = FIRST_CUSTOM_FORMAT;
  for (const item of mine.collections.get('numFmts')?.items ?? []) {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(item)?.[1] ?? -1);
    if (id >= next) next = id + 1;
  }
  const formats = new Map<number, number>();
  for (const item of theirs.collections.get('numFmts')?.items ?? []) {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(item)?.[1] ?? -1);
    if (id >= FIRST_CUSTOM_FORMAT && !formats.has(id)) formats.set(id, next++);
  }
  const format = (id: string) => String(formats.get(Number(id)) ?? id);
  const moved: Record<string, (item: string) => string> = {
    numFmts: (item) => item.replace(/\bnumFmtId="(\d+)"/, (_a, id: string) => `numFmtId="${format(id)}"`),
    cellXfs: (item) =>
      item.replace(/\b(numFmtId|fontId|fillId|borderId|xfId)="(\d+)"/g, (_a, name: string, id: string) => {
        if (name === 'numFmtId') return `numFmtId="${format(id)}"`;
        if (name === 'xfId') return 'xfId="0"';
        const base =
          name === 'fontId' ? count('fonts') : name === 'fillId' ? count('fills') : count('borders');
        return `${name}="${Number(id) + base}"`;
      }),
    dxfs: (item) => item.replace(/\bnumFmtId="(\d+)"/g, (_a, id: string) => `numFmtId="${format(id)}"`),
  };
  const edits: { at: number; end: number; text: string }[] = [];
  for (const name of APPENDED) {
    const added = (theirs.collections.get(name)?.items ?? []).map(moved[name] ?? ((item) => item));
    if (added.length === 0) continue;
    const own = mine.collections.get(name);
    const items = (own?.items ?? []).concat(added);
    const element = `${withCount(own?.open ?? `<${name}>`, items.length)}${items.join('')}</${name}>`;
    if (own) {
      edits.push({ at: own.start, end: own.end, text: element });
      continue;
    }
    // Absent from the file: placed before the first element that follows it in the schema's order.
    const later = ORDER.slice(ORDER.indexOf(name) + 1)
      .map((n) => mine.collections.get(n)?.start)
      .filter((at): at is number => at !== undefined);
    const at = later.reduce((a, b) => Math.min(a, b), mine.close);
    edits.push({ at, end: at, text: element });
  }
  edits.sort((a, b) => a.at - b.at || a.end - b.end);
  let xml = '';
  let from = 0;
  for (const edit of edits) {
    xml += original.slice(from, edit.at) + edit.text;
    from = edit.end;
  }
  xml += original.slice(from);
  return { xml, shift: { xf: count('cellXfs'), dxf: count('dxfs') } };
}

/**
 * The file's shared strings with ExcelJS's appended after them: a kept sheet's `t="s"` cells keep their
 * numbers; ExcelJS's move by `sharedCount`.
 */
export function mergeSharedStrings(original: string, sharedCount: number, written: string): string {
  if (original === '') return written;
  const head = /<sst\b[^>]*?(\/?)>/.exec(original);
  const writtenHead = /<sst\b[^>]*?(\/?)>/.exec(written);
  if (!head || !writtenHead) throw new Error('a shared strings part has no sst element');
  const mineItems = head[1]
    ? ''
    : original.slice(head.index + head[0].length, original.lastIndexOf('</sst>'));
  const theirItems = writtenHead[1]
    ? ''
    : written.slice(writtenHead.index + writtenHead[0].length, written.lastIndexOf('</sst>'));
  const added = countOf(theirItems, '<si>');
  const uses = (xml: string, fallback: number) => Number(/\bcount="(\d+)"/.exec(xml)?.[1] ?? fallback);
  let open = head[0].replace(/\/>$/, '>');
  open = setAttribute(open, 'count', uses(head[0], sharedCount) + uses(writtenHead[0], added));
  open = setAttribute(open, 'uniqueCount', sharedCount + added);
  return `${original.slice(0, head.index)}${open}${mineItems}${theirItems}</sst>`;
}

function setAttribute(tag: string, name: string, value: number): string {
  const pattern = new RegExp(`\\b${name}="[^"]*"`);
  if (pattern.test(tag)) return tag.replace(pattern, `${name}="${value}"`);
  return tag.replace(/>$/, ` ${name}="${value}">`);
}

/** How many times `what` occurs in `text`, without overlaps. */
export function countOf(text: string, what: string): number {
  let n = 0;
  for (let i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length)) n++;
  return n;
}

/**
 * A worksheet part ExcelJS wrote with its numbers moved past the file's: cell, row and column styles, shared
 * string values and conditional formats. ExcelJS writes each tag's attributes plainly and a shared string's
 * value right after its tag, so one pass over the tags does it.
 */
export function shiftSheetXml(xml: string, shift: Shift): string {
  if (shift.xf === 0 && shift.dxf === 0 && shift.sst === 0) return xml;
  const plus = (n: string, by: number) => String(Number(n) + by);
  return xml.replace(
    /<(c|row|col|cfRule)\b([^>]*)>(<v>(\d+)<\/v>)?/g,
    (_all, name: string, attrs: string, v: string | undefined, value: string | undefined) => {
      let out = attrs;
      if (name === 'c' || name === 'row')
        out = out.replace(/\bs="(\d+)"/, (_a, n: string) => `s="${plus(n, shift.xf)}"`);
      else if (name === 'col')
        out = out.replace(/\bstyle="(\d+)"/, (_a, n: string) => `style="${plus(n, shift.xf)}"`);
      else out = out.replace(/\bdxfId="(\d+)"/, (_a, n: string) => `dxfId="${plus(n, shift.dxf)}"`);
      let tail = v ?? '';
      if (name === 'c' && value !== undefined && /\bt="s"/.test(attrs))
        tail = `<v>${plus(value, shift.sst)}</v>`;
      return `<${name}${out}>${tail}`;
    },
  );
}

/** A table part ExcelJS wrote with its differential formats moved past the file's. */
export function shiftTableXml(xml: string, shift: Shift): string {
  if (shift.dxf === 0) return xml;
  return xml.replace(
    /\b(\w*[dD]xfId)="(\d+)"/g,
    (_a, name: string, n: string) => `${name}="${Number(n) + shift.dxf}"`,
  );
}
