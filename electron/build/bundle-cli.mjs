// `npm run build:cli`: bundles the `varvet` command (electron/cli/main.ts and everything it imports from electron/
// and shared/) into dist/cli/*.mjs with esbuild, so the command runs plain JavaScript: no transpiler at run time.
// Each command stays its own chunk (code splitting), loaded only when it runs. The pure-JavaScript packages are
// bundled too (only what is used: loading all of date-fns or zod from node_modules alone took longer than the whole
// command); native modules and packages that read their own files at run time load from node_modules.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outdir = path.join(root, 'dist', 'cli');

fs.rmSync(outdir, { recursive: true, force: true });
try {
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'electron/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers', 'pdfkit', '@resvg/resvg-js', 'exceljs', 'electron'],
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __varvetCreateRequire } from 'node:module'; const require = __varvetCreateRequire(import.meta.url);" },
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  });
  console.log(`Byggde ${path.relative(root, path.join(outdir, 'main.mjs'))} (kommandot varvet).`);
} catch (error) {
  // esbuild has already printed the located errors above.
  const first = error?.errors?.[0]?.text ?? String(error?.message ?? error);
  console.error(`Kommandot varvet kunde inte byggas: ${first.split('\n')[0]}`);
  process.exit(1);
}
