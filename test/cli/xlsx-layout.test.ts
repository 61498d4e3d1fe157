// The workbook a manager opens: filters, wrapping, row heights, frozen rows and print setup, read back by openpyxl.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { wrappedLines } from '../../cli/io/xlsx-patches';
import { cli, NOW, tempDir, writeCsvRulebook, writeXlsxRulebook } from './helpers/rulebook';

const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Each sheet's layout as openpyxl (independent of ExcelJS) reads it. */
const SCRIPT = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    ps = ws.page_setup
    wrapped_cols = sorted({ws.cell(row=1, column=c.column).value for row in ws.iter_rows(min_row=2) for c in row if c.value is not None and c.alignment is not None and c.alignment.wrap_text})
    out[ws.title] = {
        "autoFilter": ws.auto_filter.ref,
        "freeze": ws.freeze_panes,
        "orientation": ps.orientation,
        "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "fitToWidth": ps.fitToWidth,
        "fitToHeight": ps.fitToHeight,
        "printTitleRows": ws.print_title_rows,
        "wrappedColumns": wrapped_cols,
        "rowHeights": {str(r): d.height for r, d in ws.row_dimensions.items() if d.height},
        "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth},
        "bold": [[c.coordinate for c in row if c.value is not None and c.font is not None and c.font.b] for row in ws.iter_rows(max_row=min(ws.max_row, 40))],
        "right": [c.coordinate for row in ws.iter_rows() for c in row if c.alignment is not None and c.alignment.horizontal == "right"],
    }
print(json.dumps(out))
`;

interface Layout {
  autoFilter: string | null;
  freeze: string | null;
  orientation: string | null;
  fitToPage: boolean;
  fitToWidth: number | null;
  fitToHeight: number | null;
  printTitleRows: string | null;
  wrappedColumns: string[];
  rowHeights: Record<string, number>;
  widths: Record<string, number>;
  bold: string[][];
  right: string[];
}

function layoutOf(file: string): Record<string, Layout> {
  const run = spawnSync(PYTHON, ['-c', SCRIPT, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0)
    throw new Error(`openpyxl could not read ${file}: ${run.stderr.trim().split('\n').pop()}`);
  return JSON.parse(run.stdout) as Record<string, Layout>;
}

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-xlsx-layout-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function validated(input: string): Promise<Record<string, Layout>> {
  const out = path.join(dir, 'out.xlsx');
  const run = await cli('validate', input, '--now', NOW, '--out', out, '--fail-on', 'none');
  expect(run.stderr).toBe('');
  return layoutOf(out);
}

test.each([
  ['Results', 'A1:R', '$1:$1'],
  ['Run History', 'A1:L', '$1:$1'],
])(
  '%s has a filter on its header row and prints landscape, one page wide, its header on every page',
  async (sheet, filter, titles) => {
    const layout = (await validated(writeCsvRulebook(path.join(dir, 'in'))))[sheet];
    expect(layout.autoFilter).toMatch(new RegExp(`^${filter}\\d+$`));
    expect(layout.freeze).toBe('A2');
    expect(layout).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(layout.printTitleRows).toBe(titles);
  },
);

test('Results wraps its long text columns, and a row is as tall as its longest wrapped text', async () => {
  const layout = (await validated(writeCsvRulebook(path.join(dir, 'in')))).Results;
  expect(layout.wrappedColumns).toEqual(
    expect.arrayContaining(['Title', 'Fix Owner', 'Field', 'Message', 'Remediation']),
  );
  expect(layout.wrappedColumns).not.toContain('Status');
  expect(Object.values(layout.rowHeights).some((h) => h >= 30)).toBe(true);
});

test('Summary freezes its title and Run At, bolds block headings and aligns the headings over numbers right', async () => {
  const layout = (await validated(writeCsvRulebook(path.join(dir, 'in')))).Summary;
  expect(layout.freeze).toBe('A3');
  expect(layout.autoFilter).toBeNull();
  expect(layout).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
  const bold = layout.bold.flat();
  expect(bold).toEqual(expect.arrayContaining(['A1', 'A4']));
  // The headings over Checks … Pass Rate of "By severity" line up with the right-aligned numbers under them.
  const severityHeading = layout.bold.findIndex((row) => row.length === 7);
  expect(severityHeading).toBeGreaterThan(0);
  const row = severityHeading + 1;
  for (const col of ['B', 'C', 'D', 'E', 'F', 'G']) expect(layout.right).toContain(`${col}${row}`);
  expect(layout.right).not.toContain(`A${row}`);
  // Run At (yyyy-mm-dd hh:mm, 16 characters) fits column B.
  expect(layout.widths.B).toBeGreaterThanOrEqual(17);
});

test("a Rules sheet nobody has sized (made from CSV) gets widths for the user's columns", async () => {
  const layout = (await validated(writeCsvRulebook(path.join(dir, 'in')))).Rules;
  expect(layout.widths.B).toBe(40); // Title
  expect(layout.wrappedColumns).toEqual(expect.arrayContaining(['Title', 'Remediation', 'Reads As']));
  expect(layout.wrappedColumns).not.toContain('Rule ID');
  expect(layout.autoFilter).toBeNull();
  expect(layout.fitToPage).toBe(false);
});

test("a width the user chose on the Rules sheet stays, and so do the user's other columns", async () => {
  const file = await writeXlsxRulebook(path.join(dir, 'in.xlsx'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rules = wb.getWorksheet('Rules') as ExcelJS.Worksheet;
  rules.getColumn(1).width = 7;
  await wb.xlsx.writeFile(file);
  const layout = (await validated(file)).Rules;
  expect(layout.widths.A).toBe(7);
  expect(layout.widths.B).toBeUndefined();
  // The engine's own columns still wrap; the user's do not.
  expect(layout.wrappedColumns).not.toContain('Title');
});

test.each([
  ['short text', 'Platform Team', 18, 1],
  ['two words over the width', 'Engineering Enablement', 18, 2],
  ['a line break', 'D7: one\nD8: two', 50, 2],
  ['one long word', 'allContainers[*].securityContext.privileged', 28, 2],
])('%s wraps to the expected number of lines', (_, text, width, lines) => {
  expect(wrappedLines(text, width)).toBe(lines);
});
