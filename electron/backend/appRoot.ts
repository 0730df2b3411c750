// The folder Varvet is installed in (the one holding package.json and migrations/), found by walking up from this
// module: the same lookup works from the TypeScript sources, from the bundled CLI (dist/cli/…) and from dist/electron.
import fs from 'node:fs';
import path from 'node:path';

let cached: string | null = null;

export function appRoot(): string {
  if (cached) return cached;
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'migrations'))) return (cached = dir);
    if (path.dirname(dir) === dir) break;
  }
  // Not found (an unusual install): the layout of the sources, electron/backend/ being two levels down.
  return (cached = path.resolve(import.meta.dirname, '..', '..'));
}
