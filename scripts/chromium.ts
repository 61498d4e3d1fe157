// The one Chromium launcher of browser tests and screenshot scripts: which browser to use, and launching it headless.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { chromium, type BrowserContext } from 'playwright-core';

const ROOT = path.join(__dirname, '..');
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** @sparticuz/chromium (a devDependency) ships Chromium brotli-packed in its bin/ folder, for machines without one. */
const PACKAGED = path.join(ROOT, 'node_modules', '@sparticuz', 'chromium');

export const NO_BROWSER =
  "No Chromium for the browser tests: install @sparticuz/chromium (npm ci), or Debian's chromium (apt-get install -y chromium), or set CHROMIUM_PATH";

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

export type BrowserSource =
  { kind: 'env'; path: string } | { kind: 'package'; dir: string } | { kind: 'debian'; path: string };

/**
 * Which browser a launch will use, checked in a moment and before anything is built: CHROMIUM_PATH, else Debian's
 * chromium, else the @sparticuz/chromium package. Throws NO_BROWSER (one line) when there is none.
 */
export function findChromium(): BrowserSource {
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (!fs.existsSync(env)) throw new Error(`CHROMIUM_PATH=${env} does not exist. ${NO_BROWSER}`);
    return { kind: 'env', path: env };
  }
  // The system's browser first (it comes with the machine's fonts); the package's on a machine without one.
  if (fs.existsSync(DEBIAN_CHROMIUM)) return { kind: 'debian', path: DEBIAN_CHROMIUM };
  if (fs.existsSync(path.join(PACKAGED, 'bin', 'chromium.br'))) return { kind: 'package', dir: PACKAGED };
  throw new Error(NO_BROWSER);
}

interface Executable {
  path: string;
  env?: Record<string, string>;
}

/** Unpacks the package's browser (and the libraries it links to) once per version into the OS temp folder. */
function unpackPackaged(dir: string): Executable {
  const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string })
    .version;
  const home = path.join(os.tmpdir(), `rulesheet-browser-${version}`);
  const exe = path.join(home, 'chromium');
  const libs = path.join(home, 'lib');
  if (!fs.existsSync(exe)) {
    fs.mkdirSync(home, { recursive: true });
    // Written beside, then renamed: a test run stopped mid-unpack never leaves a half binary behind.
    const part = `${exe}.${process.pid}.part`;
    fs.writeFileSync(part, zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, 'bin', 'chromium.br'))));
    fs.chmodSync(part, 0o755);
    // NSS and expat as the package builds them, for machines without Debian's libnss3.
    const al2023 = path.join(dir, 'bin', 'al2023.tar.br');
    if (fs.existsSync(al2023)) {
      const tar = path.join(home, `al2023.${process.pid}.tar`);
      fs.writeFileSync(tar, zlib.brotliDecompressSync(fs.readFileSync(al2023)));
      execFileSync('tar', ['-xf', tar, '-C', home]);
      fs.rmSync(tar, { force: true });
    }
    fs.renameSync(part, exe);
  }
  const ld = [libs, process.env.LD_LIBRARY_PATH].filter((p): p is string => !!p).join(':');
  return fs.existsSync(libs) ? { path: exe, env: { LD_LIBRARY_PATH: ld } } : { path: exe };
}

function executable(source: BrowserSource): Executable {
  return source.kind === 'package' ? unpackPackaged(source.dir) : { path: source.path };
}

export interface Launched {
  context: BrowserContext;
  /** The fresh --user-data-dir, removed by close(). */
  profile: string;
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh profile; fails with NO_BROWSER rather than letting a test skip itself. */
export async function launchChromium(
  viewport: { width: number; height: number },
  source: BrowserSource = findChromium(),
): Promise<Launched> {
  const exe = executable(source);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: exe.path,
    headless: true,
    viewport,
    args: ARGS,
    env: exe.env ? { ...process.env, ...exe.env } : undefined,
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

// `npm test` checks for a browser first (its pretest), so a machine without one fails in a second with one line.
if (require.main === module) {
  try {
    const found = findChromium();
    console.log(
      `Browser tests use ${found.kind === 'package' ? `@sparticuz/chromium (${found.dir})` : found.path}`,
    );
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
