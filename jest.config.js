// Jest configuration: the tests under test/ in projects (unit, hosts, browser, scale; render on its own command) so the inner loop runs only unit.
//
// TypeScript is transpiled file by file (tsconfig's isolatedModules makes ts-jest use transpileModule), never type-checked
// here: `npm run typecheck` does that once for the whole tree.
const transform = { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] };

/** What every project shares: Node, TypeScript tests, the transform above. */
const base = {
  roots: ['<rootDir>/test'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  transform,
};

// Suites that need headless Chromium (playwright-core) or a production bundle built by webpack or esbuild for it.
const BROWSER = ['<rootDir>/test/browser/**/*.test.{ts,tsx}', '<rootDir>/test/apps-script/sidebar.test.ts'];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      // Core, importers, cli, conformance, docs, bench, boundaries: in-process in Node, no DOM, no bundler, no browser.
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.{ts,tsx}'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/(addin|apps-script|taskpane|browser|scale|render|hosts-fault-injection)/',
      ],
    },
    {
      // The hosts on the fakes in testkit/: the Excel and Sheets adapters, the built Code.js and commands bundle in a vm,
      // manifest.xml against the XSDs, and the ui/ task pane in jsdom.
      ...base,
      displayName: 'hosts',
      testMatch: ['<rootDir>/test/{addin,apps-script,taskpane,hosts-fault-injection}/**/*.test.{ts,tsx}'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/apps-script/sidebar.test.ts'],
    },
    {
      // 200,000 results through the CLI (every format, CSV and .xlsx) and both adapters on their fakes: slow, so apart.
      ...base,
      displayName: 'scale',
      testMatch: ['<rootDir>/test/scale/**/*.test.ts'],
    },
    {
      // The production task pane and the Sheets sidebar in headless Chromium.
      ...base,
      displayName: 'browser',
      testMatch: BROWSER,
    },
    {
      // The example's workbook printed by LibreOffice Calc (headless) and read back with poppler: Debian packages,
      // not npm ones, so this project runs alone (`npm run test:render`), never under `npm test`.
      ...base,
      displayName: 'render',
      testMatch: ['<rootDir>/test/render/**/*.test.ts'],
    },
  ],
};
