// Journey (issue 8): a new user whose data folder is in OneDrive sees the warning, takes a backup, restores it
// through Säkerhetskopior, and undoes the restore — every change made in between comes back.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Elev } from '../../shared/model';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { AppFrame } from './pages/AppFrame';
import { BackupGate, BackupPage } from './pages/BackupPage';
import { OversiktPage } from './pages/OversiktPage';
import { openSession, type Session } from './pages/session';

const elevNamn = async (host: Host) =>
  (((await callApi(host, 'elev:list', { baraAktiva: true })) as { value: Elev[] }).value).map((e) => `${e.fornamn} ${e.efternamn}`);

describe('säkerhetskopior', () => {
  let browser: Browser;
  let host: Host;
  let session: Session;

  beforeAll(async () => {
    // A folder the way OneDrive for a municipality names it, so the location warning shows.
    const dataDir = path.join(tempDir(), 'OneDrive - Sundsvalls kommun', 'Varvet');
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir })]);
    expect(await callApi(host, 'demo:open', { size: 's' })).toMatchObject({ ok: true });
    session = await openSession(browser, host.url);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('varnar för OneDrive, tar en säkerhetskopia, återställer den och ångrar återställningen', async () => {
    const { page } = session;
    const oversikt = new OversiktPage(page);
    await oversikt.waitUntilShown();
    const backups = new BackupPage(page);
    await expect(backups.locationWarning().textContent()).resolves.toMatch(/OneDrive/);
    await page.screenshot({ path: shotPath('oversikt-onedrive-varning'), fullPage: true });

    await page.keyboard.press('Alt+7');
    await backups.heading().waitFor();
    expect(await new AppFrame(page).nav().getByRole('button', { name: 'Säkerhetskopior' }).getAttribute('aria-current')).toBe('page');
    await backups.backupNow();
    await backups.rows().filter({ hasText: 'Tagen för hand' }).first().waitFor();
    await expect(backups.rows().filter({ hasText: 'Tagen för hand' }).first().textContent()).resolves.toMatch(/✓ Ja/);

    // Work goes on after the backup: a new pupil.
    expect(await callApi(host, 'elev:create', { fornamn: 'Märta', efternamn: 'Efterbackup', arskurs: 4 })).toMatchObject({ ok: true });
    expect(await elevNamn(host)).toContain('Märta Efterbackup');

    await backups.restoreNewest('Tagen för hand');
    await backups.restoredPanel().waitFor();
    await page.screenshot({ path: shotPath('sakerhetskopior-aterstalld'), fullPage: true });
    expect(await elevNamn(host)).not.toContain('Märta Efterbackup');
    await backups.rows().filter({ hasText: 'Före återställning' }).first().waitFor();

    await backups.undo();
    await backups.undonePanel().waitFor();
    expect(await elevNamn(host)).toContain('Märta Efterbackup');
    await page.screenshot({ path: shotPath('sakerhetskopior-angrad'), fullPage: true });

    // The rest of the app shows the state after the undo.
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { level: 1, name: /Elever/ }).waitFor();
    expect(session.errors).toEqual([]);
  });

  it('när databasen visar sig vara skadad mitt i arbetet erbjuds säkerhetskopiorna direkt, och en återställning tar användaren tillbaka', async () => {
    const { page } = session;
    // The next Översikt read answers as a damaged database would (the backend's real reply for SQLITE_CORRUPT).
    await page.route('**/api/oversikt:get', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'database_corrupt', message: 'Databasfilen är skadad eller är inte en Varvet-databas. Återställ en säkerhetskopia från mappen "backups" i datamappen.' } }),
      }),
    );
    await page.keyboard.press('Alt+1');
    const gate = new BackupGate(page);
    await gate.heading().waitFor();
    await page.screenshot({ path: shotPath('gate-databasen-skadad'), fullPage: true });
    await page.unroute('**/api/oversikt:get');
    await gate.restoreNewest('Tagen för hand');
    await new OversiktPage(page).waitUntilShown();
    expect(await elevNamn(host)).not.toContain('Märta Efterbackup');
    expect(session.errors).toEqual([]);
  });
});
