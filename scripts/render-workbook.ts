// Renders the validated example workbook's Results sheet as a spreadsheet-like HTML page and screenshots it
// with headless Chromium: docs/images/workbook.png. Run: npx ts-node --transpile-only scripts/render-workbook.ts
import * as fs from 'fs';
import * as path from 'path';
import { launchChromium } from './chromium';
import { type Cell, COLORS, STATUS_COLORS, validate, type WriteCell } from '../core';
import { readCsvFolder } from '../cli/io/csv';

const ROOT = path.join(__dirname, '..');
const EXAMPLE = path.join(ROOT, 'examples', 'acme');
const OUT = path.join(ROOT, 'docs', 'images', 'workbook.png');
const NOW = new Date('2026-03-01T09:00:00Z');
/** The columns a reader looks at first; the sheet has more (Remediation, Due, Waiver …) to the right. */
const SHOWN = [
  'Rule ID',
  'Severity',
  'Status',
  'Resource ID',
  'Business Unit',
  'Fix Owner',
  'Message',
  'First Seen',
  'Due',
];
const ROWS = 16;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function text(c: WriteCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'object') return c.text;
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return String(c);
}

/** The Results sheet of a validated example rulebook, as the engine's patch holds it. */
export function resultsRows(): WriteCell[][] {
  const { grids, errors } = readCsvFolder(EXAMPLE);
  if (errors.length) throw new Error(errors.join('\n'));
  const run = validate(grids, { now: NOW });
  const patch = run.patches.find((p) => p.kind === 'sheet' && p.sheet === 'Results');
  if (!patch || patch.kind !== 'sheet') throw new Error('the run wrote no Results sheet');
  return patch.rows;
}

export function resultsHtml(rows: WriteCell[][]): string {
  const header = rows[0].map(text);
  const cols = SHOWN.map((h) => header.indexOf(h));
  const letters = cols.map((_, i) => String.fromCharCode(65 + i));
  const statusCell = (value: string) => {
    const color = STATUS_COLORS.find((c) => value.startsWith(c.startsWith));
    return color ? ` style="background:${color.fill};color:${color.font}"` : '';
  };
  const body = rows.slice(1, ROWS + 1).map((r, i) => {
    const cells = cols.map((c, j) => {
      const v = text(r[c] as Cell);
      return `<td${SHOWN[j] === 'Status' ? statusCell(v) : ''}>${escape(v)}</td>`;
    });
    return `<tr><th>${i + 2}</th>${cells.join('')}</tr>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;font:13px Calibri,Carlito,'Segoe UI',Arial,sans-serif;background:#fff}
.bar{background:#217346;color:#fff;padding:6px 10px;font-weight:600}
table{border-collapse:collapse;table-layout:fixed}
td,th{border:1px solid #d4d4d4;padding:2px 6px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:330px}
th{background:#f3f3f3;color:#555;font-weight:normal}
tr.h td{background:${COLORS.neutral.fill};font-weight:700;color:#222}
.tabs{padding:4px 10px;background:#f3f3f3;border-top:1px solid #ccc}.tabs span{padding:2px 10px;margin-right:4px}
.tabs .on{background:#fff;border-bottom:2px solid #217346;font-weight:600}
</style></head><body><div class="bar">acme-rulebook.xlsx — Results</div><table>
<tr><th></th>${letters.map((l) => `<th>${l}</th>`).join('')}</tr>
<tr class="h"><th>1</th>${SHOWN.map((h) => `<td>${h}</td>`).join('')}</tr>
${body.join('\n')}
</table><div class="tabs"><span>Rules</span><span>Resources - AWS</span><span>Exceptions</span><span class="on">Results</span><span>Summary</span><span>Run History</span></div></body></html>`;
}

async function main(): Promise<void> {
  const html = resultsHtml(resultsRows());
  const launched = await launchChromium({ width: 1320, height: 200 });
  const browser = launched.context;
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.setContent(html);
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT, fullPage: true });
    console.log(`Wrote ${path.relative(ROOT, OUT)}.`);
  } finally {
    await launched.close();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
