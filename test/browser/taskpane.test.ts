// Browser test: the production task pane in headless Chromium on the Excel fake — build a rule, validate, check pane and cells.
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { findChromium, launchChromium, type Launched } from '../../scripts/chromium';
import { validate, type Grid } from '../../core';
import { readCsvFolder } from '../../cli/io/csv';
import { buildFakeExcel, buildTaskpane, ROOT } from './build';
import { serve } from './serve';
import { walkEveryControl, withProblem } from './walk-panels';

const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const SCREENSHOT = path.join(ROOT, 'test-results/taskpane.png');
/** The docs' image is regenerated from this run only when asked (npm run docs:images), so npm test leaves the tree clean. */
const UPDATE_DOC_IMAGES = process.env.UPDATE_DOC_IMAGES === '1';

jest.setTimeout(300_000);

let context: BrowserContext;
let page: Page;
let server: { url: string; close: () => Promise<void> };
let browser: Launched | undefined;
let grids: Grid[];
const blocked: string[] = [];

beforeAll(async () => {
  // No browser fails here, in a moment, before the webpack build.
  findChromium();
  grids = readCsvFolder(path.join(ROOT, 'examples/acme')).grids;
  const built = buildTaskpane();
  fs.writeFileSync(path.join(built.dir, 'fake-excel.js'), buildFakeExcel());
  server = await serve(built.dir);
  browser = await launchChromium({ width: 340, height: 900 });
  context = browser.context;
  // No network: 127.0.0.1 is served; Office.js comes from the local package; everything else is refused.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    if (url.hostname === 'appsforoffice.microsoft.com') {
      const local = path.join(OFFICE_DIST, path.basename(url.pathname));
      if (fs.existsSync(local)) return route.fulfill({ path: local, contentType: 'text/javascript' });
    }
    blocked.push(url.href);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}/taskpane.html`);
  // Office.js outside Office resolves Office.onReady with no host; the fake then stands in for Excel.
  await page.addScriptTag({ url: `${server.url}/fake-excel.js` });
  await page.evaluate(
    (g) =>
      (window as unknown as { rulesheetInstallFakeExcel(g: unknown): void }).rulesheetInstallFakeExcel(g),
    JSON.parse(JSON.stringify(grids)),
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const sheetValues = (name: string) =>
  page.evaluate(
    (n) => (window as unknown as { rulesheetSheetValues(n: string): unknown[][] }).rulesheetSheetValues(n),
    name,
  );

async function choose(label: string, option: string | RegExp) {
  // Opened from the keyboard: a synthetic mouse click did not open Fluent's Dropdown reliably in headless Chromium.
  const box = page.getByRole('combobox', { name: label });
  await box.focus();
  await page.keyboard.press('ArrowDown');
  try {
    await page.getByRole('option', { name: option }).first().click({ timeout: 20_000 });
  } catch (e) {
    throw new Error(
      `${label}: no option ${option}. The pane shows:\n${await page.locator('body').innerText()}\n${String(e)}`,
    );
  }
}

test('build a rule, validate, and see the summary in the pane and the results in the cells', async () => {
  await page.getByRole('button', { name: 'Validate' }).waitFor({ timeout: 60_000 });

  // Build a rule in the rule builder.
  await page.getByRole('tab', { name: 'Rule builder' }).click();
  await choose('Resource type', /^aws_s3_bucket/);
  await page.getByRole('combobox', { name: 'Field' }).fill('versioning.status');
  await choose('Operator', /^equals/);
  await page.getByRole('combobox', { name: 'Expected' }).fill('Enabled');
  const counts = page.getByTestId('preview-counts');
  await counts.waitFor();

  const rule = {
    ruleId: 'S3-900',
    title: 'Buckets keep versioning on',
    resourceType: 'aws_s3_bucket',
    field: 'versioning.status',
    operator: 'equals',
    expected: 'Enabled',
  };
  const rulesHeader = grids.find((g) => g.name === 'Rules')!.rows[0] as string[];
  const col = (h: string) => rulesHeader.indexOf(h);
  const withRule: Grid[] = grids.map((g) => {
    if (g.name !== 'Rules') return g;
    const row = rulesHeader.map(() => null as string | null);
    row[col('Rule ID')] = rule.ruleId;
    row[col('Title')] = rule.title;
    row[col('Resource Type')] = rule.resourceType;
    row[col('Field')] = rule.field;
    row[col('Operator')] = rule.operator;
    row[col('Expected')] = rule.expected;
    row[col('Severity')] = 'Medium';
    return { ...g, rows: [...g.rows, row] };
  });
  const expected = validate(withRule, { now: new Date() });
  const mine = expected.results.toArray().filter((r) => r.rule.id === rule.ruleId);
  const pass = mine.filter((r) => r.status === 'PASS').length;
  const fail = mine.filter((r) => r.status === 'FAIL').length;
  await expect(counts.textContent()).resolves.toContain(`${pass} would pass · ${fail} would fail`);

  await page.getByRole('textbox', { name: 'Title' }).fill(rule.title);
  await page.getByRole('textbox', { name: 'Rule ID' }).fill(rule.ruleId);
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByText(/Rule S3-900 added at Rules!A\d+/).waitFor();
  const rulesCells = await sheetValues('Rules');
  const added = rulesCells.find((r) => r[col('Rule ID')] === rule.ruleId)!;
  expect(added).toBeDefined();
  expect([added[col('Field')], added[col('Operator')], added[col('Expected')]]).toEqual([
    'versioning.status',
    'equals',
    'Enabled',
  ]);

  // Validate.
  await page.getByRole('tab', { name: 'Validate' }).click();
  await page.getByRole('button', { name: 'Validate' }).click();
  const passRate = page.getByTestId('pass-rate');
  await passRate.waitFor({ timeout: 120_000 });
  expect(await passRate.textContent()).toBe(`${Math.round(expected.summary.passRate * 100)}%`);
  expect(await page.getByTestId('overdue').textContent()).toBe(String(expected.summary.overdue.length));

  // The cells, through the fake: Results holds one row per non-passing result; the new rule has its Status.
  const results = await sheetValues('Results');
  const nonPassing = expected.results
    .toArray()
    .filter((r) => r.status !== 'PASS' && r.status !== 'NOT_APPLICABLE').length;
  expect(results.length - 1).toBe(nonPassing);
  const rulesAfter = await sheetValues('Rules');
  const statusCol = (rulesAfter[0] as string[]).indexOf('Status');
  const statusOfNew = rulesAfter.find((r) => r[col('Rule ID')] === rule.ruleId)![statusCol];
  expect(String(statusOfNew)).toContain(fail > 0 ? `${fail} failing` : `${pass} passing`);

  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  if (UPDATE_DOC_IMAGES) fs.copyFileSync(SCREENSHOT, path.join(ROOT, 'docs/images/taskpane.png'));
  // Everything else was refused by the route above; of that, only Office.js's own hosts may have asked.
  const officeOwn = (u: string) =>
    /^https:\/\/(appsforoffice\.microsoft\.com|[^/]*\.oaspapps\.com)\//.test(u);
  expect(blocked.filter((u) => !officeOwn(u))).toEqual([]);
});

test('the built commands.js, under the real Office.js, validates like a ribbon click and completes the event', async () => {
  const ribbon = await context.newPage();
  await ribbon.goto(`${server.url}/commands.html`);
  await ribbon.addScriptTag({ url: `${server.url}/fake-excel.js` });
  await ribbon.evaluate(
    (g) =>
      (window as unknown as { rulesheetInstallFakeExcel(g: unknown): void }).rulesheetInstallFakeExcel(g),
    JSON.parse(JSON.stringify(grids)),
  );
  // Excel calls the function Office.actions.associate registered under the manifest's FunctionName.
  const completed = await ribbon.evaluate(async () => {
    type Mappings = Record<string, (event: { completed(): void }) => void>;
    const office = (window as unknown as { Office: { actions: { _association: { mappings: Mappings } } } })
      .Office;
    for (let i = 0; i < 200 && !office.actions._association.mappings.VALIDATEWORKBOOK; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const action = office.actions._association.mappings.VALIDATEWORKBOOK;
    if (!action) return 'validateWorkbook was never associated';
    return new Promise<string>((resolve) => action({ completed: () => resolve('completed') }));
  });
  expect(completed).toBe('completed');
  const results = await ribbon.evaluate(() =>
    (window as unknown as { rulesheetSheetValues(n: string): unknown[][] }).rulesheetSheetValues('Results'),
  );
  const expected = validate(grids, { now: new Date() });
  const nonPassing = expected.results
    .toArray()
    .filter((r) => r.status !== 'PASS' && r.status !== 'NOT_APPLICABLE').length;
  expect(results.length - 1).toBe(nonPassing);
  await ribbon.close();
});

test('imports a CSV of resources from a file through the pane (the browser build of the CSV parser)', async () => {
  await page.getByRole('tab', { name: 'Import' }).click();
  await page.getByLabel('File to import').setInputFiles({
    name: 'extra.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Resource ID,Type,Owner\nimported-1,aws_s3_bucket,"Dana, Platform"\n'),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/1 resources added to Resources/).waitFor({ timeout: 60_000 });
  const sheets = ['Resources - AWS', 'Resources'];
  const all = (await Promise.all(sheets.map((s) => sheetValues(s).catch(() => [] as unknown[][])))).flat();
  const row = all.find((r) => r[0] === 'imported-1');
  expect(row).toBeDefined();
  expect(row).toContain('Dana, Platform');
});

describe.each([320, 450])('every control of the task pane, clicked as a person, %i px wide', (width) => {
  test('dropdowns, typing, add a rule, validate, a problem, my items, a pack, an import, every tab', async () => {
    const pane = await context.newPage();
    const errors: string[] = [];
    pane.on('pageerror', (e) => errors.push(e.message));
    await pane.setViewportSize({ width, height: 800 });
    await pane.goto(`${server.url}/taskpane.html`);
    await pane.addScriptTag({ url: `${server.url}/fake-excel.js` });
    await pane.evaluate(
      (g) =>
        (window as unknown as { rulesheetInstallFakeExcel(g: unknown): void }).rulesheetInstallFakeExcel(g),
      JSON.parse(JSON.stringify(withProblem(grids))),
    );
    const shots = await walkEveryControl(pane, {
      suite: 'taskpane',
      width,
      identity: 'platform@acme.example',
      signedIn: false,
      hasImport: true,
      selection: () =>
        pane.evaluate(() => {
          const book = (
            window as unknown as { rulesheetFakeBook: { selection?: { sheet: string; address: string } } }
          ).rulesheetFakeBook;
          return book.selection ? `${book.selection.sheet}!${book.selection.address}` : undefined;
        }),
    });
    expect(shots.length).toBeGreaterThanOrEqual(9);
    expect(errors).toEqual([]);
    await pane.close();
  });
});
