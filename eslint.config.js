// ESLint (flat config): typescript-eslint's recommended rules for all code, and the purity of
// src/domain (no I/O, no clock, no environment, no console) enforced by import and syntax rules.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What src/domain may not import: every Node built-in, I/O libraries, and the impure layers. */
export const DOMAIN_FORBIDDEN_IMPORTS = {
  paths: [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))].map((name) => ({
    name,
    message: 'src/domain is pure: no Node built-ins (I/O belongs in src/repo or src/cli).',
  })),
  patterns: [
    { group: ['node:*'], message: 'src/domain is pure: no Node built-ins (I/O belongs in src/repo or src/cli).' },
    { group: ['execa', 'execa/*', 'fs-extra', 'graceful-fs', 'chalk', 'commander'], message: 'src/domain is pure: no processes, files or terminal.' },
    {
      group: ['**/repo', '**/repo/*', '**/cli', '**/cli/*', '**/render', '**/render/*', '**/init', '**/init/*'],
      message: 'src/domain is the bottom layer: it may not import src/repo, src/cli, src/render or src/init.',
    },
  ],
};

const DOMAIN_FORBIDDEN_SYNTAX = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/domain reads no clock: take the as-of date as an argument.' },
  { selector: "CallExpression[callee.name='Date']", message: 'src/domain reads no clock: Date() is the current time.' },
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'src/domain reads no clock: take the as-of date as an argument.' },
  { selector: "MemberExpression[object.name='performance'][property.name='now']", message: 'src/domain reads no clock.' },
  {
    selector: 'CallExpression[callee.property.name=/^get(Hours|Minutes|Date|Day|Month|FullYear|TimezoneOffset)$/]',
    message: 'src/domain answers the same under any TZ: no local-time getters (use the helpers in src/domain/dates.ts).',
  },
  { selector: 'ImportExpression', message: 'src/domain imports statically, so the import rules can check it.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/generated/**', 'out/**', 'test-results/**', 'fixtures/**', 'templates/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `typeof import('./spawn.js')` types a module that is loaded lazily, on first use.
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/main.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'Only the CLI entry (src/cli/main.ts) ends the process.' }],
    },
  },
  {
    // Commands are thin and load lazily: only a command definition loads its action (with import(), when it
    // runs), and an action never imports another: what two actions share lives outside src/cli/actions.
    files: ['src/**/*.ts'],
    ignores: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/actions/*'],
              message: 'Only a command loads its action, with import() in src/cli/commands/: move what is shared to a module outside src/cli/actions.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/actions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['./*', '**/actions/*'],
              message: 'An action does not import another action: move what they share to a module outside src/cli/actions (src/domain when it is a decision).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', DOMAIN_FORBIDDEN_IMPORTS],
      'no-restricted-globals': [
        'error',
        ...['process', 'console', 'Buffer', 'require', 'setTimeout', 'setInterval', 'fetch', 'performance'].map((name) => ({
          name,
          message: 'src/domain is pure: no environment, console, timers or I/O.',
        })),
      ],
      'no-restricted-syntax': ['error', ...DOMAIN_FORBIDDEN_SYNTAX],
      'no-console': 'error',
    },
  },
);
