// Journey: the rektor opens the next EHT-möte on the demo school, evaluates every due insats with the keyboard only
// (counting input events: two per evaluation that follows the recommendation), survives a killed host mid-meeting
// without losing a decision, decides the utredningar (closing is refused until then, naming the pupils), closes the
// meeting and downloads the protokoll, plain and pseudonymised.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoteAgenda, MoteRad } from '../../shared/channels/mote';
import { launchBrowser, shotPath, SHOTS_DIR } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { MotePage } from './pages/MotePage';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';

const PORT = 21000 + Math.floor(Math.random() * 20000);

async function api<T>(host: Host, channel: string, args: unknown = {}): Promise<T> {
  const reply = (await callApi(host, channel, args)) as { ok: boolean; value: T; error?: { message: string } };
  if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
  return reply.value;
}

describe('EHT-möte i mötesläget', () => {
  const dataDir = tempDir();
  let browser: Browser;
  let host: Host;
  let session: Session;
  let moteId: number;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir, port: PORT })]);
    expect(await callApi(host, 'demo:open', { size: 'm' })).toMatchObject({ ok: true });
    const moten = await api<MoteRad[]>(host, 'mote:list');
    moteId = (moten.find((m) => m.status !== 'avslutat') as MoteRad).id;
    session = await openSession(browser, host.url);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('bedömer alla insatser med två tangenttryck var, tål en krasch, beslutar utredningar och skriver protokollet', async () => {
    const { page } = session;
    const mote = new MotePage(page);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor(); // the app frame: shortcuts work from here
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: 'EHT-möten', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /^Nästa möte:/ }).waitFor();
    await page.screenshot({ path: shotPath('moten'), fullPage: true });
    await page.getByRole('button', { name: 'Öppna mötesläget' }).click();
    await mote.heading().waitFor();
    const agenda = await api<MoteAgenda>(host, 'mote:agenda', { moteId });
    const antal = agenda.insatser.length;
    expect(antal).toBeGreaterThanOrEqual(20);
    await textMatching(mote.progress(), new RegExp(`0 av ${antal} bedömda`));
    await page.screenshot({ path: shotPath('mote-insats'), fullPage: true });

    // One departing decision first: 1, D, another decision, a motivation, Ctrl+Enter. Not counted below.
    await mote.press('1');
    await textMatching(mote.panel().getByText(/^Rekommenderat beslut:/), /Intensifiera|Avsluta/);
    await mote.press('k');
    await mote.press('d');
    await page.getByLabel(/^Beslut/).selectOption('komplettera_underlag');
    await mote.panel().getByLabel('Motivering').fill('Mentor har inte hunnit höras; underlaget kompletteras.');
    await page.screenshot({ path: shotPath('mote-avvikande-beslut'), fullPage: true });
    await mote.press('Control+Enter');
    await textMatching(mote.progress(), new RegExp(`1 av ${antal} bedömda`));

    const perEvaluation: number[] = [];
    const evaluate = async (n: number) => {
      const before = mote.presses;
      await mote.press(n % 4 === 3 ? '3' : '1');
      await mote.press('Enter');
      perEvaluation.push(mote.presses - before);
    };
    const half = Math.floor(antal / 2);
    for (let n = 1; n < half; n++) await evaluate(n);
    await textMatching(mote.progress(), new RegExp(`${half} av ${antal} bedömda`));
    await textMatching(mote.sparstatus(), /Allt är sparat/);

    // Kill the host mid-meeting: the next two decisions wait in the page's queue, the screen never blocks.
    await host.kill();
    await evaluate(half);
    await evaluate(half + 1);
    await textMatching(mote.progress(), new RegExp(`${half + 2} av ${antal} bedömda`));
    await textMatching(mote.sparstatus(), /försöker igen/);
    await page.screenshot({ path: shotPath('mote-host-nere'), fullPage: true });

    // Restart on the same data; the reopened page replays the queue once.
    host = await startHost({ dataDir, port: PORT });
    // Same port, so the same origin and the same localStorage; only the fragment differs, hence the reload.
    await page.goto(host.url);
    await page.reload();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor(); // the app frame: shortcuts work from here
    await page.keyboard.press('Alt+3');
    await page.getByRole('button', { name: 'Öppna mötesläget' }).click();
    await mote.heading().waitFor();
    await textMatching(mote.sparstatus(), /Allt är sparat/);
    // While the host was down (and before the new token), the retries failed in the console; nothing else did.
    expect(session.errors.every((e) => /ERR_CONNECTION_REFUSED|401 \(Unauthorized\)/.test(e))).toBe(true);
    session.errors.length = 0;
    const efterOmstart = await api<MoteAgenda>(host, 'mote:agenda', { moteId });
    expect(efterOmstart.insatser.filter((i) => i.bedomning !== null)).toHaveLength(half + 2);
    await textMatching(mote.progress(), new RegExp(`${half + 2} av ${antal} bedömda`));

    // The rest, then the dense list and the help overlay.
    for (let n = 0; n < half + 2; n++) await mote.press('ArrowRight');
    for (let n = half + 2; n < antal; n++) await evaluate(n);
    await textMatching(mote.progress(), new RegExp(`${antal} av ${antal} bedömda`));
    expect(perEvaluation.every((p) => p <= 2)).toBe(true);
    expect(perEvaluation.length).toBe(antal - 1);
    await mote.press('l');
    await page.screenshot({ path: shotPath('mote-lista'), fullPage: true });
    await mote.press('l');
    await mote.press('?');
    await page.getByRole('dialog', { name: 'Kortkommandon i mötesläget' }).waitFor();
    await page.screenshot({ path: shotPath('mote-hjalp') });
    await page.keyboard.press('Escape');

    // Every decision followed the recommendation, except the first one, which carries its motivation.
    await textMatching(mote.sparstatus(), /Allt är sparat/);
    const klar = await api<MoteAgenda>(host, 'mote:agenda', { moteId });
    const avvikande = klar.insatser.filter((i) => i.bedomning && i.bedomning.beslut !== i.bedomning.rekommendation);
    expect(avvikande).toHaveLength(1);
    expect(avvikande[0]?.bedomning?.motivering).toMatch(/Mentor har inte hunnit höras/);
    expect(klar.insatser.every((i) => i.bedomning !== null)).toBe(true);
    expect(klar.insatser.filter((i) => i.foljdinsats !== null).length).toBeGreaterThan(0);

    // Closing is refused while utredning decisions are missing, and the screen names the pupils.
    await mote.press('s');
    await page.getByRole('heading', { name: 'Sammanfattning och avslut', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Avsluta mötet' }).click();
    const kandidater = klar.utredningskandidater.map((k) => klar.elever[k.elevId]?.namn as string);
    expect(kandidater.length).toBeGreaterThan(0);
    const refused = await textMatching(page.getByRole('alert').filter({ hasText: /\S/ }), /utredningsbeslut saknas/);
    for (const namn of kandidater) expect(refused).toContain(namn);
    await page.screenshot({ path: shotPath('mote-avslut-nekat'), fullPage: true });

    await page.getByRole('button', { name: /Besluta utredningarna/ }).click();
    await mote.heading().waitFor();
    await page.getByRole('heading', { name: /Beslut om utredning/ }).waitFor();
    await mote.press('i');
    await mote.press('u');
    await page.getByRole('heading', { name: /Beslut om utredning/ }).waitFor();
    await page.screenshot({ path: shotPath('mote-utredningar'), fullPage: true });
    // A note on the agenda item autosaves and ends up in the protokoll.
    await page.getByLabel('Anteckningar om utredningarna').fill('Kurator kontaktar vårdnadshavarna före nästa möte.');
    await page.getByLabel('Anteckningar om utredningarna').blur();
    await textMatching(page.locator('#anteckning-utredningar-state'), /Sparat/);
    for (const [i, namn] of kandidater.entries()) {
      if (i === 0) await mote.decideInled(namn);
      else await mote.decideInteNu(namn, 'Den nya anpassningen prövas ett varv till.');
    }
    await textMatching(mote.utredningarKnapp(), new RegExp(`${kandidater.length} av ${kandidater.length} beslut`));
    await textMatching(mote.sparstatus(), /Allt är sparat/);

    // Undo the last utredning decision with Ctrl+Z and decide it again.
    await mote.press('Control+z');
    await textMatching(mote.utredningarKnapp(), new RegExp(`${kandidater.length - 1} av ${kandidater.length} beslut`));
    await textMatching(mote.sparstatus(), /Allt är sparat/);
    const sista = kandidater.at(-1) as string;
    await mote.decideInteNu(sista, 'Den nya anpassningen prövas ett varv till.');
    await textMatching(mote.utredningarKnapp(), new RegExp(`${kandidater.length} av ${kandidater.length} beslut`));
    await textMatching(mote.sparstatus(), /Allt är sparat/);

    await mote.press('s');
    await page.getByRole('button', { name: 'Avsluta mötet' }).click();
    await page.getByRole('heading', { name: 'Mötet är avslutat', level: 1 }).waitFor();
    await page.screenshot({ path: shotPath('mote-avslutat'), fullPage: true });

    const dir = tempDir();
    const download = async (name: RegExp) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      const target = path.join(dir, file.suggestedFilename());
      await file.saveAs(target);
      fs.copyFileSync(target, path.join(SHOTS_DIR, file.suggestedFilename()));
      return execFileSync('pdftotext', [target, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    const text = await download(/^Ladda ner protokoll/);
    expect(text).toContain('EHT-protokoll');
    expect(text).toContain('Mentor har inte hunnit höras');
    expect(text).toContain(kandidater[0]);
    expect(text).not.toContain('Ej bedömd vid mötet');
    expect(text).toContain('Kurator kontaktar vårdnadshavarna före nästa möte.');
    const pseudo = await download(/pseudonymiserat protokoll/);
    const staff = new Set((await api<{ fornamn: string; efternamn: string }[]>(host, 'personal:list')).map((p) => `${p.fornamn} ${p.efternamn}`));
    const elever = (await api<{ fornamn: string; efternamn: string }[]>(host, 'elev:list', { baraAktiva: false }))
      .map((e) => `${e.fornamn} ${e.efternamn}`)
      .filter((n) => !staff.has(n));
    expect(elever.filter((n) => pseudo.includes(n))).toEqual([]);
    expect(pseudo).toContain('Pseudonymiserat protokoll');
    expect(session.errors).toEqual([]);
  });

  it('visar elevhistoriken och försenade utredningar på Översikt', async () => {
    const { page } = session;
    // Preparing the next meeting: participants, an invited mentor and a guest from outside the register.
    await page.keyboard.press('Alt+3');
    await page.getByRole('button', { name: 'Förbered mötet' }).click();
    const form = page.getByRole('form', { name: 'Förbered mötet' });
    await form.getByText(/^Bjud in mentorer/).click();
    await form.getByRole('checkbox').last().check();
    await form.getByRole('button', { name: 'Bjud in någon annan' }).click();
    await form.getByLabel('Namn').fill('Logoped, centrala elevhälsan');
    await form.getByLabel('Funktion').fill('Logoped');
    await page.screenshot({ path: shotPath('mote-forbered'), fullPage: true });
    await form.getByRole('button', { name: 'Spara förberedelserna' }).click();
    await textMatching(page.getByRole('status').first(), /är sparat med \d+ deltagare/);

    await page.keyboard.press('Alt+1');
    const forsenade = page.getByRole('region', { name: /Försenade utredningar/ });
    await forsenade.waitFor();
    await page.screenshot({ path: shotPath('oversikt-forsenade'), fullPage: true });
    await forsenade.getByRole('button').first().click();
    await page.getByText('Elevhistorik').first().waitFor();
    await page.getByRole('heading', { name: 'Tidslinje' }).waitFor();
    await page.screenshot({ path: shotPath('elevhistorik'), fullPage: true });
    expect(session.errors).toEqual([]);
  });
});
