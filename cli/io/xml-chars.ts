// Characters XML 1.0 cannot hold, replaced with U+FFFD before an .xlsx is written, each cell named in a warning.
import type ExcelJS from 'exceljs';

/** What every forbidden character becomes: Unicode's replacement character, so the loss stays visible. */
export const REPLACEMENT = '\uFFFD';

/** Characters that may be forbidden: C0 controls but tab, LF and CR, any surrogate (most are paired), U+FFFE, U+FFFF. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const SUSPECT = /[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;

/**
 * The text with every character XML 1.0 forbids replaced (C0 controls other than tab, LF and CR, U+FFFE,
 * U+FFFF, and a surrogate without its pair), or undefined when there is none, which is nearly always.
 * Written out, such a character makes sharedStrings.xml unreadable and the whole workbook with it.
 */
export function xmlSafe(text: string): string | undefined {
  // Nearly every text has none of the candidates: one native scan settles it.
  if (!SUSPECT.test(text)) return undefined;
  let out: string | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The common case in one comparison: printable characters below the surrogates.
    if (c >= 0x20 && c < 0xd800) continue;
    let bad = false;
    if (c < 0x20) bad = c !== 0x09 && c !== 0x0a && c !== 0x0d;
    else if (c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else bad = true;
    } else if (c <= 0xdfff) bad = true;
    else bad = c === 0xfffe || c === 0xffff;
    if (bad) {
      out = (out ?? '') + text.slice(from, i) + REPLACEMENT;
      from = i + 1;
    }
  }
  return out === undefined ? undefined : out + text.slice(from);
}

/** Cleans every text cell of the workbook in place and returns the cells changed, as `Sheet!A1`. */
export function replaceXmlForbidden(workbook: ExcelJS.Workbook): string[] {
  const changed: string[] = [];
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cleanCell(cell)) changed.push(`${ws.name}!${cell.address}`);
      }),
    );
  }
  return changed;
}

function cleanCell(cell: ExcelJS.Cell): boolean {
  const value = cell.value;
  if (typeof value === 'string') {
    const safe = xmlSafe(value);
    if (safe === undefined) return false;
    cell.value = safe;
    return true;
  }
  if (value && typeof value === 'object' && 'richText' in value) {
    let any = false;
    const richText = value.richText.map((run) => {
      const safe = xmlSafe(run.text);
      if (safe === undefined) return run;
      any = true;
      return { ...run, text: safe };
    });
    if (any) cell.value = { ...value, richText };
    return any;
  }
  return false;
}

/** The warning lines for the cells changed: the first few named, the rest counted. */
export function xmlCharWarnings(file: string, cells: string[], shown = 5): string[] {
  if (cells.length === 0) return [];
  const named = cells.slice(0, shown).join(', ');
  const more = cells.length > shown ? ` and ${cells.length - shown} more cells` : '';
  return [
    `${file}: ${named}${more}: characters an .xlsx cannot hold (control characters, U+FFFE, U+FFFF, unpaired surrogates) were written as U+FFFD`,
  ];
}
