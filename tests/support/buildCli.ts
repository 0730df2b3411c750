// Test setup: builds the `varvet` bundle (dist/cli) once before the suites, as `npm install` does, so every test
// that runs the command (tests/support/tmp.ts CLI, the browser-mode host) runs the code of this checkout.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  execFileSync(process.execPath, [path.join(root, 'electron', 'build', 'bundle-cli.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
