// Compiles the Node side (CLI, Electron main and preload, the `npm start` launcher) to JavaScript in dist/.
// Packages stay external; the sandboxed preload is bundled whole as CommonJS.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'electron/cli.ts', main: 'electron/main.ts', start: 'electron/start.ts' },
    outdir: 'dist',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir: 'dist',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
