// The workbook's defined names as the file wrote them: ExcelJS drops some (print titles written `1:1`) and rewrites others (`$A$1:$E$5` as `$A1:$E5`).
import { SaxesParser, type SaxesTagPlain } from 'saxes';

interface DefinedName {
  /** The element as written. */
  xml: string;
  /** Its name and sheet (`localSheetId`, or '' for the whole workbook): the same name may be once per sheet. */
  key: string;
  /** The sheet it belongs to, by tab position; undefined for the whole workbook. */
  sheet: number | undefined;
}

interface Names {
  names: DefinedName[];
  /** Where <definedNames> starts and ends (end exclusive), or where it belongs when absent. */
  start: number;
  end: number;
  /** Whether the workbook part writes its elements with a namespace prefix. */
  prefixed: boolean;
  /** The sheets' names in tab order. */
  sheets: string[];
}

function namesOf(xml: string, part: string): Names {
  const names: DefinedName[] = [];
  let start = -1;
  let end = -1;
  let afterSheets = -1;
  let prefixed = false;
  const sheets: string[] = [];
  let nameStart = -1;
  let current: { key: string; sheet: number | undefined } | undefined;
  const p = new SaxesParser({ xmlns: false, position: true, fileName: part });
  const tagStart = () => xml.lastIndexOf('<', p.position - 1);
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  p.on('opentag', (tag: SaxesTagPlain) => {
    if (tag.name.includes(':') && local(tag.name) === 'workbook') prefixed = true;
    const name = local(tag.name);
    if (name === 'definedNames') start = tagStart();
    else if (name === 'sheet') sheets.push(tag.attributes.name ?? '');
    else if (name === 'definedName') {
      nameStart = tagStart();
      const id = tag.attributes.localSheetId;
      current = {
        key: `${tag.attributes.name ?? ''}\u0000${id ?? ''}`,
        sheet: id === undefined ? undefined : Number(id),
      };
    }
  });
  p.on('closetag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 'definedNames') end = p.position;
    else if (name === 'sheets') afterSheets = p.position;
    else if (name === 'definedName' && current) {
      names.push({ xml: xml.slice(nameStart, p.position), ...current });
      current = undefined;
    }
  });
  p.write(xml).close();
  if (start < 0) start = end = afterSheets;
  return { names, start, end, prefixed, sheets };
}

/**
 * ExcelJS's workbook part with the file's own defined names put back: every name of the whole workbook or of a
 * sheet the run does not write is the file's, as written; a name of a sheet the run writes (its print titles) is
 * ExcelJS's, and so is any name the file did not have. Tab positions are the file's: a run keeps every sheet in
 * its place and adds its own at the end. Unchanged when either part writes its elements with a prefix.
 */
export function restoreDefinedNames(
  written: string,
  original: string,
  /** Whether the run writes a sheet whole (an engine sheet), by its name. */
  rewritten: (sheet: string) => boolean,
): string {
  const theirs = namesOf(written, 'the workbook written');
  const mine = namesOf(original, 'xl/workbook.xml');
  if (theirs.prefixed || mine.prefixed || theirs.start < 0) return written;
  // A name of a sheet the file did not have (or not at that place) is ExcelJS's to write.
  const sameSheet = (i: number) => mine.sheets[i] !== undefined && mine.sheets[i] === theirs.sheets[i];
  const kept = mine.names.filter(
    (n) => n.sheet === undefined || (sameSheet(n.sheet) && !rewritten(mine.sheets[n.sheet])),
  );
  const keys = new Set(kept.map((n) => n.key));
  const all = kept.concat(theirs.names.filter((n) => !keys.has(n.key)));
  const block = all.length === 0 ? '' : `<definedNames>${all.map((n) => n.xml).join('')}</definedNames>`;
  return written.slice(0, theirs.start) + block + written.slice(theirs.end);
}
