// Journey: the rektor opens Inställningar → Regler för uppföljningen on the demo school, raises the utredning threshold
// from 5 to 6 weeks and sees the EHT-möte's Utredningar lose the pupil whose insats has run exactly five weeks; renames
// the early-years level "På väg" and sees the new name in a pupil's results; closes an utredning with "inget
// åtgärdsprogram" and is told, in the form and in the timeline, that it can be appealed and by which day; and gets a
// refused value explained in Swedish under its field. Everything with the keyboard or by label, in the real renderer against the real host.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoteRad, UtredningRad } from '../../shared/channels/mote';
import type { ElevResultat } from '../../shared/channels/resultat';
import type { Elev, Insats } from '../../shared/model';
import { addDaysIso } from '../../shared/domain/index';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { AppFrame } from './pages/AppFrame';
import { EleverPage } from './pages/EleverPage';
import { MotePage } from './pages/MotePage';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';

const PORT = 21000 + Math.floor(Math.random() * 20000);

async function api<T>(host: Host, channel: string, args: unknown = {}): Promise<T> {
  const reply = (await callApi(host, channel, args)) as { ok: boolean; value: T; error?: { message: string } };
  if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
  return reply.value;
}

describe('Inställningar: regler för uppföljningen', () => {
  const dataDir = tempDir();
  let browser: Browser;
  let host: Host;
  let session: Session;
  let femVeckor: Elev;
  let tidig: Elev;
  let elever: Elev[];

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir, port: PORT })]);
    expect(await callApi(host, 'demo:open', { size: 's' })).toMatchObject({ ok: true });
    const mote = (await api<MoteRad[]>(host, 'mote:list')).find((m) => m.status !== 'avslutat') as MoteRad;
    elever = await api<Elev[]>(host, 'elev:list');
    const medUtredning = new Set((await api<UtredningRad[]>(host, 'utredning:list', { urval: 'alla' })).map((u) => u.elevId));
    // A pupil with no insats and no utredning gets an individual insats that has run exactly five weeks at the meeting.
    for (const e of elever.filter((x) => !medUtredning.has(x.id))) {
      if ((await api<Insats[]>(host, 'insats:listForElev', { elevId: e.id })).length === 0) {
        femVeckor = e;
        break;
      }
    }
    await api(host, 'insats:create', {
      niva: 'individ',
      elevId: femVeckor.id,
      beskrivning: 'Läsfixaren tre gånger i veckan',
      typ: 'extra_anpassning',
      forvantadEffekt: 'Läser åk-texter med flyt',
      startdatum: addDaysIso(mote.datum, -35),
    });
    // A pupil in the early years with a result "på väg".
    for (const e of elever.filter((x) => x.arskurs >= 1 && x.arskurs < 6)) {
      const r = await api<ElevResultat>(host, 'resultat:forElev', { elevId: e.id });
      if (r.amnen.some((a) => Object.values(a.nivaer).includes('pa_vag'))) {
        tidig = e;
        break;
      }
    }
    session = await openSession(browser, host.url);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  /** Opens the next EHT-möte's Utredningar; returns the number of pupils due a decision (waits for `vantat` if given:
   *  the meeting may show what it held before its agenda is read again). */
  async function utredningar(vantat?: number): Promise<number> {
    const { page } = session;
    const mote = new MotePage(page);
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: 'EHT-möten', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Öppna mötesläget' }).click();
    await mote.heading().waitFor();
    const knapp = mote.dagordning().getByRole('button', { name: /^Utredningar/ });
    const text = await textMatching(knapp, vantat === undefined ? /\d+ av \d+ beslut/ : new RegExp(`\\d+ av ${vantat} beslut`));
    await knapp.click();
    await page.getByRole('heading', { name: 'Beslut om utredning av behov av särskilt stöd' }).waitFor();
    return Number(/\d+ av (\d+) beslut/.exec(text)?.[1]);
  }

  async function oppnaRegler(): Promise<void> {
    const { page } = session;
    await page.getByRole('button', { name: 'Inställningar', exact: true }).click();
    await page.getByRole('heading', { name: 'Inställningar', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Regler för uppföljningen' }).click();
    await page.getByLabel('Veckor innan beslut om utredning').waitFor();
  }

  async function spara(): Promise<void> {
    const { page } = session;
    await page.getByRole('button', { name: 'Spara reglerna' }).click();
    await textMatching(page.getByRole('status').filter({ hasText: /Reglerna för uppföljningen är sparade/ }), /sparade/);
  }

  it('6 veckor i stället för 5: eleven vars insats pågått fem veckor försvinner från mötets utredningar', async () => {
    const { page } = session;
    const namn = `${femVeckor.fornamn} ${femVeckor.efternamn}`;
    await new AppFrame(page).nav().waitFor();
    const fore = await utredningar();
    const mote = page.locator('main');
    await mote.getByRole('button', { name: namn }).first().waitFor();
    expect(await mote.getByText(/pågått i 5 veckor/).count()).toBe(1);
    await page.screenshot({ path: shotPath('installningar-mote-5'), fullPage: true });

    await oppnaRegler();
    expect(await page.getByLabel('Veckor innan beslut om utredning').inputValue()).toBe('5');
    await page.screenshot({ path: shotPath('installningar-regler'), fullPage: true });
    await page.getByLabel('Veckor innan beslut om utredning').selectOption('6');
    await spara();
    await page.screenshot({ path: shotPath('installningar-sparad'), fullPage: true });

    const efter = await utredningar(fore - 1);
    expect(efter).toBe(fore - 1);
    expect(await page.locator('main').getByText(/pågått i 5 veckor/).count()).toBe(0);
    expect(await page.locator('main').getByRole('button', { name: namn }).count()).toBe(0);
    await page.screenshot({ path: shotPath('installningar-mote-6'), fullPage: true });
    expect(await api(host, 'installningar:get')).toMatchObject({ utredningTroskelVeckor: 6, lasEfterMinuter: 10 });
    expect(session.errors).toEqual([]);
  });

  it('den tidiga skalans "På väg" byter namn och syns så i elevens resultat', async () => {
    const { page } = session;
    await oppnaRegler();
    await page.getByLabel('Mellannivån (på väg)').fill('Nästan där');
    await spara();

    await new AppFrame(page).goToElever();
    const list = new EleverPage(page);
    await list.search().fill(`${tidig.fornamn} ${tidig.efternamn}`);
    await list.search().press('Enter');
    await page.getByRole('heading', { name: `${tidig.fornamn} ${tidig.efternamn}`, level: 1 }).waitFor();
    const tabell = page.getByRole('table', { name: 'Elevens resultat per ämne och bedömningstillfälle' });
    await textMatching(tabell, /Nästan där/);
    expect(await tabell.getByText('På väg', { exact: true }).count()).toBe(0);
    await textMatching(page.getByText(/^Årskurs \d: resultaten anges som/), /Ej nått, Nästan där eller Nått \(betyg A–F från årskurs 6\)/);
    await tabell.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shotPath('installningar-elev-resultat'), fullPage: false });
    expect(session.errors).toEqual([]);
  });

  it('säger var utfallet visas att beslutet att inte upprätta åtgärdsprogram kan överklagas, med sista dagen', async () => {
    const { page } = session;
    const [u] = await api<UtredningRad[]>(host, 'utredning:list', { urval: 'oppna' });
    const elev = elever.find((e) => e.id === u?.elevId) as Elev;
    await new AppFrame(page).goToElever();
    const list = new EleverPage(page);
    await list.search().fill(`${elev.fornamn} ${elev.efternamn}`);
    await list.search().press('Enter');
    await page.getByRole('heading', { name: `${elev.fornamn} ${elev.efternamn}`, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Insatshistorik' }).click();
    await page.getByRole('heading', { name: 'Pågående utredning' }).waitFor();
    await page.getByLabel('Utfall av utredningen').selectOption('inget_atgardsprogram');
    await page.getByLabel('Beslutsdatum').fill('2026-11-23');
    await textMatching(page.locator('.overklagande'), /inom tre veckor.*Sista dag att överklaga: måndag 14 december 2026/);
    await page.screenshot({ path: shotPath('installningar-overklagande-form'), fullPage: true });
    await page.getByRole('button', { name: 'Avsluta utredningen' }).click();
    const h = page.getByRole('listitem').filter({ hasText: 'Utredningen avslutad: Inget behov' });
    await textMatching(h, /kan överklagas .* inom tre veckor .*senast måndag 14 december 2026/);
    await page.screenshot({ path: shotPath('installningar-overklagande-tidslinje'), fullPage: true });
    expect(session.errors).toEqual([]);
  });

  it('förklarar ett ogiltigt värde på svenska under fältet och sparar inget', async () => {
    const { page } = session;
    await oppnaRegler();
    await page.getByLabel('Högsta nivån (nått)').fill('nästan där');
    await page.getByRole('button', { name: 'Spara reglerna' }).click();
    await textMatching(page.locator('#regel-natt-error').or(page.getByRole('alert').filter({ hasText: /\S/ })), /olika benämningar/);
    await page.getByLabel('Högsta nivån (nått)').fill('');
    await page.getByRole('button', { name: 'Spara reglerna' }).click();
    await textMatching(page.locator('#regel-natt-error'), /Skriv en benämning för högsta nivån/);
    expect(await page.getByLabel('Högsta nivån (nått)').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: shotPath('installningar-fel'), fullPage: true });
    expect((await api<{ tidigSkala: { natt: string } }>(host, 'installningar:get')).tidigSkala.natt).toBe('Nått');
    expect(session.errors).toEqual([]);
  });
});
