// A new school (Ny skola, not the demo) opens its första EHT-möte before any results are imported: R shows "Inga
// resultat ännu", never a blank page. And a render error in a view (forced here by a reply with a date the renderer
// cannot format) replaces that view only: a Swedish message, the menu still works, "Försök igen" draws it anew, and
// the note typed just before is still there.
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { MotePage } from './pages/MotePage';
import { OversiktPage } from './pages/OversiktPage';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';
import { WelcomePage } from './pages/WelcomePage';

describe('ny skola: första EHT-mötet utan resultat', () => {
  let browser: Browser;
  let host: Host;
  let session: Session;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir: tempDir() })]);
    session = await openSession(browser, host.url);
    await session.page.setViewportSize({ width: 1366, height: 768 });
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  const openForstaMotet = async () => {
    const { page } = session;
    await page.keyboard.press('Alt+Digit3');
    await page.getByRole('heading', { name: 'EHT-möten', level: 1 }).waitFor();
    await textMatching(page.getByRole('heading', { name: /Nästa möte|Inte avslutat/ }), /Första EHT-mötet/);
    await page.getByRole('button', { name: 'Öppna mötesläget' }).click();
    await new MotePage(page).heading().waitFor();
  };

  it('R visar "Inga resultat ännu" i stället för en tom sida', async () => {
    const { page } = session;
    const welcome = new WelcomePage(page);
    await welcome.waitUntilShown();
    await welcome.fillNySkola({ namn: 'Lindängens skola', startdatum: '2026-08-17', slutdatum: '2027-06-11' });
    await welcome.submitNySkola();
    await welcome.skipProtection();
    await new OversiktPage(page).waitUntilShown();

    await openForstaMotet();
    await page.keyboard.press('r');
    const rubrik = page.getByRole('heading', { name: 'Föregående termins omdömen och betyg', level: 2 });
    await rubrik.waitFor();
    expect(await page.locator('.mote-innehall').innerText()).toMatch(/Inga resultat ännu/);
    await page.screenshot({ path: shotPath('ny-skola-forsta-eht-resultat') });
    // The agenda's button too.
    await page.keyboard.press('i');
    await new MotePage(page).dagordning().getByRole('button', { name: /Förra terminens resultat/ }).click();
    await rubrik.waitFor();
    expect(session.errors).toEqual([]);
  });

  it('ett renderingsfel visar ett svenskt meddelande, menyn fungerar, Försök igen ritar om och anteckningen finns kvar', async () => {
    const { page } = session;
    // A reply the renderer cannot draw (an occasion with a date that is no date): every render error is caught by the
    // view's boundary, whatever its cause.
    const trasig = async (route: Route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { ok: boolean; value?: { resultat: { tillfalle: string | null; datum: string | null } } };
      if (body.ok && body.value) body.value.resultat = { ...body.value.resultat, tillfalle: 'Vt', datum: 'inget-datum' };
      await route.fulfill({ response, json: body });
    };
    await page.route('**/api/mote:agenda', trasig);
    await page.keyboard.press('Alt+Digit1');
    await new OversiktPage(page).waitUntilShown();
    await openForstaMotet();

    // A note typed, then R draws the broken results.
    const text = 'Vi börjar med åk 9 – tre elever saknar betyg i matematik.';
    await page.keyboard.press('u');
    const note = page.getByLabel('Anteckningar om utredningarna');
    await note.click();
    await page.keyboard.type(text, { delay: 5 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');

    const fel = page.getByRole('heading', { name: 'Mötesläget kunde inte visas', level: 1 });
    await fel.waitFor();
    const alert = await page.getByRole('alert').filter({ hasText: 'kunde inte visas' }).innerText();
    expect(alert).toMatch(/Det du har skrivit är sparat eller finns kvar på den här datorn/);
    expect(alert).not.toMatch(/Invalid time value|Error|at .*\.tsx?/);
    // The frame and its menu are still there: the app is not blank.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    await page.screenshot({ path: shotPath('vy-fel-moteslage') });

    // The menu works: Översikt opens; back to the meeting, still broken; then "Försök igen" once the cause is gone.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: /Översikt/ }).click();
    await new OversiktPage(page).waitUntilShown();
    await page.goBack();
    await new MotePage(page).heading().waitFor();
    await page.keyboard.press('r');
    await fel.waitFor();
    await page.unroute('**/api/mote:agenda', trasig);
    await page.getByRole('button', { name: 'Försök igen' }).click();
    await new MotePage(page).heading().waitFor();
    await page.keyboard.press('u');
    expect(await page.getByLabel('Anteckningar om utredningarna').inputValue()).toBe(text);
    await page.keyboard.press('r');
    await page.getByRole('heading', { name: 'Föregående termins omdömen och betyg', level: 2 }).waitFor();
    // The only errors logged are the two render errors the forced reply caused (React reports each caught one).
    expect(session.errors.filter((e) => !/inget-datum|Invalid time value|Vyn kunde inte visas|The above error occurred/.test(e))).toEqual([]);
  });

  it('ett möte som flyttas i Förbered mötet visas på samma datum i planens kalender, med varning utanför varvet', async () => {
    const { page } = session;
    // The första EHT-möte is held and closed, so varv 1's EHT-möte is the next one.
    const moten = (await callApi(host, 'mote:list')) as { ok: true; value: { id: number; typ: string; varvNummer: number | null; datum: string }[] };
    const forsta = moten.value.find((m) => m.typ === 'forsta_eht');
    expect(await callApi(host, 'mote:close', { moteId: forsta?.id })).toMatchObject({ ok: true });
    await page.keyboard.press('Alt+Digit1');
    await new OversiktPage(page).waitUntilShown();
    await page.keyboard.press('Alt+Digit3');
    await textMatching(page.getByRole('heading', { name: /Nästa möte|Inte avslutat/ }), /EHT-möte/);
    await page.getByRole('button', { name: 'Förbered mötet' }).click();
    const form = page.getByRole('form', { name: 'Förbered mötet' });
    // Varv 1 runs 7 september – 9 oktober 2026: 15 oktober lies outside it.
    await form.getByLabel('Datum').fill('2026-10-15');
    const varning = await textMatching(form.getByRole('status').filter({ hasText: 'utanför varv 1' }), /ligger utanför varv 1/);
    expect(varning).toMatch(/torsdag 15 oktober 2026 ligger utanför varv 1 \(måndag 7 september 2026 – fredag 9 oktober 2026\)/);
    await page.screenshot({ path: shotPath('forbered-mote-utanfor-varv') });
    await form.getByRole('button', { name: 'Spara förberedelserna' }).click();
    await form.waitFor({ state: 'detached' });

    // The plan's calendar, its warning list and the årshjul show the same date.
    await page.keyboard.press('Alt+Digit4');
    await page.getByRole('tab', { name: 'Steg 3 Planen' }).click();
    expect(await page.getByLabel('Varv 1: EHT-möte', { exact: true }).inputValue()).toBe('2026-10-15');
    await textMatching(page.getByRole('note', { name: 'Att se över i kalendariet' }), /Varv 1: EHT-möte \(torsdag 15 oktober( 2026)?\) ligger utanför varvet/);
    await page.locator('.plan-kalender-layout').screenshot({ path: shotPath('forbered-mote-plan-kalender') });
    const kalender = (await callApi(host, 'plan:snapshot')) as { ok: true; value: { kalender: { nummer: number; eht: string }[] } };
    expect(kalender.value.kalender[0]?.eht).toBe('2026-10-15');

    // Versioner: the läsår has begun without a baseline; the user is told an empty plan is never frozen.
    await page.getByRole('tab', { name: 'Versioner' }).click();
    await textMatching(page.getByText(/Läsåret har redan börjat och planen har ingen baslinje ännu/), /En tom plan fastställs aldrig/);
    await page.screenshot({ path: shotPath('versioner-ny-skola-utan-baslinje') });
    expect(session.errors.filter((e) => !/inget-datum|Invalid time value|Vyn kunde inte visas|The above error occurred/.test(e))).toEqual([]);
  });
});
