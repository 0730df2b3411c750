// Journey (d): decide an insats for a pupil, judge its effect following the recommendation, then stop Varvet,
// start it again on the same data and find both again — nothing lives only in the page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Elev } from '../../shared/model';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { AppFrame } from './pages/AppFrame';
import { EleverPage } from './pages/EleverPage';
import { ElevPage } from './pages/ElevPage';
import { OversiktPage } from './pages/OversiktPage';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';

const INSATS = {
  beskrivning: 'Lästräning med specialpedagog, 20 minuter tre gånger i veckan',
  typ: 'Extra anpassning',
  forvantadEffekt: 'Eleven läser en text på årskursnivå med flyt och kan återberätta den.',
};
const UNDERLAG = 'Omdöme i svenska och lärarens observationer: läser med bättre flyt.';

describe('insats och effektbedömning', () => {
  const dataDir = tempDir();
  let browser: Browser;
  let host: Host;
  let session: Session;
  let target: Elev;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir })]);
    expect(await callApi(host, 'demo:open', { size: 'l' })).toMatchObject({ ok: true });
    const elever = ((await callApi(host, 'elev:list', { baraAktiva: true })) as { value: Elev[] }).value;
    const found = elever.find((e) => e.klass !== null && elever.filter((x) => x.efternamn === e.efternamn && x.fornamn === e.fornamn).length === 1);
    if (!found) throw new Error('Demoskolan saknar en elev med unikt namn');
    target = found;
    session = await openSession(browser, host.url);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  async function openTarget(): Promise<ElevPage> {
    const { page } = session;
    await new AppFrame(page).goToElever();
    const list = new EleverPage(page);
    await list.search().fill(`${target.fornamn} ${target.efternamn}`);
    await list.search().press('Enter');
    const elev = new ElevPage(page);
    await elev.heading(`${target.fornamn} ${target.efternamn}`).waitFor();
    return elev;
  }

  it('sparar insatsen och bedömningen och hittar dem igen efter omstart', async () => {
    const { page } = session;
    await new OversiktPage(page).waitUntilShown();
    const elev = await openTarget();

    await elev.createInsats(INSATS);
    const card = elev.insats(INSATS.beskrivning);
    expect(await card.textContent()).toContain(INSATS.forvantadEffekt);
    expect(await card.textContent()).toContain('Pågår');
    await textMatching(page.getByRole('status').first(), /Insatsen är sparad/);

    // Judge with key 1 (tydlig effekt): the recommendation is to intensify, and the decision follows it.
    await elev.startEvaluation(INSATS.beskrivning);
    const form = elev.evaluationForm(INSATS.beskrivning);
    await page.keyboard.press('1');
    expect(await form.getByRole('radio', { name: 'Tydlig effekt' }).isChecked()).toBe(true);
    await textMatching(form.getByText(/^Rekommenderat beslut:/), /Intensifiera/);
    expect(await form.getByLabel('Beslut').inputValue()).toBe('intensifiera');
    expect(await form.getByLabel('Motivering').count()).toBe(0);

    // Another decision needs a motivation before it can be saved; going back to the recommendation does not.
    await form.getByLabel('Beslut').selectOption('ta_bort');
    await form.getByRole('button', { name: 'Spara bedömningen' }).click();
    await textMatching(form.getByText(/avviker från rekommendationen "Intensifiera"/), /Skriv en motivering/);
    expect(await form.getByLabel('Motivering').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Beslut').selectOption('intensifiera');
    expect(await form.getByLabel('Motivering').count()).toBe(0);

    await form.getByLabel('Underlag').fill(UNDERLAG);
    await page.setViewportSize({ width: 1366, height: 1300 });
    await page.screenshot({ path: shotPath('elev-bedom') });
    await form.getByRole('button', { name: 'Spara bedömningen' }).click();

    await textMatching(page.getByRole('status').first(), /Effektbedömningen är sparad\. Beslut: Intensifiera\./);
    await textMatching(card, /Tydlig effekt → beslut: Intensifiera/);
    await page.screenshot({ path: shotPath('elev') });
    await page.setViewportSize({ width: 1366, height: 820 });
    expect(session.errors).toEqual([]);

    // A reload keeps the screen: the access key stays in the tab's session and the view in its history.
    await page.reload();
    await elev.heading(`${target.fornamn} ${target.efternamn}`).waitFor();
    await textMatching(elev.insats(INSATS.beskrivning), /Tydlig effekt → beslut: Intensifiera/);

    // Stop Varvet as the user would (Ctrl+C), start it again on the same data, and open the new address.
    await host.stop();
    // Meanwhile the open page says in Swedish that Varvet does not answer, without a stack trace.
    await new AppFrame(page).goToOversikt();
    const down = await textMatching(page.getByRole('alert').filter({ hasText: /\S/ }), /Varvet svarar inte/);
    expect(down).not.toMatch(/TypeError|fetch|at /);
    await page.screenshot({ path: shotPath('varvet-svarar-inte') });
    expect(session.errors.every((e) => /Failed to load resource|ERR_CONNECTION_REFUSED/.test(e))).toBe(true);
    session.errors.length = 0;

    host = await startHost({ dataDir });
    // The same port as before (kept per data folder): the new address differs only in its token, which the open tab
    // takes as the fragment changes; the user then reloads the page (F5).
    await page.goto(host.url);
    await page.reload();
    await new OversiktPage(page).waitUntilShown();
    expect(page.url()).not.toContain('token');

    const reopened = await openTarget();
    const reloaded = reopened.insats(INSATS.beskrivning);
    await textMatching(reloaded, /Tydlig effekt → beslut: Intensifiera/);
    const text = (await reloaded.textContent()) ?? '';
    expect(text).toContain(INSATS.forvantadEffekt);
    expect(text).toContain(UNDERLAG);
    expect(text).toContain('Pågår');
    expect(session.errors).toEqual([]);
  });
});
