// `npm run build:gas`: bundles core + the Sheets adapter into Code.js and the sidebar into Sidebar.html, in dist/apps-script/.
/* global console */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'apps-script');
const GLOBAL_NAME = 'Rulesheet';

async function bundle(entry, options) {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    ...options,
  });
  return result.outputFiles[0].text;
}

/** The exported functions of the bundle, found by running it with nothing but the language's own globals. */
function exportedFunctions(code) {
  const context = vm.createContext({});
  vm.runInContext(
    `${code}\nthis.__names = Object.keys(${GLOBAL_NAME}).filter((k) => typeof ${GLOBAL_NAME}[k] === 'function');`,
    context,
  );
  return [...context.__names].sort();
}

async function buildCode() {
  const code = await bundle('apps-script/index.ts', {
    globalName: GLOBAL_NAME,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify: false,
  });
  // Apps Script only lists and calls top-level function declarations, so each export gets one.
  const globals = exportedFunctions(code)
    .map((name) => `function ${name}() {\n  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n}`)
    .join('\n\n');
  const header =
    '// Rulesheet for Google Sheets: the core engine and the Sheets adapter, built by `npm run build:gas`. Do not edit; edit apps-script/ and rebuild.\n';
  return `${header}${code}\n${globals}\n`;
}

async function buildSidebar() {
  const js = await bundle('apps-script/sidebar/index.tsx', {
    platform: 'browser',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  // Inline: a `</script` inside the bundle would end the element early.
  const safe = js.replace(/<\/script/gi, '<\\/script');
  return `<!DOCTYPE html>
<html>
  <head>
    <base target="_top">
    <meta charset="utf-8">
    <title>Rulesheet</title>
    <style>body { margin: 0; font-family: 'Segoe UI', Roboto, Arial, sans-serif; }</style>
  </head>
  <body>
    <div id="root"></div>
    <script>${safe}</script>
  </body>
</html>
`;
}

const CLASPIGNORE = `# Only the built files go to Apps Script.
**/**
!Code.js
!Sidebar.html
!appsscript.json
`;

mkdirSync(out, { recursive: true });
const [code, sidebar] = await Promise.all([buildCode(), buildSidebar()]);
writeFileSync(path.join(out, 'Code.js'), code);
writeFileSync(path.join(out, 'Sidebar.html'), sidebar);
writeFileSync(
  path.join(out, 'appsscript.json'),
  readFileSync(path.join(root, 'apps-script', 'appsscript.json')),
);
writeFileSync(path.join(out, '.claspignore'), CLASPIGNORE);
console.log(
  `dist/apps-script: Code.js ${(code.length / 1024).toFixed(0)} KB, Sidebar.html ${(sidebar.length / 1024).toFixed(0)} KB`,
);
