// Builds dist/apps-script once and loads Code.js into a vm context holding only Apps Script's globals and the fake.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import type { FakeAppsScript } from '../../testkit/sheets';

export const DIST = path.join(__dirname, '..', '..', 'dist', 'apps-script');
let built = false;

export function buildGas(): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'build-gas.mjs')], {
    stdio: 'pipe',
  });
  built = true;
}

export interface LoadedScript {
  context: vm.Context;
  /** Calls a top-level function of Code.js as Apps Script would (menu, trigger, google.script.run). */
  call(name: string, ...args: unknown[]): unknown;
  logs: string[];
}

export function loadCode(fake: FakeAppsScript): LoadedScript {
  buildGas();
  const logs: string[] = [];
  const console = {
    log: (...a: unknown[]) => logs.push(a.join(' ')),
    info: () => {},
    warn: () => {},
    error: () => {},
  };
  const context = vm.createContext({ ...fake.globals, console });
  vm.runInContext(fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
  return {
    context,
    logs,
    call(name, ...args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`Code.js has no global function ${name}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
  };
}
