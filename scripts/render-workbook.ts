// Renders the example's output workbook in LibreOffice Calc (headless) to PDF and PNG, one sheet at a time: the render
// test reads the pages back, and `npx ts-node --transpile-only scripts/render-workbook.ts` makes docs/images/workbook.png.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { run } from '../cli/main';

const ROOT = path.join(__dirname, '..');
export const EXAMPLE = path.join(ROOT, 'examples', 'acme');
/** The example's clock, as `npm run demo` runs it. */
export const EXAMPLE_NOW = '2026-03-01T09:00:00Z';
const DOCS_IMAGE = path.join(ROOT, 'docs', 'images', 'workbook.png');

/** Debian's packages that hold each tool: libreoffice-calc and poppler-utils, as .ci/run installs them. */
const TOOLS: Record<string, string> = {
  soffice: 'libreoffice-calc',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfinfo: 'poppler-utils',
};

/** Throws one line naming what to install when LibreOffice or poppler is missing. */
export function requireRenderTools(): void {
  const missing = Object.keys(TOOLS).filter((tool) => spawnSync(tool, ['--version']).error !== undefined);
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((t) => TOOLS[t]))].join(' ');
    throw new Error(
      `${missing.join(', ')} missing: install them with "apt-get install -y ${packages}", as .ci/run does`,
    );
  }
}

function exec(command: string, args: string[]): string {
  const done = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (done.error) throw done.error;
  if (done.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${(done.stderr || done.stdout).trim()}`);
  return done.stdout;
}

/** Validates the example into `out` (.xlsx) as `npm run demo` does, in this process. */
export async function writeExampleWorkbook(out: string): Promise<void> {
  let errors = '';
  const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (errors += s) } };
  const code = await run(['validate', EXAMPLE, '--now', EXAMPLE_NOW, '--out', out, '--fail-on', 'none'], io);
  if (code !== 0) throw new Error(`validating the example failed (${code}): ${errors}`);
}

/** A copy of the workbook where only `sheet` is visible: LibreOffice prints visible sheets only. */
export async function sheetOnly(src: string, sheet: string, dest: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const target = wb.getWorksheet(sheet);
  if (!target) throw new Error(`${src}: no sheet ${sheet}`);
  for (const ws of wb.worksheets) ws.state = ws === target ? 'visible' : 'hidden';
  wb.views = [{ activeTab: wb.worksheets.indexOf(target) } as ExcelJS.WorkbookView];
  await wb.xlsx.writeFile(dest);
}

/** Converts .xlsx files to PDFs beside them in `outDir`, with a LibreOffice profile of its own (runs may overlap). */
export function toPdf(files: string[], outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-soffice-'));
  try {
    exec('soffice', [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...files,
    ]);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, `${path.basename(f, '.xlsx')}.pdf`));
}

export interface PdfPage {
  width: number;
  height: number;
  text: string;
}

/** Each page's size in points and its text in content order (`pdftotext -raw`: a cell's lines stay together). */
export function pdfPages(pdf: string): PdfPage[] {
  const info = exec('pdfinfo', ['-f', '1', '-l', '9999', pdf]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  return sizes.map((size, i) => ({
    ...size,
    text: exec('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), pdf, '-']),
  }));
}

/** A page as PNG (`dpi`), optionally only the `crop` box (x, y, width, height in pixels). */
export function toPng(
  pdf: string,
  page: number,
  out: string,
  dpi = 110,
  crop?: [number, number, number, number],
): void {
  const args = ['-png', '-singlefile', '-r', String(dpi), '-f', String(page), '-l', String(page)];
  if (crop)
    args.push('-x', String(crop[0]), '-y', String(crop[1]), '-W', String(crop[2]), '-H', String(crop[3]));
  exec('pdftoppm', [...args, pdf, out.replace(/\.png$/, '')]);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** What a spreadsheet shows for a cell with the engine's number formats; dates are UTC, as the file holds them. */
export function shownText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const date = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    return cell.numFmt?.includes('hh:mm')
      ? `${date} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`
      : date;
  }
  if (typeof v === 'number') return cell.numFmt === '0.0%' ? `${(v * 100).toFixed(1)}%` : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v) return String(v.text);
  return cell.text;
}

/** The shown text of every non-blank cell of a sheet, with its address. */
export async function shownCells(xlsx: string, sheet: string): Promise<{ address: string; text: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`${xlsx}: no sheet ${sheet}`);
  const out: { address: string; text: string }[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const text = shownText(cell);
      if (text.trim()) out.push({ address: `${sheet}!${cell.address}`, text });
    }),
  );
  return out;
}

/** Text with every space and line break taken out, so a wrapped cell compares equal to its one-line value. */
export const squeeze = (text: string) => text.replace(/\s+/g, '');

async function main(): Promise<void> {
  requireRenderTools();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-render-'));
  try {
    const book = path.join(dir, 'acme.xlsx');
    await writeExampleWorkbook(book);
    const results = path.join(dir, 'Results.xlsx');
    await sheetOnly(book, 'Results', results);
    const [pdf] = toPdf([results], dir);
    fs.mkdirSync(path.dirname(DOCS_IMAGE), { recursive: true });
    // The page's top left, inside the margins, where a reader starts: IDs, titles, statuses, resources, owners.
    toPng(pdf, 1, DOCS_IMAGE, 220, [140, 155, 1360, 470]);
    console.log(`Wrote ${path.relative(ROOT, DOCS_IMAGE)}.`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
