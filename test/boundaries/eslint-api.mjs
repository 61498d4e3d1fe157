// Runs ESLint through its Node API with the project's eslint.config.mjs, for test/boundaries: jest's module sandbox
// cannot import an ESM config, so the test starts this in a child process, sends a request on stdin, reads JSON back.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @type {{ texts: { code: string, filePath: string }[], files: string[] }} */
const request = JSON.parse(readFileSync(0, 'utf8'));

// A content-keyed cache outside the tree (node_modules is shared between worktrees), so a rerun lints only what changed.
const cacheLocation = path.join(
  os.tmpdir(),
  `rulesheet-eslint-${createHash('sha1').update(root).digest('hex').slice(0, 12)}`,
);
const eslint = new ESLint({ cwd: root, cache: true, cacheLocation, cacheStrategy: 'content' });

const shape = (messages) =>
  messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, line: m.line, message: m.message }));

const texts = [];
for (const { code, filePath } of request.texts) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  texts.push(shape(result.messages));
}

const files = [];
if (request.files.length > 0) {
  for (const result of await eslint.lintFiles(request.files)) {
    if (result.messages.length > 0)
      files.push({ filePath: path.relative(root, result.filePath), messages: shape(result.messages) });
  }
}

process.stdout.write(JSON.stringify({ texts, files }));
