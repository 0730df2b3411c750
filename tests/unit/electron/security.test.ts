// The security baseline, asserted on the functions main.ts calls to create and harden every window.
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  createInvokeHandler,
  hardenAllContents,
  hardenContents,
  hardenSession,
  isAllowedExternalUrl,
  isAppUrl,
  windowOptions,
  withCsp,
} from '../../../electron/security';
import type { Reply } from '../../../shared/errors';
import { FakeApp, FakeContents, FakeSession, FakeShell } from './fakes';

describe('windowOptions', () => {
  const prefs = windowOptions('/app/dist/electron/preload.cjs').webPreferences;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
  ] as const)('sets %s to %s', (flag, value) => {
    expect(prefs?.[flag]).toBe(value);
  });

  it('loads the given preload and has no developer tools unless asked for', () => {
    expect(prefs?.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs?.devTools).toBe(false);
    expect(windowOptions('/p', true).webPreferences?.devTools).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('allows scripts only from the app itself', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
  });

  it.each([
    ['default-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('%s is %j', (name, sources) => {
    expect(directives.get(name)).toEqual(sources);
  });

  it('replaces any CSP header the response had, whatever its case', () => {
    const headers = withCsp({ 'content-security-policy': ["script-src 'unsafe-eval'"], 'X-Other': ['1'] });
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('hardenContents', () => {
  function hardened(): { contents: FakeContents; shell: FakeShell } {
    const contents = new FakeContents();
    const shell = new FakeShell();
    hardenContents(contents, shell);
    return { contents, shell };
  }

  it('prevents navigation to another origin and allows our own pages', () => {
    const { contents } = hardened();
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-navigate', 'app://other/index.html')).toBe(true);
    expect(contents.fire('will-navigate', `${APP_ENTRY_URL}#/elever`)).toBe(false);
  });

  it('prevents redirects away from the app', () => {
    const { contents } = hardened();
    expect(contents.fire('will-redirect', 'https://www.skolverket.se/')).toBe(true);
    expect(contents.fire('will-redirect', APP_ENTRY_URL)).toBe(false);
  });

  it('opens an allowed link from a navigation in the system browser, and nothing else', () => {
    const { contents, shell } = hardened();
    contents.fire('will-navigate', 'https://www.skolverket.se/ledarhandling');
    contents.fire('will-navigate', 'https://evil.example/');
    expect(shell.opened).toEqual(['https://www.skolverket.se/ledarhandling']);
  });

  it('denies every window.open and hands only allowed links to the system browser', () => {
    const { contents, shell } = hardened();
    expect(contents.windowOpen('https://skolverket.se/')).toEqual({ action: 'deny' });
    expect(contents.windowOpen('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.windowOpen(APP_ENTRY_URL)).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://skolverket.se/']);
  });

  it('refuses to attach a webview', () => {
    expect(hardened().contents.fire('will-attach-webview')).toBe(true);
  });

  it('is applied to every webContents the app creates', () => {
    const app = new FakeApp();
    hardenAllContents(app, new FakeShell());
    const first = app.createWebContents();
    const second = app.createWebContents();
    for (const contents of [first, second]) {
      expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
      expect(contents.windowOpen('https://evil.example/')).toEqual({ action: 'deny' });
    }
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://skolverket.se/', true],
    ['https://www.skolverket.se/skolutveckling/ledarhandling', true],
    ['https://WWW.SKOLVERKET.SE/', true],
    ['https://larportalen.skolverket.se/', true],
    ['https://www.skolverket.se/?q=a#b', true],
    ['http://www.skolverket.se/', false],
    ['javascript:alert(1)', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['https://skolverket.se.evil.com/', false],
    ['https://evilskolverket.se/', false],
    ['https://skolverket.se@evil.com/', false],
    ['https://user:pass@www.skolverket.se/', false],
    ['https://evil.com\\@skolverket.se/', false],
    ['https://www.skolverket.se:8443/', false],
    ['https://skolverket.se./', false],
    ['https://skolverket.com/', false],
    ['app://varvet/index.html', false],
    ['//www.skolverket.se/', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://varvet/index.html', true],
    ['app://varvet/', true],
    ['app://varvet.evil/index.html', false],
    ['app://user@varvet/', false],
    ['https://varvet/', false],
    ['file:///index.html', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('hardenSession', () => {
  const session = new FakeSession();
  hardenSession(session);

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'unknown'])(
    'denies the permission request %s',
    (permission) => {
      const answers: boolean[] = [];
      session.requestHandler?.({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(session.checkHandler?.({}, permission)).toBe(false);
    },
  );

  it('sets the CSP header on every response', () => {
    const replies: Array<Record<string, string[]>> = [];
    session.headersListener?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => replies.push(r.responseHeaders));
    session.headersListener?.({}, (r) => replies.push(r.responseHeaders));
    expect(replies).toEqual([
      { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    ]);
  });

  it('registered all three handlers', () => {
    expect([session.requestHandler, session.checkHandler, session.headersListener].every((h) => h !== null)).toBe(true);
  });
});

describe('createInvokeHandler', () => {
  const calls: Array<[string, unknown]> = [];
  const handler = createInvokeHandler(async (channel, args): Promise<Reply<unknown>> => {
    calls.push([channel, args]);
    return { ok: true, value: 'svar' };
  });

  it('dispatches a request from our own page', async () => {
    const reply = await handler({ senderFrame: { url: `${APP_ENTRY_URL}#/oversikt` } }, 'oversikt:get', {});
    expect(reply).toEqual({ ok: true, value: 'svar' });
    expect(calls).toContainEqual(['oversikt:get', {}]);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/' }],
    ['a file page', { url: 'file:///tmp/x.html' }],
    ['a destroyed frame', null],
  ])('refuses a request from %s with a Swedish message', async (_name, senderFrame) => {
    const before = calls.length;
    const reply = await handler({ senderFrame }, 'skola:get', {});
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('unauthorized');
      expect(reply.error.message).toMatch(/avvisats/);
    }
    expect(calls.length).toBe(before);
  });
});
