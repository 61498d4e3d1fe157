// Lint configuration: typescript-eslint's recommended rules, plus the purity fence around core/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const hostModules = ['fs', 'path', 'os', 'child_process', 'react', 'react-dom', 'exceljs', 'yaml'];

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
    // core/ is the engine every host shares: no host APIs, no Node built-ins, no UI.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: hostModules,
          patterns: ['node:*', '@fluentui/*', '@microsoft/*', 'office-js*'],
        },
      ],
      'no-restricted-globals': ['error', 'Excel', 'Office', 'SpreadsheetApp', 'google', 'window', 'document', 'process', 'require'],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
