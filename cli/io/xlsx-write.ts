// Saving a workbook whose engine sheets wait as patches: ExcelJS writes the rest, the engine sheets' rows are made into the file as it is written.
import type ExcelJS from 'exceljs';
import { writeFdSafely, type WriteOptions } from './safe-write';
import { type EngineSheet, type KeptParts, planEngineSheets, writePackage } from './xlsx-engine-sheets';
import type { KeptSheets } from './xlsx-kept';
import type { KeptRels } from './xlsx-kept-rels';
import { ZipWriter } from './zip-writer';

/**
 * Writes the workbook with its engine sheets to `file` as one transaction (see writeFdSafely). Returns, per engine
 * sheet, the cells whose text had characters XML cannot hold.
 */
export async function writeWorkbookWithSheetsSafely(
  workbook: ExcelJS.Workbook,
  sheets: EngineSheet[],
  file: string,
  /** The file read: sheets to write back as read, and its workbook part, whose defined names are kept. */
  read: { kept?: KeptSheets; workbookXml?: string } = {},
  options: WriteOptions = {},
): Promise<Map<string, string[]>> {
  const planned = planEngineSheets(sheets);
  // Without the engine sheets' rows the rest of the workbook is small: ExcelJS makes it in memory, stored rather
  // than deflated (its deflate runs in JavaScript; archiver deflates every part once, natively, as the file is written).
  const written = Buffer.from(
    await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions),
  );
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  let replaced = new Map<string, string[]>();
  await writeFdSafely(
    file,
    async (fd) => {
      const zip = new ZipWriter(fd);
      try {
        replaced = await writePackage(written, planned, date1904, zip, {
          kept: keptByPart(workbook, read.kept),
          workbookXml: read.workbookXml,
        });
        await zip.finish();
      } catch (err) {
        // No write may still be pending when the transaction closes and removes the temp file.
        await zip.abort();
        throw err;
      }
    },
    options,
  );
  return replaced;
}

/** The kept sheets by the part ExcelJS writes each under (it names worksheets by their id). */
function keptByPart(workbook: ExcelJS.Workbook, kept: KeptSheets | undefined): KeptParts | undefined {
  if (!kept?.parts.size) return undefined;
  const parts = new Map<string, Buffer[]>();
  const rels = new Map<string, KeptRels>();
  for (const [name, xml] of kept.parts) {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new Error(`the sheet '${name}' kept as read is not in the workbook`);
    const part = `xl/worksheets/sheet${ws.id}.xml`;
    parts.set(part, xml);
    const links = kept.rels.get(name);
    if (links) rels.set(part, links);
  }
  return { kept, parts, rels };
}
