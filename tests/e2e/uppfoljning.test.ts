// Journeys of steps 5, 7, 8 on the demo school, as a new user: Översikt shows the year; a resultatdialog is run and
// followed up the next varv ("hur gick det?"); the avstämning; the year-end; the huvudman's report as PDF (checked as
// text and looked at as PNG pages); a pupil's registerutdrag from the pupil's page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from '../support/browser';
import { startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';
import { EleverPage } from './pages/EleverPage';
import { UppfoljningPage } from './pages/UppfoljningPage';
import { openDemoSchool } from './pages/WelcomePage';

/** A screenshot of the screen from `from` down (the main area scrolls, so a full-page shot would miss its top). */
async function shot(page: import('playwright-core').Page, name: string, from?: import('playwright-core').Locator): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 1300 });
  if (from) await from.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  await page.screenshot({ path: shotPath(name) });
  await page.setViewportSize({ width: 1366, height: 820 });
}

const FORANDRING = 'Eleverna löser problem i par och förklarar sin lösning för klassen varje vecka.';
const HUR_GICK_DET = 'Fler elever förklarar sina lösningar; problemlösning nås av fler.';

describe('uppföljning: resultatdialog, avstämning, årsavslut och rapporter', () => {
  const dataDir = tempDir();
  const out = tempDir('varvet-uf-');
  let browser: Browser;
  let host: Host;
  let session: Session;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir })]);
    session = await openSession(browser, host.url);
    await openDemoSchool(session.page);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('Översikt shows the year with today, the next meeting, what must not fall through, and charts', async () => {
    const { page } = session;
    await page.getByRole('heading', { name: 'Läsåret just nu' }).waitFor();
    await page.getByRole('img', { name: /Årshjul för läsåret/ }).waitFor();
    expect(await page.getByText('I dag', { exact: true }).count()).toBeGreaterThan(0);
    await textMatching(page.getByRole('heading', { name: 'Nästa möte' }).locator('..'), /Att göra inför mötet/);
    await page.getByRole('heading', { name: /Risk att inte bli behörig till gymnasiet/ }).waitFor();
    await page.getByRole('img', { name: 'Effektbedömningar per varv' }).waitFor();
    await page.getByRole('img', { name: 'Beslut per varv' }).waitFor();
    await page.getByRole('img', { name: 'Elever med aktiva insatser per årskurs' }).waitFor();
    // The text alternative of a chart is a real table.
    await page.getByText('Visa beslut per varv som tabell').click();
    await page.getByRole('table', { name: 'Beslut per varv' }).waitFor();
    await shot(page, 'uppfoljning-oversikt-1', page.getByRole('heading', { name: 'Läsåret just nu' }));
    await shot(page, 'uppfoljning-oversikt-2', page.getByRole('heading', { name: 'Läsåret i diagram' }));
    expect(session.errors).toEqual([]);
  });

  it('runs a resultatdialog and follows its plan up in the next varv', async () => {
    const { page } = session;
    const uf = new UppfoljningPage(page);
    await uf.openWithShortcut();
    await uf.chooseVarv(0);
    const namn = await uf.newDialogWithTeacher(1);
    const dialog = uf.dialog(namn);
    await dialog.getByRole('heading', { name: 'Betygskriterier som eleverna har svårt att nå' }).waitFor();
    await textMatching(dialog, /Ingen tidigare resultatdialog/);
    await uf.write('Vad förändrar läraren i undervisningen?', FORANDRING);
    await uf.write(/^1\. /, 'Problemlösning: eleverna saknar strategier.');
    await dialog.getByRole('button', { name: 'Markera som genomförd' }).click();
    await textMatching(page.getByRole('status').first(), /markerad som genomförd/);

    await uf.chooseVarv(1);
    await uf.newDialogWithTeacher(1);
    const foljUpp = page.getByRole('region', { name: /Förra varvets plan \(varv 1\) – hur gick det\?/ });
    await textMatching(foljUpp, new RegExp(FORANDRING.slice(0, 30)));
    await uf.write('Hur gick det?', HUR_GICK_DET);
    await uf.field('Effekt på elevernas måluppfyllelse').selectOption({ label: 'Viss effekt' });
    await uf.waitSaved();
    await uf.write(/^Utfall/, 'Dialogerna höll fokus på undervisningen.');
    await shot(page, 'uppfoljning-resultatdialog-1');
    await shot(page, 'uppfoljning-resultatdialog-2', page.getByRole('heading', { name: /^Resultatdialog: / }));
    await shot(page, 'uppfoljning-resultatdialog-3', page.getByRole('heading', { name: 'Dialogens plan (gemensam mall)' }));

    // Nothing lives only in the page: a reload shows the follow-up as saved.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Steg 5: Resultatdialoger' }).waitFor();
    await uf.chooseVarv(1);
    await page.getByRole('button', { name: new RegExp(namn) }).click();
    const hurGick = page.getByRole('textbox', { name: 'Hur gick det?' });
    await hurGick.waitFor();
    await page.waitForFunction((v) => (document.getElementById('uf-hurgick') as HTMLTextAreaElement | null)?.value === v, HUR_GICK_DET);
    expect(session.errors).toEqual([]);
  });

  it('holds the avstämning: årskurser done, an utvecklingsområde, marked done', async () => {
    const { page } = session;
    const uf = new UppfoljningPage(page);
    await uf.tab('Steg 7 Avstämning');
    await uf.chooseVarv(0);
    await page.getByRole('heading', { name: /Varv 1: årskurser med genomförd resultatuppföljning/ }).waitFor();
    // The demo school has held this avstämning already: open it again and run it as a new user would.
    const oppna = page.getByRole('button', { name: 'Öppna avstämningen igen' });
    if ((await oppna.count()) > 0) await oppna.click();
    await page.getByRole('button', { name: 'Markera avstämningen som klar' }).waitFor();
    // Each click saves and the list comes back from the backend; the next unchecked one is clicked after that.
    const oklara = page.getByRole('checkbox', { name: /^Åk / }).and(page.locator(':not(:checked):not(:disabled)'));
    for (let n = await oklara.count(); n > 0; n = await oklara.count()) {
      await oklara.first().click();
      await page.waitForFunction((left) => document.querySelectorAll('.uf-arskurslista input:not(:checked):not(:disabled)').length < left, n);
    }
    await textMatching(page.locator('.section-header .tag'), /(\d+) av \1 klara/);
    await uf.write('Anteckningar från avstämningen', 'Uppföljningarna handlade om undervisningen.');
    await uf.field('Nytt utvecklingsområde').fill('Läsförståelse i alla ämnen');
    await uf.field('Beskrivning').fill('Dra slutsatser ur texter – svårt i flera ämnen.');
    await page.getByRole('button', { name: 'Spara utvecklingsområdet' }).click();
    await page.getByRole('heading', { level: 3, name: 'Läsförståelse i alla ämnen' }).waitFor();
    await uf.write('Hur har det gått?', 'Bra: alla årskurser hann.');
    await page.getByRole('button', { name: 'Markera avstämningen som klar' }).click();
    await textMatching(page.getByRole('status').first(), /Avstämningen för varv 1 är klar/);
    await shot(page, 'uppfoljning-avstamning-1');
    await shot(page, 'uppfoljning-avstamning-2', page.getByRole('heading', { name: 'Övergripande utvecklingsområden' }));
    expect(session.errors).toEqual([]);
  });

  it('closes the year: changes from the data, plan beside what happened, a new plan version', async () => {
    const { page } = session;
    const uf = new UppfoljningPage(page);
    await uf.tab('Steg 8 Årsavslut');
    await page.getByRole('heading', { name: 'Förändringar under läsåret' }).waitFor();
    await textMatching(page.getByRole('table', { name: 'Beslut efter effektbedömning' }), /Intensifiera\s*\d+/);
    await textMatching(page.getByRole('region', { name: 'Planen och det som blev av' }), /av \d+ planerade möten är hållna/);
    await uf.write('Förändringar som behöver göras', 'Samla resultaten i ett verktyg.');
    await uf.field('Vem sparar').fill('Rektor Demo');
    await page.getByRole('button', { name: 'Spara planen som ny version' }).click();
    await textMatching(page.getByRole('status').first(), /Planen är sparad som version \d+/);
    await uf.field('Avstämd med EHT').fill('2027-06-08');
    await page.waitForTimeout(300);
    await uf.write('Vad har ni lärt er?', 'Att följa upp planen varje varv.');
    await shot(page, 'uppfoljning-arsavslut-1');
    await shot(page, 'uppfoljning-arsavslut-2', page.getByRole('heading', { name: 'Planen och det som blev av' }));
    await shot(page, 'uppfoljning-arsavslut-3', page.getByRole('heading', { name: 'Uppdatera planen och stäm av den' }));
    expect(session.errors).toEqual([]);
  });

  it('exports the huvudman report as a PDF that holds its Swedish text and looks right', async () => {
    const { page } = session;
    const uf = new UppfoljningPage(page);
    await uf.tab('Rapporter');
    const download = await uf.download('Årsrapport som PDF');
    const file = path.join(out, download.suggestedFilename());
    await download.saveAs(file);
    expect(file).toMatch(/arsrapport-.*\.pdf$/);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    for (const s of ['Årsrapport till huvudmannen', 'pseudonymiserad', 'Bedömd effekt efter nivå', 'Övergripande utvecklingsområden', 'Läsförståelse i alla ämnen', 'Planen och det som blev av']) {
      expect(text).toContain(s);
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', file, shotPath('uppfoljning-arsrapport-pdf').replace(/\.png$/, '')]);
    await page.screenshot({ path: shotPath('uppfoljning-rapporter') });
    const docx = await uf.download('Årsrapport som Word');
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect(session.errors).toEqual([]);
  });

  it('gives a registerutdrag from the pupil page', async () => {
    const { page } = session;
    await page.keyboard.press('Alt+Digit2');
    const list = new EleverPage(page);
    await list.rows().first().waitFor();
    // ↓ from the search box moves into the list, Enter opens the active pupil.
    await list.search().focus();
    await page.keyboard.press('ArrowDown');
    await list.activeRow().waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Elever' }).waitFor();
    const h1 = page.getByRole('heading', { level: 1 });
    await page.getByText('Registerutdrag', { exact: true }).click();
    const elevNamn = (await h1.textContent()) ?? '';
    const uf = new UppfoljningPage(page);
    const download = await uf.download('Registerutdrag som PDF');
    const file = path.join(out, download.suggestedFilename());
    await download.saveAs(file);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('Registerutdrag');
    expect(text).toContain(elevNamn);
    expect(text).toContain('Uppgifter om eleven');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, shotPath('uppfoljning-registerutdrag-pdf').replace(/\.png$/, '')]);
    expect(fs.existsSync(file)).toBe(true);
    expect(session.errors).toEqual([]);
  });
});
