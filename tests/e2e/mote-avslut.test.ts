// Preparing and closing an EHT-möte by keyboard: a second EHT-möte in the same varv is warned about (not refused), a
// new första EHT-möte has no varv by default, and closing with insatser not judged says how many and asks first.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoteAgenda, MoteRad } from '../../shared/channels/mote';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { MotePage } from './pages/MotePage';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';

const PORT = 21000 + Math.floor(Math.random() * 20000);

describe('förbereda och avsluta ett EHT-möte', () => {
  let browser: Browser;
  let host: Host;
  let session: Session;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir: tempDir(), port: PORT })]);
    expect(await callApi(host, 'demo:open', { size: 's' })).toMatchObject({ ok: true });
    session = await openSession(browser, host.url);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('varnar för ett andra EHT-möte i samma varv och frågar innan mötet avslutas med obedömda insatser', async () => {
    const { page } = session;
    const mote = new MotePage(page);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: /^Nästa möte:/ }).waitFor();
    await page.getByRole('button', { name: 'Nytt EHT-möte' }).click();
    const form = page.getByRole('form', { name: 'Nytt EHT-möte' });
    // The demo school has an EHT-möte planned in every varv: a new one in varv 3 is warned about, not refused.
    await expect.poll(() => form.getByLabel('Varv').inputValue()).not.toBe('');
    await form.getByLabel('Varv').selectOption({ label: 'Varv 3' });
    await textMatching(form.getByRole('status'), /Varv 3 har redan ett EHT-möte/);
    await page.screenshot({ path: shotPath('mote-andra-i-varvet') });
    await form.getByLabel('Slag av möte').selectOption('forsta_eht');
    await expect.poll(() => form.getByLabel('Varv').inputValue()).toBe('');
    expect(await form.getByRole('status').count()).toBe(0);
    await form.getByRole('button', { name: 'Avbryt' }).click();

    const moten = (await callApi(host, 'mote:list', {})) as { value: MoteRad[] };
    const nasta = moten.value.find((m) => m.status !== 'avslutat') as MoteRad;
    const agenda = ((await callApi(host, 'mote:agenda', { moteId: nasta.id })) as { value: MoteAgenda }).value;
    await page.getByRole('button', { name: 'Öppna mötesläget' }).click();
    await mote.heading().waitFor();
    await mote.press('s');
    const avsluta = page.getByRole('button', { name: 'Avsluta mötet', exact: true });
    await avsluta.focus();
    await page.keyboard.press('Enter');
    const fraga = page.getByRole('alert').filter({ hasText: 'inte bedömda' });
    await textMatching(fraga, new RegExp(`${agenda.insatser.length} insatser är inte bedömda.*Ej bedömd vid mötet`));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role') ?? '')).toBe('alert');
    await page.screenshot({ path: shotPath('mote-avslut-fraga') });
    // Keyboard: Tab to "Avsluta mötet ändå", Enter. The meeting still needs its utredning decisions.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Avsluta mötet ändå');
    await page.keyboard.press('Enter');
    await textMatching(page.getByRole('alert').filter({ hasText: /utredningsbeslut saknas/ }), /utredningsbeslut saknas/);
    expect(session.errors).toEqual([]);
  });
});
