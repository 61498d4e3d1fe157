// Driving a panel as a person does: mouse clicks where the control is drawn, keys, and a screenshot of each step.
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';

export const RESULTS = path.join(__dirname, '..', '..', 'test-results');

/** What the page draws topmost at the centre of the element's part in view, when it is not the element or inside it. */
async function coveredBy(target: Locator): Promise<string | undefined> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const mid = (a: number, b: number, max: number) => (Math.max(a, 0) + Math.min(b, max)) / 2;
    const x = mid(r.left, r.right, window.innerWidth);
    const y = mid(r.top, r.bottom, window.innerHeight);
    const top = document.elementFromPoint(x, y);
    if (top && (top === el || el.contains(top))) return undefined;
    if (!top) return `nothing at (${Math.round(x)}, ${Math.round(y)})`;
    const s = getComputedStyle(top);
    const cls = typeof top.className === 'string' ? top.className.slice(0, 80) : '';
    return `<${top.tagName.toLowerCase()} class="${cls}"> (position ${s.position}, z-index ${s.zIndex}, ${Math.round(top.getBoundingClientRect().height)} px high)`;
  });
}

/** Asserts the element is what a click at its centre reaches (no overlay over it), then clicks there with the mouse. */
export async function click(page: Page, target: Locator, what: string): Promise<void> {
  await target.waitFor({ state: 'visible', timeout: 60_000 });
  await target.scrollIntoViewIfNeeded();
  const cover = await coveredBy(target);
  if (cover) throw new Error(`${what}: a click would land on ${cover}, not on the control`);
  const box = await target.boundingBox();
  if (!box) throw new Error(`${what}: not drawn`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Asserts a visible element is reachable at its centre (nothing drawn over it). */
export async function expectReachable(target: Locator, what: string): Promise<void> {
  await target.waitFor({ state: 'visible', timeout: 60_000 });
  await target.scrollIntoViewIfNeeded();
  const cover = await coveredBy(target);
  if (cover) throw new Error(`${what}: covered by ${cover}`);
}

/** Asserts nothing in the panel is wider than the window (no sideways scrolling), naming the widest culprit. */
export async function expectFitsWidth(page: Page, step: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth) return undefined;
    let widest = '';
    let right = doc.clientWidth;
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right) {
        right = r.right;
        widest = `<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').slice(0, 60)}"`;
      }
    }
    return `${doc.scrollWidth} px wide in a ${doc.clientWidth} px window; widest: ${widest} to ${Math.round(right)} px`;
  });
  if (overflow) throw new Error(`${step}: the panel scrolls sideways: ${overflow}`);
}

/** Screenshots of one walk-through, numbered in order: test-results/<suite>/<width>px/NN-step.png. */
export function screenshots(page: Page, suite: string, width: number) {
  const dir = path.join(RESULTS, suite, `${width}px`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (step: string): Promise<string> => {
    const file = path.join(dir, `${String(++n).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
}
