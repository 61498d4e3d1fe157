// The example's workbook opened in a real spreadsheet program (LibreOffice Calc, headless) and printed to PDF: no
// `###`, no cell cut off, tables landscape with their header on every page. Runs with `npm run test:render`.
import * as fs from 'fs';
import * as path from 'path';
import {
  type PdfPage,
  pdfPages,
  requireRenderTools,
  sheetOnly,
  shownCells,
  squeeze,
  toPdf,
  toPng,
  writeExampleWorkbook,
} from '../../scripts/render-workbook';

/** The engine's sheets, and Rules for the columns the engine writes there; what each must print as. */
const SHEETS = [
  { sheet: 'Results', header: 'Rule ID', landscape: true },
  { sheet: 'Summary', header: 'Rulesheet summary', landscape: true },
  { sheet: 'Run History', header: 'Run At', landscape: true },
  { sheet: 'Rules', header: undefined, landscape: false },
];

/** Where the PDFs and PNGs are kept for a reviewer to look at (test-results/ is ignored by git). */
const ARTEFACTS = path.join(__dirname, '..', '..', 'test-results', 'render');

const pages = new Map<string, PdfPage[]>();
let book: string;

beforeAll(async () => {
  requireRenderTools();
  fs.rmSync(ARTEFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  book = path.join(ARTEFACTS, 'acme-results.xlsx');
  await writeExampleWorkbook(book);
  const copies = SHEETS.map(({ sheet }) => path.join(ARTEFACTS, `${sheet.replace(/ /g, '-')}.xlsx`));
  await Promise.all(SHEETS.map(({ sheet }, i) => sheetOnly(book, sheet, copies[i])));
  const pdfs = toPdf(copies, ARTEFACTS);
  SHEETS.forEach(({ sheet }, i) => {
    pages.set(sheet, pdfPages(pdfs[i]));
    toPng(pdfs[i], 1, pdfs[i].replace(/\.pdf$/, '-page1.png'));
  });
}, 180_000);

describe.each(SHEETS)('$sheet, printed', ({ sheet, header, landscape }) => {
  const printed = () => pages.get(sheet) as PdfPage[];

  test('prints at least one page and shows no ### (a number too wide for its column)', () => {
    expect(printed().length).toBeGreaterThan(0);
    const hashes = printed().flatMap((p, i) => (p.text.includes('###') ? [`page ${i + 1}`] : []));
    expect(hashes).toEqual([]);
  });

  test('shows every cell whole: its whole text appears on the pages, however it wrapped', async () => {
    const all = squeeze(
      printed()
        .map((p) => p.text)
        .join('\n'),
    );
    const cells = await shownCells(book, sheet);
    expect(cells.length).toBeGreaterThan(10);
    const cut = cells.filter((c) => !all.includes(squeeze(c.text))).map((c) => `${c.address} ${c.text}`);
    expect(cut).toEqual([]);
  });

  if (landscape) {
    test('prints landscape, one page wide, its header on every page', () => {
      for (const page of printed()) {
        expect(page.width).toBeGreaterThan(page.height);
        expect(page.text).toContain(header as string);
      }
    });
  }
});
