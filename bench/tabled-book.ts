// A generated .xlsx with one sheet made an Excel table (Format as Table), as many people keep an inventory.
import * as fs from 'fs';
import JSZip from 'jszip';
import { columnLetters } from '../core';
import { escapeXml, parseRels, relsOf, relsXml, resolve } from '../cli/io/xlsx-rels';

const TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const TABLE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

/** The worksheet part of the sheet called `name`, through the workbook and its relationships. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`name="${name}"`));
  const rid = tag && /\br:id="([^"]+)"/.exec(tag)?.[1];
  const rels = parseRels((await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '');
  const rel = rels.find((r) => r.id === rid);
  if (!rel) throw new Error(`bench: the workbook has no sheet ${name}`);
  return resolve('xl/workbook.xml', rel.target);
}

/**
 * Copies `from` to `to` with the sheet `name` (its header in row 1, `rows` rows under it, `headers` its column
 * names) formatted as an Excel table named Inventory: a table part, the sheet's relationship to it and its
 * <tableParts>, and the part's content type.
 */
export async function writeTabledCopy(
  from: string,
  to: string,
  name: string,
  headers: string[],
  rows: number,
): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(from));
  const part = await sheetPart(zip, name);
  const ref = `A1:${columnLetters(headers.length - 1)}${rows + 1}`;
  const columns = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join('');
  zip.file(
    'xl/tables/table1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Inventory" displayName="Inventory" ref="${ref}"><autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${columns}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  );
  const rels = parseRels((await zip.file(relsOf(part))?.async('string')) ?? '');
  rels.push({ id: 'rIdInventory', type: TABLE_REL, target: '../tables/table1.xml' });
  zip.file(relsOf(part), relsXml(rels));
  const sheet = (await zip.file(part)?.async('string')) ?? '';
  if (!sheet.includes('xmlns:r=')) throw new Error(`bench: ${part} declares no relationships namespace`);
  const end = sheet.lastIndexOf('</worksheet>');
  zip.file(
    part,
    `${sheet.slice(0, end)}<tableParts count="1"><tablePart r:id="rIdInventory"/></tableParts>${sheet.slice(end)}`,
  );
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  const close = types.lastIndexOf('</Types>');
  zip.file(
    '[Content_Types].xml',
    `${types.slice(0, close)}<Override PartName="/xl/tables/table1.xml" ContentType="${TABLE_TYPE}"/>${types.slice(close)}`,
  );
  fs.writeFileSync(
    to,
    await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } }),
  );
}
