// Journey: a new user goes from an empty school through steps 1–3, freezes the baseline, changes the plan, compares
// the two versions, asks for återkoppling and exports PDF and DOCX. Then the host is killed (kill -9) mid-typing and
// restarted: the text typed is still there.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, freePort, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { ForberedelsePage } from './pages/ForberedelsePage';
import { OversiktPage } from './pages/OversiktPage';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';
import { WelcomePage } from './pages/WelcomePage';

describe('förberedelse', () => {
  const dataDir = tempDir();
  const outDir = tempDir();
  let browser: Browser;
  let host: Host;
  let session: Session;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir, port })]);
    session = await openSession(browser, host.url);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('går från tom skola genom steg 1–3, baslinje, ny version, jämförelse, återkoppling och export', async () => {
    const { page } = session;
    const welcome = new WelcomePage(page);
    await welcome.waitUntilShown();
    await welcome.fillNySkola({ namn: 'Björkhagens skola', startdatum: '2026-08-17', slutdatum: '2027-06-11' });
    await welcome.submitNySkola();
    await welcome.skipProtection();
    await new OversiktPage(page).waitUntilShown();

    const f = new ForberedelsePage(page);
    await f.openWithShortcut();

    // Steg 1: two tools, both give omdömen → "Dokumenteras på flera ställen".
    await f.addVerktyg('Skolplattformen');
    await f.addVerktyg('Kalkylark för resultat');
    await f.judge('Skolplattformen', 'kontinuerliga omdömen kopplat till samtliga ämnen', 'Ja');
    await f.judge('Kalkylark för resultat', 'kontinuerliga omdömen kopplat till samtliga ämnen', 'Delvis');
    await f.judge('Skolplattformen', 'en analysfunktion i verktyget', 'Nej');
    await f.judge('Kalkylark för resultat', 'en analysfunktion i verktyget', 'Nej');
    await f.verktyg('Skolplattformen').getByLabel('Kommentar: Analysfunktion').fill('Bara närvaro, inga resultat över tid.');
    await f.waitSaved();
    const omdomen = f.matris().getByRole('row', { name: /Omdömen i alla ämnen/ });
    await textMatching(omdomen, /Dokumenteras på flera ställen/);
    await textMatching(f.matris().getByRole('row', { name: /Analysfunktion/ }), /Saknas/);
    await page.screenshot({ path: shotPath('forberedelse-steg1-verktyg') });
    await f.matris().screenshot({ path: shotPath('forberedelse-steg1-matris') });
    await f.write('Vad saknar ni? Vad vill ni göra åt det?', 'Vi saknar en analysfunktion för åk 7–9.');
    await f.write('Utfall', 'Inventeringen visade att vi dokumenterar omdömen på två ställen.');
    await page.screenshot({ path: shotPath('forberedelse-steg1'), fullPage: true });

    // Steg 2: the five questions.
    await f.tab('Steg 2 Idéer');
    await f.write('Vilka av de idéer som presenteras kan ni använda i er verksamhet?', 'Resultatdialoger i ämneslagen.');
    await page.screenshot({ path: shotPath('forberedelse-steg2'), fullPage: true });

    // Steg 3: the plan's questions, the calendar and the årshjul.
    await f.tab('Steg 3 Planen');
    await f.write('Hur ska ni involvera förstelärargruppen?', 'Förstelärarna leder analysarbetet i ämneslagen.');
    await f.write('Hur ska ni förmedla syftet med uppföljningarna?', 'Vi förklarar syftet på APT i augusti.');
    await f.setDatum('Varv 2: EHT-möte', '2026-10-29');
    await textMatching(f.warnings(), /Varv 2: EHT-möte \(torsdag 29 oktober( 2026)?\) ligger i en lovvecka \(Höstlov\)/);
    const hjul = page.getByRole('img', { name: /Årshjul för läsåret 2026\/27/ });
    await hjul.waitFor();
    await page.locator('.plan-kalender').screenshot({ path: shotPath('forberedelse-kalender') });
    await page.locator('.plan-kalender-layout').screenshot({ path: shotPath('forberedelse-arshjul') });
    await page.screenshot({ path: shotPath('forberedelse-steg3'), fullPage: true });

    // Versioner: the baseline, then a change and a new version; compare the two.
    await f.tab('Versioner');
    await page.screenshot({ path: shotPath('forberedelse-versioner-tom'), fullPage: true });
    await f.saveVersion('Åsa Öberg', null);
    // When, to the minute, in the app's date format.
    await textMatching(f.versionTable(), /Version 1\s*Baslinje\s*[a-zåäö]+dag \d{1,2} [a-zåäö]+ 2026 kl\. \d\d\.\d\d\s*Åsa Öberg/);
    await f.tab('Steg 3 Planen');
    await f.write('Hur ska ni förmedla syftet med uppföljningarna?', 'Vi förklarar syftet på APT i augusti och i varje arbetslag.');
    // Varv 2 runs 19 October – 27 November (varv 1's EHT-möte six weeks after the första): between its resultatdialog
    // (10 November) and avstämning (24 November).
    await f.setDatum('Varv 2: EHT-möte', '2026-11-18');
    // Saved when the backend's answer has replaced the calendar: the lov-week warning of 29 October is gone.
    await f.warnings().waitFor({ state: 'detached' });
    await f.tab('Versioner');
    await f.saveVersion('Åsa Öberg', 'Efter samtal med förstelärarna');
    await textMatching(f.versionTable(), /Version 2.*Efter samtal med förstelärarna/);
    const diff = await textMatching(f.diffTable(), /Syftet med uppföljningarna/);
    expect(diff).toMatch(/2 ändringar från Version 1 \(baslinje\) till Version 2/);
    expect(await f.diffTable().locator('ins').first().textContent()).toMatch(/och i varje arbetslag\./);
    // Dates as the app writes them, not yyyy-MM-dd.
    expect(await f.diffTable().getByRole('row', { name: /Varv 2: EHT-möte/ }).innerText()).toMatch(/torsdag 29 oktober 2026\s+onsdag 18 november 2026/);
    expect(diff).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.screenshot({ path: shotPath('forberedelse-versioner'), fullPage: true });
    await page.getByRole('region', { name: 'Jämför versioner' }).screenshot({ path: shotPath('forberedelse-jamfor') });

    // Återkoppling: to whom, which parts; the plan is downloaded to send; the answer recorded.
    await f.tab('Återkoppling');
    await page.getByLabel('Till', { exact: true }).fill('Förstelärargruppen');
    await page.getByRole('checkbox', { name: 'Kalendariet och årshjulet' }).check();
    const sent = await f.download('Spara begäran och ladda ned planen');
    expect(sent.suggestedFilename()).toBe('plan-bjorkhagens-skola-version-2.pdf');
    await f.write('Återkoppling från Förstelärargruppen', 'Flytta gärna EHT-mötet i varv 2.');
    const list = (await callApi(host, 'aterkoppling:list')) as { ok: true; value: { svar: string; mottagen: string | null; versionNummer: number }[] };
    expect(list.value).toMatchObject([{ svar: 'Flytta gärna EHT-mötet i varv 2.', versionNummer: 2 }]);
    expect(list.value[0]?.mottagen).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.screenshot({ path: shotPath('forberedelse-aterkoppling'), fullPage: true });

    // Export: PDF and Word; the PDF holds the Swedish text, the DOCX unzips to it.
    await f.tab('Export');
    await page.screenshot({ path: shotPath('forberedelse-export'), fullPage: true });
    const pdf = await f.download('Ladda ned PDF');
    const pdfFile = path.join(outDir, pdf.suggestedFilename());
    await pdf.saveAs(pdfFile);
    fs.copyFileSync(pdfFile, '/tmp/varvet-plan-e2e.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString();
    expect(text).toMatch(/BJÖRKHAGENS SKOLA/);
    expect(text).toMatch(/Version 2/);
    expect(text).toMatch(/Förstelärarna leder analysarbetet i ämneslagen\./);
    expect(text).toMatch(/Hur ska ni förmedla syftet med uppföljningarna\?/);
    expect(text).toMatch(/Sida 1 av \d/);
    const docx = await f.download('Ladda ned Word (DOCX)');
    const docxFile = path.join(outDir, docx.suggestedFilename());
    await docx.saveAs(docxFile);
    const xml = execFileSync('unzip', ['-p', docxFile, 'word/document.xml']).toString();
    expect(xml).toMatch(/Vi förklarar syftet på APT i augusti och i varje arbetslag\./);
    // Word spell-checks it as Swedish, and it says who wrote it.
    expect(execFileSync('unzip', ['-p', docxFile, 'word/styles.xml']).toString()).toMatch(/<w:lang w:val="sv-SE"/);
    expect(execFileSync('unzip', ['-p', docxFile, 'docProps/core.xml']).toString()).toMatch(/<cp:lastModifiedBy>Varvet<\/cp:lastModifiedBy>/);

    // Step 8 shows again what was written after each step: step 1's Fundera and discussion answer, under its name.
    await page.keyboard.press('Alt+Digit8');
    await page.getByRole('tab', { name: 'Steg 8 Årsavslut' }).click();
    const reflektioner = page.getByRole('region', { name: 'Det ni reflekterade över under året' });
    const steg1 = reflektioner.getByRole('region', { name: 'Steg 1: Inventering av verktyg' });
    await textMatching(steg1, /Inventeringen visade att vi dokumenterar omdömen på två ställen\./);
    expect(await steg1.innerText()).toMatch(/Vad saknar ni\? Vad vill ni göra åt det\?\s+Vi saknar en analysfunktion för åk 7–9\./);
    expect(await reflektioner.getByRole('region', { name: 'Steg 2: Resultatdialoger – idéer' }).innerText()).toMatch(/Resultatdialoger i ämneslagen\./);
    // Read-only: the texts are changed where they were written.
    expect(await reflektioner.locator('textarea, input').count()).toBe(0);
    await reflektioner.screenshot({ path: shotPath('forberedelse-arsavslut-reflektioner') });
    expect(session.errors).toEqual([]);
  });

  it('förlorar ingenting när värden dödas mitt i skrivandet (kill -9) och startas om', async () => {
    const { page } = session;
    const f = new ForberedelsePage(page);
    await f.openWithShortcut();
    await f.tab('Steg 3 Planen');
    const label = 'Hur ska nytillkomna lärare introduceras i arbetet?';
    const text = 'Nya lärare får en mentor och går igenom årshjulet första veckan – även vikarier.';
    await f.field(label).click();
    await page.keyboard.type(text, { delay: 5 });
    // Killed before the 400 ms pause has passed: the save cannot have reached the backend.
    await host.kill();
    session.errors.length = 0;

    host = await startHost({ dataDir, port });
    // The backend never got the text: only the browser's local draft holds it now.
    const before = (await callApi(host, 'plan:utkast')) as { ok: true; value: { svar: Record<string, string> } };
    expect(before.value.svar.nyaLarare ?? '').toBe('');
    // Same origin (same port), so the local draft is still there; a real load, not just a new fragment.
    await page.goto('about:blank');
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    await f.openWithShortcut();
    await f.tab('Steg 3 Planen');
    await page.screenshot({ path: shotPath('forberedelse-efter-kill') });
    expect(await f.field(label).inputValue()).toBe(text);
    await f.waitSaved();
    // The local draft was reconciled and saved: the database holds it now, as do the answers saved before the kill.
    const utkast = (await callApi(host, 'plan:utkast')) as { ok: true; value: { svar: Record<string, string> } };
    expect(utkast.value.svar.nyaLarare).toBe(text);
    expect(utkast.value.svar.forstelarare).toBe('Förstelärarna leder analysarbetet i ämneslagen.');
    // The errors logged while the host was down are expected; none after the restart.
    expect(session.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);

    // Again with a tool's capability comment (step 1), typed just before the host is killed.
    await f.tab('Steg 1 Inventering');
    const kommentar = () => f.verktyg('Skolplattformen').getByLabel('Kommentar: Progression');
    const om = 'Progressionen syns bara inom ett läsår – åäö ÅÄÖ.';
    await kommentar().click();
    await page.keyboard.type(om, { delay: 5 });
    await host.kill();
    session.errors.length = 0;
    host = await startHost({ dataDir, port });
    type VerktygSvar = { ok: true; value: { namn: string; formagor: Record<string, { kommentar: string }> }[] };
    const progression = async () => ((await callApi(host, 'verktyg:list')) as VerktygSvar).value.find((v) => v.namn === 'Skolplattformen')?.formagor.progression?.kommentar;
    expect(await progression()).toBe('');
    await page.goto('about:blank');
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    await f.openWithShortcut();
    await f.tab('Steg 1 Inventering');
    await kommentar().waitFor();
    expect(await kommentar().inputValue()).toBe(om);
    await f.waitSaved();
    expect(await progression()).toBe(om);
    // The comment typed before the first kill (saved then) is still there too.
    expect(await f.verktyg('Skolplattformen').getByLabel('Kommentar: Analysfunktion').inputValue()).toBe('Bara närvaro, inga resultat över tid.');
    await page.screenshot({ path: shotPath('forberedelse-efter-kill-verktyg') });
    expect(session.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
  });
});
