// shared/ is pure: it imports nothing from electron, node:*, the database or the DOM. This check fails the build
// when that is broken (tsconfig.shared.json also has no DOM or Node types, so globals fail the typecheck).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/tmp';

const ALLOWED_PACKAGES = ['zod', 'date-fns', 'date-fns/locale'];
/** zod's locale files are pure data, like zod itself. */
const ALLOWED_PREFIXES = ['zod/v4/locales/'];
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

export function forbiddenImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3] ?? '';
    if (spec.startsWith('./') || spec.startsWith('../')) {
      if (spec.includes('/electron/') || spec.includes('/renderer/')) found.push(spec);
      continue;
    }
    if (!ALLOWED_PACKAGES.includes(spec) && !ALLOWED_PREFIXES.some((p) => spec.startsWith(p))) found.push(spec);
  }
  return found;
}

function sharedFiles(dir = path.join(REPO_ROOT, 'shared')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sharedFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('shared/ boundary', () => {
  it('the check catches what it must', () => {
    expect(forbiddenImports("import fs from 'node:fs';")).toEqual(['node:fs']);
    expect(forbiddenImports("import { app } from 'electron';")).toEqual(['electron']);
    expect(forbiddenImports("import Database from 'better-sqlite3';")).toEqual(['better-sqlite3']);
    expect(forbiddenImports("const p = require('path');")).toEqual(['path']);
    expect(forbiddenImports("export { x } from '../electron/backend/db';")).toEqual(['../electron/backend/db']);
    expect(forbiddenImports("import { z } from 'zod';\nimport { sv } from 'date-fns/locale';\nimport { a } from './a';")).toEqual([]);
    expect(forbiddenImports("import sv from 'zod/v4/locales/sv.js';")).toEqual([]);
    expect(forbiddenImports("import x from 'zod-extra';")).toEqual(['zod-extra']);
  });

  it('no file in shared/ imports electron, node, the database, the DOM or the other layers', () => {
    const files = sharedFiles();
    expect(files.length).toBeGreaterThan(5);
    const offenders = files
      .map((file) => ({ file: path.relative(REPO_ROOT, file), imports: forbiddenImports(fs.readFileSync(file, 'utf8')) }))
      .filter((f) => f.imports.length > 0);
    expect(offenders).toEqual([]);
  });

  it('shared/ is typechecked without DOM or Node types', () => {
    const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tsconfig.shared.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
    expect(config.compilerOptions.types).toEqual([]);
    expect(config.compilerOptions.lib.some((l: string) => /dom/i.test(l))).toBe(false);
  });
});
