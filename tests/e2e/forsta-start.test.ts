// Journey (a): first start → "Öppna demoskola" → Översikt with the school's real numbers.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { AppFrame } from './pages/AppFrame';
import { OversiktPage } from './pages/OversiktPage';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';
import { WelcomePage } from './pages/WelcomePage';

describe('första start', () => {
  let browser: Browser;
  let host: Host;
  let session: Session;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir: tempDir() })]);
    session = await openSession(browser, host.url);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('utan åtkomstnyckel i adressen förklaras hur Varvet öppnas', async () => {
    const bare = await openSession(browser, host.baseUrl);
    try {
      await bare.page.getByRole('heading', { name: 'Åtkomstnyckel saknas', level: 1 }).waitFor();
      const text = await textMatching(bare.page.getByRole('alert'), /Öppna Varvet/);
      expect(text).toContain('Öppna Varvet via adressen som skrevs ut när det startade (den innehåller din åtkomstnyckel)');
      await bare.page.screenshot({ path: shotPath('utan-nyckel') });
      expect(bare.errors).toEqual([]);
    } finally {
      await bare.close();
    }
  });

  it('öppnar demoskolan och visar översikten med skolans verkliga antal', async () => {
    const { page } = session;
    const welcome = new WelcomePage(page);
    await welcome.waitUntilShown();
    await page.screenshot({ path: shotPath('valkommen') });
    // The token has been taken out of the visible address.
    expect(page.url()).not.toContain('token');

    await welcome.openDemo();
    await textMatching(welcome.demoButton(), /Skapar demoskolan…|Öppna demoskola/);
    await welcome.skipProtection();
    const oversikt = new OversiktPage(page);
    await oversikt.waitUntilShown();

    const elever = (await callApi(host, 'elev:list', { baraAktiva: true })) as { ok: true; value: unknown[] };
    expect(elever.ok).toBe(true);
    expect(elever.value.length).toBeGreaterThan(1000);
    expect(await oversikt.count('Elever')).toBe(elever.value.length);

    const api = (await callApi(host, 'oversikt:get')) as {
      ok: true;
      value: { antal: Record<string, number>; skola: { namn: string }; varv: unknown[] };
    };
    expect(await oversikt.count('Personal')).toBe(api.value.antal.personal);
    expect(await oversikt.count('Grupper')).toBe(api.value.antal.grupper);
    expect(await oversikt.count('Aktiva insatser')).toBe(api.value.antal.aktivaInsatser);
    expect(await oversikt.count('Bedömningar')).toBe(api.value.antal.bedomningar);
    expect(await oversikt.count('Pågående utredningar')).toBe(api.value.antal.pagaendeUtredningar);
    expect(await oversikt.schoolHeading().textContent()).toBe(api.value.skola.namn);

    // The current varv's meetings in weeks and Swedish day names, e.g. "vecka 44, tisdag 4 november".
    const varv = await oversikt.currentVarv().textContent();
    expect(varv).toMatch(/Aktuellt varv: varv \d av \d/);
    expect(varv).toMatch(/EHT-möte\s*vecka \d{1,2}, (måndag|tisdag|onsdag|torsdag|fredag) \d{1,2} [a-zåäö]+/);
    expect(await oversikt.varvTable().getByRole('row').count()).toBe(api.value.varv.length + 1);
    expect(await new AppFrame(page).nav().textContent()).toContain(api.value.skola.namn);

    // The main area scrolls inside the frame, so a taller window shows the whole screen in one picture.
    await page.setViewportSize({ width: 1366, height: 1250 });
    await page.screenshot({ path: shotPath('oversikt') });
    expect(session.errors).toEqual([]);
  });
});
