// The package version, read from the package.json above this file (works from cli/ and from build/cli/).
import * as fs from 'fs';
import * as path from 'path';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached !== undefined) return cached;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'rulesheet') return (cached = pkg.version ?? '0.0.0');
    }
    dir = path.dirname(dir);
  }
  return (cached = '0.0.0');
}
