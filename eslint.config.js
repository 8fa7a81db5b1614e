// Lint, including the import boundaries of ARCHITECTURE.md:
// shared/ imports only shared/; renderer/ never imports Node, Electron or electron/;
// electron/engine/ never imports electron.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', ...builtinModules.flatMap((m) => [m, `${m}/*`])];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test/**/__fixtures__/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['bin/**/*.js', 'build/**/*.mjs', '*.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Tests break designs on purpose, which is easiest on untyped JSON.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', 'react/*', '@xyflow/*', 'ssh2', 'zustand', '**/electron/**', '**/renderer/**', '../../electron*', '../electron*', '../renderer*', '../../renderer*'],
      'shared/ is the pure domain: it may import only shared/ (no Node, DOM libraries, React or Electron).',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'ssh2', '**/electron/**', '../electron*', '../../electron*'],
      'renderer/ runs in a sandboxed page: no Node, no Electron, no electron/ code; use the API in shared/api.ts.',
    ),
  },
  {
    files: ['electron/engine/**/*.ts'],
    rules: restrict(['electron'], 'electron/engine/ is plain Node so it can be tested without Electron.'),
  },
  {
    // Text from designs and hosts reaches the terminal only through the sanitising printers.
    files: ['electron/cli.ts', 'electron/cli/**/*.ts'],
    ignores: ['electron/cli/output.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.object.name='process'][object.property.name=/^(stdout|stderr)$/][property.name='write']",
          message: 'CLI output goes through printOut/printErr/printJson/printContent (cli/output.ts), which show escape sequences instead of sending them to the terminal.',
        },
      ],
    },
  },
);
