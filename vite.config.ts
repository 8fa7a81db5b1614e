import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is a static page: relative asset paths so Electron can load it from file://.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 4000 },
});
