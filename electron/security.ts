// The Electron security baseline as plain functions. main.ts passes in the real Electron objects; the tests pass
// small recording fakes. Nothing here imports 'electron' at run time, so the tests load it under plain Node.
import path from 'node:path';
import type { BrowserWindowConstructorOptions, Shell } from 'electron';
import type { Reply } from '../shared/errors';

export const APP_SCHEME = 'app';
export const APP_HOST = 'varvet';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The one IPC channel; preload.ts repeats the literal because a sandboxed preload cannot import this file. */
export const INVOKE_CHANNEL = 'varvet:invoke';

// One policy for the Electron window and the browser-mode host (renderer/index.html repeats it as a meta tag;
// tests/unit/csp.test.ts keeps the three in step).
import { CONTENT_SECURITY_POLICY } from './backend/http/security';

export { CONTENT_SECURITY_POLICY };

export const UNAUTHORIZED_MESSAGE =
  'Förfrågan kom inte från Varvets eget fönster och har avvisats. Ingenting har ändrats.';

/** Hosts a link may open in the system browser: Skolverket (the ledarhandling) and its subdomains, nothing else. */
const EXTERNAL_HOSTS = ['skolverket.se'];

export function windowOptions(preloadPath: string, devTools = false): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Varvet',
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools,
    },
  };
}

/** True for our own pages. WHATWG URL gives non-special schemes the origin "null", so compare the parts. */
export function isAppUrl(url: string): boolean {
  const parsed = tryParse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !hasCredentials(parsed);
}

/** The allow-list for links opened in the system browser. */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = tryParse(url);
  if (parsed === null || parsed.protocol !== 'https:') return false;
  if (hasCredentials(parsed) || parsed.port !== '') return false;
  const host = parsed.hostname;
  return EXTERNAL_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

function tryParse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

// The interfaces below are the small parts of Electron's objects that hardening touches. main.ts passes the real
// objects, so the compiler checks that Electron's types satisfy them; the tests pass recording fakes.
export interface NavigationEvent {
  preventDefault(): void;
}
export interface HardenableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}
export type ExternalOpener = Pick<Shell, 'openExternal'>;

export function openExternalIfAllowed(url: string, shell: ExternalOpener): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  // A failed browser launch is not the app's error to show; the link simply does nothing.
  shell.openExternal(url).catch(() => undefined);
  return true;
}

export function hardenContents(contents: HardenableContents, shell: ExternalOpener): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternalIfAllowed(url, shell);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    openExternalIfAllowed(details.url, shell);
    return { action: 'deny' };
  });
}

export interface WebContentsCreatedSource {
  on(event: 'web-contents-created', listener: (event: unknown, contents: HardenableContents) => void): unknown;
}

/** Every webContents – windows, popups that slipped through, devtools – gets the same hardening. */
export function hardenAllContents(app: WebContentsCreatedSource, shell: ExternalOpener): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, shell));
}

export type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders: Record<string, string[]> }) => void,
) => void;
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  webRequest: { onHeadersReceived(listener: HeadersListener): void };
}

export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders ?? {}) });
  });
}

/** Replaces any Content-Security-Policy header (whatever its case) with ours. */
export function withCsp(headers: Record<string, string[]>): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

export interface InvokeEvent {
  senderFrame: { url: string } | null;
}
export type Dispatch = (channel: string, args: unknown) => Promise<Reply<unknown>>;

/** The body of ipcMain.handle(INVOKE_CHANNEL): only our own frames reach the backend. */
export function createInvokeHandler(dispatch: Dispatch) {
  return async (event: InvokeEvent, channel: unknown, args: unknown): Promise<Reply<unknown>> => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl)) return { ok: false, error: { code: 'unauthorized', message: UNAUTHORIZED_MESSAGE } };
    // A non-string channel is no channel; dispatch answers it with its own unknown_channel reply.
    return dispatch(typeof channel === 'string' ? channel : '', args);
  };
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL to a file under rootDir, or null when it is another origin or escapes rootDir (traversal,
 * encoded separators, absolute paths). "/" is index.html.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  const parsed = tryParse(requestUrl);
  if (parsed === null || !isAppUrl(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // Encoded separators and NUL never name a file we ship; refusing them closes the decoded-traversal tricks.
  if (pathname.includes('\\') || pathname.includes('\0')) return null;
  if (pathname.split('/').includes('..')) return null;
  const relative = pathname.replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string;
}

/** What protocol.handle answers; readFile is injected so the tests need no files and main needs no net.fetch. */
export async function serveAppRequest(
  rootDir: string,
  requestUrl: string,
  readFile: (file: string) => Promise<Uint8Array<ArrayBuffer>>,
): Promise<AppResponse> {
  const base = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  const text = { ...base, 'Content-Type': 'text/plain; charset=utf-8' };
  const file = resolveAppFile(rootDir, requestUrl);
  if (file === null) return { status: 403, headers: text, body: 'Åtkomst nekad.' };
  // A path without an extension is a client-side route: a reload there should get the app, not a 404.
  const candidates = path.extname(file) === '' ? [file, path.join(path.resolve(rootDir), 'index.html')] : [file];
  for (const candidate of candidates) {
    try {
      const body = await readFile(candidate);
      return { status: 200, headers: { ...base, 'Content-Type': mimeTypeOf(candidate) }, body };
    } catch {
      // Try the next candidate; a missing file ends in the 404 below.
    }
  }
  return { status: 404, headers: text, body: 'Filen finns inte.' };
}
