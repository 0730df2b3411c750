#!/usr/bin/env node
// The `varvet` command. Runs the bundle that `npm install` / `npm run build:cli` builds into dist/cli (plain
// JavaScript, nothing transpiled at run time). Only in a development checkout without that bundle does it fall back
// to the TypeScript sources through tsx, a development dependency.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A reader that stops early (`varvet help | head`) closes the pipe; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const bundle = new URL('../../dist/cli/main.mjs', import.meta.url);
let main;
if (existsSync(fileURLToPath(bundle))) {
  ({ main } = await import(bundle.href));
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('Kommandot varvet är inte byggt (dist/cli saknas). Kör npm install eller npm run build:cli i Varvets mapp.\n');
    process.exit(1);
  }
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
