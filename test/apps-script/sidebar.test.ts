// Sidebar.html in headless Chromium: its google.script.run reaches the built Code.js on the fake, and Validate shows the summary.
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { findChromium, launchChromium, type Launched } from '../../scripts/chromium';
import { readCsvFolder } from '../../cli/io/csv';
import { createFakeAppsScript, type FakeAppsScript } from '../../testkit/sheets';
import { loadScenario } from '../helpers/conformance';
import { walkEveryControl, withProblem } from '../browser/walk-panels';
import { DIST, loadCode, type LoadedScript } from './load-code';

/** google.script.run as HtmlService pages have it, each call sent to the test through an exposed binding. */
const FAKE_SCRIPT_RUN = `
  window.google = { script: { get run() {
    const make = (ok, fail) => new Proxy({}, { get(_, name) {
      if (name === 'withSuccessHandler') return (f) => make(f, fail);
      if (name === 'withFailureHandler') return (f) => make(ok, f);
      return (...args) => window.__gasCall(String(name), JSON.stringify(args)).then(
        (reply) => { const r = JSON.parse(reply); if (r.ok) ok && ok(r.value); else fail && fail(new Error(r.message)); });
    } });
    return make(undefined, undefined);
  } } };
`;

jest.setTimeout(240_000);

/** A page whose google.script.run reaches `script` (JSON both ways: only plain values cross, as with Apps Script). */
async function sidebarPage(context: BrowserContext, script: LoadedScript, calls: string[]): Promise<Page> {
  const page = await context.newPage();
  await page.exposeFunction('__gasCall', (name: string, args: string) => {
    calls.push(name);
    try {
      const value = script.call(name, ...(JSON.parse(args) as unknown[]));
      return JSON.stringify({ ok: true, value: value === undefined ? null : value });
    } catch (e) {
      return JSON.stringify({ ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  });
  await page.addInitScript(FAKE_SCRIPT_RUN);
  return page;
}

describe('Sidebar.html in headless Chromium', () => {
  let context: BrowserContext | undefined;
  let browser: Launched | undefined;
  let script: LoadedScript;
  const calls: string[] = [];

  beforeAll(async () => {
    // No browser fails here, in a moment, before Code.js is built.
    findChromium();
    const fake = createFakeAppsScript({ timeZone: 'Europe/London' });
    for (const grid of loadScenario('waivers').grids) fake.addSheet(grid.name, grid.rows);
    script = loadCode(fake);
    browser = await launchChromium({ width: 360, height: 800 });
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('completes a validation through google.script.run and shows the summary', async () => {
    if (!context) throw new Error('no browser');
    const page = await sidebarPage(context, script, calls);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${path.join(DIST, 'Sidebar.html')}`);
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByText(/Checked \d+ rule–resource pairs/).waitFor({ timeout: 30_000 });
    const expected = script.call('sidebarValidate') as { totals: { checks: number; passRate: number } };
    await expect(
      page.getByText(`Checked ${expected.totals.checks} rule–resource pairs.`).count(),
    ).resolves.toBe(1);
    await expect(page.getByTestId('pass-rate').textContent()).resolves.toMatch(/\d+(\.\d+)?\s*%/);
    expect(calls).toContain('sidebarValidate');
    expect(errors).toEqual([]);
  });

  it.each([320, 450])('every control, clicked as a person, %i px wide', async (width) => {
    if (!context) throw new Error('no browser');
    // Signed in as the e-mail the example's Owners sheet gives Platform Team.
    const fake: FakeAppsScript = createFakeAppsScript({
      timeZone: 'Europe/London',
      email: 'platform@acme.example',
    });
    const acme = readCsvFolder(path.join(__dirname, '..', '..', 'examples', 'acme')).grids;
    for (const grid of withProblem(acme)) fake.addSheet(grid.name, grid.rows);
    const page = await sidebarPage(context, loadCode(fake), []);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`file://${path.join(DIST, 'Sidebar.html')}`);
    const shots = await walkEveryControl(page, {
      suite: 'sidebar',
      width,
      identity: 'platform@acme.example',
      signedIn: true,
      hasImport: false,
      selection: async () => {
        const range = fake.spreadsheet._activeRange;
        return range ? `${range.getSheet().getName()}!${range.getA1Notation()}` : undefined;
      },
    });
    expect(shots.length).toBeGreaterThanOrEqual(8);
    expect(errors).toEqual([]);
    await page.close();
  });
});
