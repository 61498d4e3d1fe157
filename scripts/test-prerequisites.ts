// `npm test` runs this first: a browser for the panel tests and openpyxl for the .xlsx tests, installed when it can be, else one clear line.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { findChromium } from './chromium';

/** Debian's interpreter, where python3-openpyxl installs (test/cli/helpers/openpyxl.ts reads with the same one). */
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const OPENPYXL =
  "The .xlsx tests read what they write with openpyxl, which is missing: install Debian's python3-openpyxl (apt-get install -y python3-openpyxl)";

const hasOpenpyxl = () => spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;

/** As root with apt (CI, a fresh machine of this project), the test command installs what it needs itself. */
function installOpenpyxl(): boolean {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return false;
  console.log('Installing python3-openpyxl for the .xlsx tests (apt-get) …');
  const run = (args: string[]) =>
    spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
  return run(['update', '-qq']) && run(['install', '-y', '-qq', 'python3-openpyxl']) && hasOpenpyxl();
}

function check(): string | undefined {
  try {
    findChromium();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  if (!hasOpenpyxl() && !installOpenpyxl()) return OPENPYXL;
  return undefined;
}

const missing = check();
if (missing) {
  console.error(missing);
  process.exit(1);
}
