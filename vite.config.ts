import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is a static page: relative asset paths so Electron can load it from file://.
// ELK (1.4 MB minified, one library that cannot be split) is its own chunk, loaded when a layout
// first runs. The limit sits just above it; the app chunk is 0.8 MB (CodeMirror, for the config preview, is
// its own chunk too).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
});
