// `npm run build:main`: bundles the Electron main process and the preload into dist/electron/*.cjs with esbuild.
// CommonJS because package.json says "type": "module" and Electron's sandboxed preload can only be CommonJS.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = path.join(root, 'dist', 'electron');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

const targets = [
  {
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: path.join(outDir, 'main.cjs'),
    platform: 'node',
    // Electron 45 ships Node 22.
    target: 'node22',
    // Loaded at run time: electron by Electron itself, the SQLite driver because of its native binary.
    // Native modules, and pdfkit (reads its font metrics from its own folder at run time), load from node_modules.
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfkit', '@resvg/resvg-js'],
    // Backend modules that locate files via import.meta keep working in the CommonJS bundle (pointing at main.cjs).
    define: {
      'import.meta.url': '__varvetImportMetaUrl',
      'import.meta.dirname': '__dirname',
      'import.meta.filename': '__filename',
    },
    banner: { js: 'const __varvetImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  },
  {
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: path.join(outDir, 'preload.cjs'),
    // 'browser' makes any Node import a build error: a sandboxed preload can require only 'electron'.
    platform: 'browser',
    // Electron 45's Chromium.
    target: 'chrome140',
    external: ['electron'],
  },
];

const results = await Promise.allSettled(targets.map((options) => build(options)));
let failed = false;
results.forEach((result, i) => {
  const name = path.relative(root, targets[i].outfile);
  if (result.status === 'fulfilled') {
    console.log(`Byggde ${name} (Electron ${electronVersion}).`);
  } else {
    // esbuild has already printed the located errors above.
    failed = true;
    const first = result.reason?.errors?.[0]?.text ?? String(result.reason?.message ?? result.reason);
    console.error(`${name} kunde inte byggas: ${first.split('\n')[0]}`);
  }
});
process.exit(failed ? 1 : 0);
