// The renderer's Vite build: root renderer/, output dist/renderer, relative base so the same files load over
// Electron's app:// scheme and from the browser-mode host. No inline scripts or styles are emitted (see the CSP).
// Typechecked with tsconfig.node.json (it runs in Node), excluded from tsconfig.web.json.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Maps for debugging, but not referenced from the bundle; the browser-mode host never serves them (issue 16).
    sourcemap: 'hidden',
    // One ~700 kB bundle read from disk (app:// or the loopback host), never over a network: splitting it would add
    // requests without a gain, so Vite's 500 kB web-page warning is raised rather than printed at every `npm start`.
    chunkSizeWarningLimit: 1200,
  },
});
