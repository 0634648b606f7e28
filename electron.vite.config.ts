import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';

/** Worker threads load their entry by file: ship the bootstrap next to main.js. */
function workerBootstrap(): Plugin {
  return {
    name: 'padan-worker-bootstrap',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'worker-bootstrap.mjs',
        source: readFileSync(resolve(__dirname, 'electron/import/worker-bootstrap.mjs'), 'utf8'),
      });
    },
  };
}

// Main and preload are bundled for Node/Electron with dependencies left external (native
// modules such as better-sqlite3 are rebuilt for Electron by electron-builder); the
// renderer is a plain Vite React build that the test bridge serves too.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin(), workerBootstrap()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'electron/main.ts'),
          // Worker entries, loaded by runInWorker from files beside main.js.
          'read-worker': resolve(__dirname, 'electron/import/read-worker.ts'),
          'export-worker': resolve(__dirname, 'electron/export/worker.ts'),
          'candidate-worker': resolve(__dirname, 'electron/match/candidate-worker.ts'),
          // `npx padan` runs this build when it is newer than the sources (bin/padan.mjs).
          cli: resolve(__dirname, 'electron/cli.ts'),
          // The bench measures the engine from the build too (bench/stage.ts).
          engine: resolve(__dirname, 'electron/engine.ts'),
        },
        // Shared chunks beside the entries, not in a chunks/ folder: modules find their
        // workers and the bootstrap with new URL('./x.js', import.meta.url), which must
        // resolve to this folder from whichever file the module was bundled into.
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin({ exclude: ['zod'] })],
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(__dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    base: './',
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      chunkSizeWarningLimit: 2500,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
