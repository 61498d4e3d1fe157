// Parts of a saved .xlsx found as a reader finds them: by sheet name, through the workbook and its relationships.
import * as fs from 'fs';
import JSZip from 'jszip';

/** A sheet's worksheet part, found by name through the workbook and its relationships. */
export async function sheetPart(file: string, sheet: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`name="${sheet}"`));
  const rid = tag && /\br:id="([^"]+)"/.exec(tag)?.[1];
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`Id="${rid}"`));
  const target = rel && /\bTarget="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`${file} has no sheet ${sheet}`);
  const name = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return (zip.file(name) as JSZip.JSZipObject).async('nodebuffer');
}
