// Lint, including the import boundaries of ARCHITECTURE.md:
// shared/ imports only shared/; renderer/ never imports Node, Electron or electron/;
// electron/engine/ never imports electron; inside shared/, each layer imports only
// the layers below it (SHARED_LAYERS).
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', ...builtinModules.flatMap((m) => [m, `${m}/*`])];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), 'shared');

/**
 * The folders of shared/, bottom layer first. A folder imports its own files
 * and the layers below it, never a layer above nor another folder of its own
 * layer, so no cycle can form between folders. Files directly in shared/ (the
 * API contract) sit above every layer. shell/ is a leaf utility the model may
 * use; vendors/ and platforms/ are the registries built on the model; derive/
 * (who is cabled to whom, the switch plan) and load/ (restore with the
 * vendors' port names) build on those; layout/ places what edit/ links;
 * examples/ lists the bundled example designs (data for the API and the
 * menus, which nothing below needs).
 */
const SHARED_LAYERS = [
  ['shell'],
  ['model'],
  ['vendors', 'platforms'],
  ['derive', 'load'],
  ['validate', 'targets', 'importers', 'status', 'switch-config', 'edit', 'deploy'],
  ['layout', 'examples'],
  ['diagram'],
];
const layerOf = new Map(SHARED_LAYERS.flatMap((folders, layer) => folders.map((f) => [f, layer])));
const layerList = SHARED_LAYERS.map((folders) => folders.join(', ')).join(' <- ');

/** `model` for shared/model/kinds/port.ts; `''` for a file directly in shared/; `undefined` outside shared/. */
function sharedFolderOf(file) {
  const rel = relative(SHARED, file);
  if (rel.startsWith('..') || rel === '') return undefined;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : '';
}

const sharedLayers = {
  meta: {
    type: 'problem',
    schema: [],
    docs: { description: 'Layers inside shared/: each folder imports only the layers below it.' },
  },
  create(context) {
    const from = sharedFolderOf(context.filename);
    if (from === undefined || from === '') return {};
    const check = (node) => {
      const source = node.source;
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = sharedFolderOf(resolve(dirname(context.filename), source.value));
      if (to === undefined || to === from) return;
      const unknown = [from, to].find((f) => f !== '' && !layerOf.has(f));
      let message;
      if (unknown !== undefined)
        message = `shared/${unknown} is in no layer: add it to SHARED_LAYERS in eslint.config.js (and docs/ARCHITECTURE.md)`;
      else if (to === '' || layerOf.get(to) >= layerOf.get(from)) {
        message = `shared/${from} may not import shared/${to || source.value.replace(/^(\.\.\/)+/, '')}: inside shared/ each layer imports only the layers below it (${layerList}); move what both need down a layer`;
      }
      if (message) context.report({ node: source, message });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

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
      [
        ...nodeBuiltins,
        'electron',
        'react',
        'react-dom',
        'react/*',
        '@xyflow/*',
        'ssh2',
        'zustand',
        '**/electron/**',
        '**/renderer/**',
        '../../electron*',
        '../electron*',
        '../renderer*',
        '../../renderer*',
      ],
      'shared/ is the pure domain: it may import only shared/ (no Node, DOM libraries, React or Electron).',
    ),
  },
  {
    files: ['shared/**/*.ts'],
    plugins: { netloom: { rules: { 'shared-layers': sharedLayers } } },
    rules: { 'netloom/shared-layers': 'error' },
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
          selector:
            "MemberExpression[object.object.name='process'][object.property.name=/^(stdout|stderr)$/][property.name='write']",
          message:
            'CLI output goes through printOut/printErr/printJson/printContent (cli/output.ts), which show escape sequences instead of sending them to the terminal.',
        },
      ],
    },
  },
);
