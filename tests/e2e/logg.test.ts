// Journey (issue 8): the rektor adds an insats in the UI and finds it in Logg with its content; then gallrar a pupil
// who left years ago — the preview names the pupil, the confirmation needs GALLRA, and afterwards the pupil is gone
// and the log's chain still verifies.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Elev } from '../../shared/model';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { AppFrame } from './pages/AppFrame';
import { ElevPage } from './pages/ElevPage';
import { EleverPage } from './pages/EleverPage';
import { LoggPage } from './pages/LoggPage';
import { OversiktPage } from './pages/OversiktPage';
import { openSession, type Session } from './pages/session';

const INSATS = { beskrivning: 'Läsfixare tre gånger i veckan', typ: 'Extra anpassning', forvantadEffekt: 'Läser 90 ord per minut' };

describe('logg och gallring', () => {
  let browser: Browser;
  let host: Host;
  let session: Session;
  let target: Elev;
  let leaver: Elev;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir: tempDir() })]);
    expect(await callApi(host, 'demo:open', { size: 's' })).toMatchObject({ ok: true });
    const elever = ((await callApi(host, 'elev:list', { baraAktiva: true })) as { value: Elev[] }).value;
    const unique = elever.filter((e) => elever.filter((x) => x.fornamn === e.fornamn && x.efternamn === e.efternamn).length === 1);
    [target, leaver] = [unique[0] as Elev, unique[1] as Elev];
    expect(await callApi(host, 'elev:setAktiv', { id: leaver.id, aktiv: false, slutat: '2021-06-11' })).toMatchObject({ ok: true });
    session = await openSession(browser, host.url);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('visar en ändring som just gjorts med före och efter, och gallrar en elev som slutat', async () => {
    const { page } = session;
    await new OversiktPage(page).waitUntilShown();
    await new AppFrame(page).goToElever();
    const list = new EleverPage(page);
    await list.search().fill(`${target.fornamn} ${target.efternamn}`);
    await list.search().press('Enter');
    const elev = new ElevPage(page);
    await elev.heading(`${target.fornamn} ${target.efternamn}`).waitFor();
    await elev.createInsats(INSATS);

    const logg = new LoggPage(page);
    await logg.open();
    await expect(logg.chainStatus().textContent()).resolves.toMatch(/Loggkedjan är hel \(\d+ poster\)/);
    const entry = logg.rows().filter({ hasText: 'Tillagd: Insats' }).first();
    await entry.waitFor();
    expect(await entry.textContent()).toMatch(/insats:create/);
    await entry.click();
    await logg.detail().waitFor();
    expect(await logg.detail().textContent()).toContain(INSATS.beskrivning);
    await page.screenshot({ path: shotPath('logg-post'), fullPage: true });
    await page.keyboard.press('Escape');
    await logg.detail().waitFor({ state: 'detached' });

    // The filter narrows to the pupil's entries.
    await logg.filter('Elev-id').fill(String(target.id));
    await logg.rows().filter({ hasText: 'Tillagd: Insats' }).first().waitFor();
    expect(await logg.rows().filter({ hasText: 'Ändrad: Elev' }).count()).toBe(0);

    await logg.openGallring();
    await logg.previewPupils().filter({ hasText: `${leaver.fornamn} ${leaver.efternamn}` }).waitFor();
    expect(await logg.previewPupils().count()).toBe(2); // header + the one pupil
    await page.screenshot({ path: shotPath('gallring-forhandsvisning'), fullPage: true });
    await logg.gallra(() => page.screenshot({ path: shotPath('gallring-bekrafta'), fullPage: true }));
    await logg.result().waitFor();
    expect(await logg.result().textContent()).toMatch(/1 elev och \d+ rader är borttagna.*Loggkedjan är hel/s);
    await page.screenshot({ path: shotPath('gallring-klar'), fullPage: true });
    expect(await page.getByText('Ingen elev har slutat för så länge sedan').count()).toBe(1);

    expect(await callApi(host, 'elev:get', { id: leaver.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const g = (await callApi(host, 'logg:list', { operation: 'G' })) as { value: { totalt: number } };
    expect(g.value.totalt).toBe(1);
    expect(session.errors).toEqual([]);
  }, 120_000);
});
