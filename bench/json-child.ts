// Runs a bench script in a child process of its own (its heap and globals apart) and reads the JSON it prints last.
import { spawnSync } from 'child_process';
import path from 'path';

/**
 * `node -r ts-node/register/transpile-only <script> --json <arg>`: the figures of its last stdout line, or the
 * child's first error line when it failed.
 */
export function runJsonChild<T>(script: string, arg: unknown): T | { error: string } {
  const child = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '-r',
      'ts-node/register/transpile-only',
      script,
      '--json',
      JSON.stringify(arg),
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, cwd: path.join(__dirname, '..') },
  );
  const last = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !last.startsWith('{')) {
    const lines = child.stderr.trim().split('\n');
    return { error: (lines.find((l) => /Error/.test(l)) ?? child.stderr.slice(-300)).trim() };
  }
  return JSON.parse(last) as T;
}
