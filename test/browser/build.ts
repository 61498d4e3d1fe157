// Builds what the browser test serves: the production bundle (webpack) when the project has one, else an esbuild bundle.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { buildSync } from 'esbuild';

export const ROOT = path.join(__dirname, '..', '..');

/** The folder holding taskpane.html and its script; `how` says which build made it. */
export function buildTaskpane(): { dir: string; how: string } {
  if (fs.existsSync(path.join(ROOT, 'webpack.config.js'))) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-dist-'));
    execFileSync('npx', ['webpack', '--mode', 'production', '--output-path', out], {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 240_000,
    });
    if (fs.existsSync(path.join(out, 'taskpane.html'))) return { dir: out, how: 'webpack --mode production' };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesheet-pane-'));
  buildSync({
    entryPoints: [path.join(ROOT, 'addin/taskpane/index.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    outfile: path.join(dir, 'taskpane.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const html = fs.readFileSync(path.join(ROOT, 'addin/taskpane/taskpane.html'), 'utf8');
  fs.writeFileSync(
    path.join(dir, 'taskpane.html'),
    html.replace('</body>', '<script src="taskpane.js"></script></body>'),
  );
  return { dir, how: 'esbuild (no webpack.config.js yet)' };
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
