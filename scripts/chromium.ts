// Debian's headless Chromium through playwright-core, as every browser test and screenshot script launches it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Root in CI, no network, no background traffic, a profile of its own each time.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--headless=new',
];

export interface Launched {
  context: BrowserContext;
  /** The fresh --user-data-dir, removed by close(). */
  profile: string;
  close(): Promise<void>;
}

/** Fails with a clear message when Chromium is missing, rather than letting a test skip itself. */
export async function launchChromium(viewport: { width: number; height: number }): Promise<Launched> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`,
    );
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: ARGS,
  });
  return {
    context,
    profile,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
