// Text typed while the browser-mode host is down ("Texten finns kvar på den här datorn") is still there after the
// host is started again the plain way, without --port: the data folder remembers its port, so the page keeps its
// origin and with it its local drafts.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { ForberedelsePage } from './pages/ForberedelsePage';
import { OversiktPage } from './pages/OversiktPage';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';
import { WelcomePage } from './pages/WelcomePage';

describe('omstart utan --port', () => {
  const dataDir = tempDir();
  let browser: Browser;
  let host: Host;
  let session: Session;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir })]);
    session = await openSession(browser, host.url);
    await session.page.setViewportSize({ width: 1366, height: 768 });
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('text skriven medan värden är nere finns kvar efter en vanlig omstart', async () => {
    const { page } = session;
    const welcome = new WelcomePage(page);
    await welcome.waitUntilShown();
    await welcome.fillNySkola({ namn: 'Ekbackens skola', startdatum: '2026-08-17', slutdatum: '2027-06-11' });
    await welcome.submitNySkola();
    await welcome.skipProtection();
    await new OversiktPage(page).waitUntilShown();
    const f = new ForberedelsePage(page);
    await f.openWithShortcut();
    await f.tab('Steg 3 Planen');

    // The host stops; the user goes on typing.
    const forra = host.baseUrl;
    await host.stop();
    const label = 'Hur ska nytillkomna lärare introduceras i arbetet?';
    const text = 'Nya lärare går igenom årshjulet med rektor första veckan – även vikarier.';
    await f.field(label).click();
    await page.keyboard.type(text, { delay: 5 });
    await textMatching(page.getByText(/Texten finns kvar på den här datorn/), /finns kvar/);
    await page.screenshot({ path: shotPath('omstart-varden-nere') });
    session.errors.length = 0;

    // Started again as a user does: no --port. Same folder, same address.
    host = await startHost({ dataDir });
    expect(host.baseUrl).toBe(forra);
    const before = (await callApi(host, 'plan:utkast')) as { ok: true; value: { svar: Record<string, string> } };
    expect(before.value.svar.nyaLarare ?? '').toBe('');
    await page.goto('about:blank');
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    await f.openWithShortcut();
    await f.tab('Steg 3 Planen');
    expect(await f.field(label).inputValue()).toBe(text);
    await f.waitSaved();
    await page.screenshot({ path: shotPath('omstart-text-kvar') });
    const after = (await callApi(host, 'plan:utkast')) as { ok: true; value: { svar: Record<string, string> } };
    expect(after.value.svar.nyaLarare).toBe(text);
    expect(session.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
  });
});
