// The app:// file server, the menu, and static checks on main.ts/preload.ts, which cannot run without Electron.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../electron/menu';
import { CONTENT_SECURITY_POLICY, INVOKE_CHANNEL, resolveAppFile, serveAppRequest } from '../../../electron/security';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const rendererDir = path.join(root, 'dist', 'renderer');
const source = (file: string): string => readFileSync(path.join(root, file), 'utf8');

describe('resolveAppFile', () => {
  it.each([
    ['app://varvet/', 'index.html'],
    ['app://varvet/index.html', 'index.html'],
    ['app://varvet/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://varvet/assets/%C3%A5r.css', 'assets/år.css'],
  ])('%s → %s', (url, relative) => {
    expect(resolveAppFile(rendererDir, url)).toBe(path.join(rendererDir, relative));
  });

  // The URL parser already folds these dot segments, so they name a (missing) file inside dist/renderer.
  it.each([
    'app://varvet/../package.json',
    'app://varvet/%2e%2e/package.json',
    'app://varvet/assets/%2e%2e/%2e%2e/package.json',
  ])('keeps %s inside the renderer folder', (url) => {
    expect(resolveAppFile(rendererDir, url)).toBe(path.join(rendererDir, 'package.json'));
  });

  it('never resolves outside the renderer folder, whatever the path (property)', () => {
    const unit = fc.constantFrom('.', '/', '\\', '%', '2', 'e', 'E', 'f', '5', 'c', '0', 'a');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (tail) => {
        const file = resolveAppFile(rendererDir, `app://varvet/${tail}`);
        return file === null || file === path.join(rendererDir, 'index.html') || file.startsWith(rendererDir + path.sep);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    'app://varvet/..%2fpackage.json',
    'app://varvet/assets/..%2f..%2f..%2fpackage.json',
    'app://varvet/..%5cpackage.json',
    'app://varvet/%00index.html',
    'app://varvet/%E0%A4%A',
    'app://other/index.html',
    'https://varvet/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(rendererDir, url)).toBeNull();
  });
});

describe('serveAppRequest', () => {
  const files = new Map([[path.join(rendererDir, 'index.html'), '<!doctype html>']]);
  const readFile = async (file: string): Promise<Uint8Array<ArrayBuffer>> => {
    const text = files.get(file);
    if (text === undefined) throw new Error('ENOENT');
    return new TextEncoder().encode(text);
  };

  it('serves a file with its type and our CSP header', async () => {
    const reply = await serveAppRequest(rendererDir, 'app://varvet/', readFile);
    expect(reply.status).toBe(200);
    expect(reply.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 403 to traversal and 404 to a missing asset, both with the CSP', async () => {
    const refused = await serveAppRequest(rendererDir, 'app://varvet/..%2f..%2fpackage.json', readFile);
    const missing = await serveAppRequest(rendererDir, 'app://varvet/assets/saknas.js', readFile);
    expect([refused.status, missing.status]).toEqual([403, 404]);
    expect(refused.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers a client-side route with index.html', async () => {
    const reply = await serveAppRequest(rendererDir, 'app://varvet/elever/12', readFile);
    expect([reply.status, reply.headers['Content-Type']]).toEqual([200, 'text/html; charset=utf-8']);
  });
});

describe('main.ts (static, since Electron cannot run here)', () => {
  const main = source('electron/main.ts');

  it('creates every BrowserWindow with windowOptions()', () => {
    const creations = main.match(/new BrowserWindow\(([^)]*)/g) ?? [];
    expect(creations.length).toBeGreaterThan(0);
    for (const creation of creations) expect(creation).toMatch(/^new BrowserWindow\(windowOptions\(/);
  });

  it.each([
    ['takes the single-instance lock', /app\.requestSingleInstanceLock\(\)/],
    ['focuses the first instance when a second starts', /app\.on\('second-instance'/],
    ['hardens every webContents', /hardenAllContents\(app, shell\)/],
    ['hardens the session', /hardenSession\(session\.defaultSession\)/],
    ['serves the renderer through app://', /protocol\.handle\(APP_SCHEME/],
    ['enables the sandbox for all renderers', /app\.enableSandbox\(\)/],
    ['runs Chromium in Swedish (dates, numbers)', /app\.commandLine\.appendSwitch\('lang', 'sv-SE'\)/],
    ['loads the app:// entry, not a file', /loadURL\(APP_ENTRY_URL\)/],
    ['checks the sender of every invoke', /ipcMain\.handle\(INVOKE_CHANNEL, createInvokeHandler\(/],
    ['shows start errors in a dialog', /dialog\.showErrorBox\(/],
  ])('%s', (_what, pattern) => {
    expect(main).toMatch(pattern);
  });

  it('registers exactly one IPC handler and never loads file:// pages', () => {
    expect(main.match(/ipcMain\.(handle|on)\(/g)).toHaveLength(1);
    expect(main).not.toMatch(/loadFile\(|file:\/\//);
  });
});

describe('preload.ts', () => {
  const preload = source('electron/preload.ts');

  it('uses the channel main.ts listens on', () => {
    expect(preload).toContain(`'${INVOKE_CHANNEL}'`);
  });

  it('exposes one object and imports nothing but electron at run time', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    const runtimeImports = [...preload.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual(['electron']);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });
});

describe('application menu', () => {
  const noop = (): void => undefined;
  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      ...(item.role === undefined ? [] : [item.role]),
      ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
    ]);

  it.each([false, true])('has the Swedish top-level menus (mac: %s)', (isMac) => {
    const labels = buildMenuTemplate({ isMac, isDev: false, openExternal: noop }).map((m) => m.label);
    expect(labels.filter((l) => l !== 'Varvet')).toEqual(['Arkiv', 'Redigera', 'Visa', 'Fönster', 'Hjälp']);
  });

  it('has developer tools and reload only in development', () => {
    expect(roles(buildMenuTemplate({ isMac: false, isDev: false, openExternal: noop }))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ isMac: false, isDev: false, openExternal: noop }))).not.toContain('reload');
    expect(roles(buildMenuTemplate({ isMac: false, isDev: true, openExternal: noop }))).toContain('toggleDevTools');
  });

  it('has the standard edit roles so copy and paste work', () => {
    const all = roles(buildMenuTemplate({ isMac: true, isDev: false, openExternal: noop }));
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']) expect(all).toContain(role);
  });
});
