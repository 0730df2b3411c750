// Journey (b): "Ny skola" refuses impossible läsår dates in Swedish and creates nothing; valid dates create it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { OversiktPage } from './pages/OversiktPage';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';
import { WelcomePage } from './pages/WelcomePage';

describe('ny skola', () => {
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

  it('visar ett svenskt fel för omöjliga datum och skapar ingenting', async () => {
    const { page } = session;
    const welcome = new WelcomePage(page);
    await welcome.waitUntilShown();

    // Last day before the first: refused in the form, nothing is sent.
    await welcome.fillNySkola({ namn: 'Björkhagens skola', startdatum: '2027-08-23', slutdatum: '2027-06-11' });
    await welcome.submitNySkola();
    const slut = welcome.field('Läsårets sista dag');
    await textMatching(page.getByText('Läsårets sista dag måste komma efter den första.'), /måste komma efter/);
    expect(await slut.getAttribute('aria-invalid')).toBe('true');

    // Three weeks: a real date range, but no room for the varv. The backend refuses; its Swedish reason is shown.
    await welcome.fillNySkola({ namn: 'Björkhagens skola', startdatum: '2027-08-23', slutdatum: '2027-09-10' });
    await welcome.submitNySkola();
    const alert = await textMatching(welcome.alert(), /Skolan kunde inte skapas/);
    expect(alert).toMatch(/Läsåret rymmer inte/);
    expect(alert).not.toMatch(/Error|at .*\.ts|undefined/);
    await page.screenshot({ path: shotPath('ny-skola-fel') });

    expect(await callApi(host, 'skola:get')).toEqual({ ok: true, value: null });
    await welcome.heading().waitFor();

    // Corrected dates create the school and open Översikt.
    await welcome.fillNySkola({ namn: 'Björkhagens skola', startdatum: '2027-08-23', slutdatum: '2028-06-09' });
    await welcome.submitNySkola();
    await welcome.skipProtection();
    await new OversiktPage(page).waitUntilShown();
    const skola = (await callApi(host, 'skola:get')) as { ok: true; value: { namn: string } };
    expect(skola.value.namn).toBe('Björkhagens skola');
    expect(session.errors).toEqual([]);
  });
});
