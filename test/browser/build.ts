// Builds what the browser test serves: the production task pane (webpack) and the Excel fake as a page script (esbuild).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { buildSync } from 'esbuild';

export const ROOT = path.join(__dirname, '..', '..');

/** Builds the task pane as shipped (webpack, production) into a fresh folder and returns the folder holding taskpane.html. */
export function buildTaskpane(): { dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-dist-'));
  execFileSync('npx', ['webpack', '--mode', 'production', '--output-path', dir], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: 240_000,
  });
  if (!fs.existsSync(path.join(dir, 'taskpane.html')))
    throw new Error(`webpack built no taskpane.html in ${dir}`);
  return { dir };
}

/** The Excel fake as one browser script that defines window.rulesheetInstallFakeExcel. */
export function buildFakeExcel(): string {
  const result = buildSync({
    entryPoints: [path.join(__dirname, 'fake-excel-page.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
