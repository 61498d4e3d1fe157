// Lint configuration: typescript-eslint's recommended rules, the purity fence around core/, and the house's import boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeModules = ['fs', 'path', 'os', 'child_process'];
const hostGlobals = [
  'Excel',
  'Office',
  'OfficeExtension',
  'SpreadsheetApp',
  'google',
  'HtmlService',
  'LockService',
  'ScriptApp',
  'Session',
];

// The floors, from the ground up: core < importers < ui < the hosts (addin, apps-script, cli) < tooling (bench,
// scripts, testkit, test). A folder imports only from the floors below it, hosts never from each other, and
// everything outside core enters it through its public face, core/index.ts.
const folder = (name) => ({
  regex: `(^|/)${name}(/|$)`,
  message: `${name}/ is not below this folder: hosts stand side by side over core, ui and importers.`,
});
const coreFace = {
  regex: '(^|/)core/(?!index$).+',
  message: 'Import core through its public face (core or core/index.ts); export what you need there.',
};
const tooling = ['bench', 'scripts', 'test', 'testkit'].map(folder);

function boundaries(banned, extra = {}) {
  return {
    'no-restricted-imports': [
      'error',
      { paths: extra.paths ?? [], patterns: [...banned, ...(extra.patterns ?? [])] },
    ],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'out/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // core/ is the engine every host shares: no host APIs, no Node built-ins, no UI, nothing above it.
    files: ['core/**/*.ts'],
    rules: {
      ...boundaries(
        ['importers', 'ui', 'addin', 'apps-script', 'cli', ...['bench', 'scripts', 'test', 'testkit']].map(
          folder,
        ),
        {
          paths: [...nodeModules, 'react', 'react-dom', 'exceljs', 'yaml'],
          patterns: [{ group: ['node:*', '@fluentui/*', '@microsoft/*', 'office-js*'] }],
        },
      ),
      'no-restricted-globals': ['error', ...hostGlobals, 'window', 'document', 'process', 'require'],
    },
  },
  {
    // importers/ turn files' text into rows: pure, so the CLI, the task pane and the sidebar share them.
    files: ['importers/**/*.ts'],
    rules: {
      ...boundaries([coreFace, ...['ui', 'addin', 'apps-script', 'cli'].map(folder), ...tooling], {
        paths: [...nodeModules, 'react', 'react-dom', 'exceljs'],
        patterns: [{ group: ['node:*', '@fluentui/*', '@microsoft/*', 'office-js*'] }],
      }),
      'no-restricted-globals': ['error', ...hostGlobals, 'window', 'document', 'process', 'require'],
    },
  },
  {
    // ui/ is the React app both panels show: host actions come in as props, never from Excel or google.script.
    files: ['ui/**/*.ts', 'ui/**/*.tsx'],
    rules: {
      ...boundaries([coreFace, ...['addin', 'apps-script', 'cli'].map(folder), ...tooling], {
        paths: [...nodeModules, 'exceljs'],
        patterns: [{ group: ['node:*', '@microsoft/*', 'office-js*'] }],
      }),
      'no-restricted-globals': ['error', ...hostGlobals],
    },
  },
  {
    files: ['addin/**/*.ts', 'addin/**/*.tsx'],
    rules: boundaries([coreFace, folder('apps-script'), folder('cli'), ...tooling]),
  },
  {
    files: ['apps-script/**/*.ts', 'apps-script/**/*.tsx'],
    rules: boundaries([coreFace, folder('addin'), folder('cli'), ...tooling]),
  },
  {
    files: ['cli/**/*.ts'],
    rules: boundaries([coreFace, folder('addin'), folder('apps-script'), folder('ui'), ...tooling]),
  },
  {
    // Tooling may use any floor, but core only through its face; core's own unit tests reach into the unit they test.
    files: ['bench/**/*.ts', 'scripts/**/*.ts', 'testkit/**/*.ts', 'test/**/*.ts', 'test/**/*.tsx'],
    ignores: ['test/{lang,operators,values,engine,rulebook,output,builder,packs,docs,helpers}/**'],
    rules: boundaries([coreFace]),
  },
  {
    // The fakes stand in for Excel and Google Sheets: they never borrow the adapters' code, so they cannot share its mistakes.
    files: ['testkit/**/*.ts'],
    rules: boundaries([coreFace, ...['ui', 'addin', 'apps-script', 'cli', 'test'].map(folder)]),
  },
  {
    // A spread passes each element as an argument, and V8 overflows its stack near 125k of them: data-sized arrays go
    // through loops (issue 14: Math.max(...rows) crashed the Excel adapter at 125k Results rows).
    files: ['{core,importers,ui,addin,apps-script,cli,testkit}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(max|min|push|unshift|splice|concat|fromCharCode|fromCodePoint|hypot)$/] > SpreadElement',
          message:
            'No spread arguments here: over a data-sized array they overflow the stack. Use a loop (for … of, or reduce).',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
