// Journey: a rektor keeps the register up to date by keyboard and mouse in the demo school 'l' (1,200 pupils):
// adds a specialpedagog, a group, Spanish as M2 and who teaches it, adds a pupil and edits the row inline, marks the
// pupil as left (history intact) — and after a restart of Varvet everything is still there.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { ElevPage } from './pages/ElevPage';
import { EleverPage } from './pages/EleverPage';
import { OversiktPage } from './pages/OversiktPage';
import { textMatching } from './pages/poll';
import { RegisterPage } from './pages/RegisterPage';
import { openSession, type Session } from './pages/session';

/** N opens a form and focuses its first field; the keys are typed once the field has the focus. */
async function focused(field: ReturnType<Page['getByLabel']>): Promise<void> {
  await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
}

async function selectByText(select: ReturnType<Page['getByLabel']>, text: string): Promise<void> {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  if (value === null) throw new Error(`Inget val med texten ${text}`);
  await select.selectOption(value);
}

describe('register', () => {
  const dataDir = tempDir();
  let browser: Browser;
  let host: Host;
  let session: Session;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir })]);
    expect(await callApi(host, 'demo:open', { size: 'l' })).toMatchObject({ ok: true });
    session = await openSession(browser, host.url);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('lägger till personal, grupp, språk och undervisning och ändrar en rad med tangentbordet', async () => {
    const { page } = session;
    const reg = new RegisterPage(page);
    await new OversiktPage(page).waitUntilShown();
    await page.keyboard.press('Alt+5');
    await reg.heading().waitFor();
    expect(await reg.tab('Personal').getAttribute('aria-selected')).toBe('true');
    await textMatching(page.getByText(/^Visar .* personer$/), /^Visar [\d\s\u00a0]+ av [\d\s\u00a0]+ personer$/);
    await page.screenshot({ path: shotPath('register-personal') });

    // Ny personal, with the mouse for the button and the keyboard for the rest.
    await page.getByRole('button', { name: 'Ny personal' }).click();
    const ny = reg.form('Ny personal');
    await ny.getByLabel('Förnamn').fill('Maja');
    await ny.getByLabel('Efternamn').fill('Örn');
    await ny.getByLabel('E-post (valfritt)').fill('maja.orn@skolan.se');
    await ny.getByLabel('Specialpedagog').check();
    await ny.getByLabel('Mentor', { exact: true }).check();
    await page.screenshot({ path: shotPath('register-ny-personal') });
    await ny.getByLabel('E-post (valfritt)').press('Enter');
    await reg.saved('Sparat: Maja Örn är tillagd').waitFor();
    await expect.poll(() => reg.activeRow('Personal').textContent()).toContain('Örn, Maja');
    expect(await reg.activeRow('Personal').textContent()).toContain('Specialpedagog');

    // Inline: Enter edits the active row, Tab to Efternamn, Enter saves; Esc cancels a change.
    await page.keyboard.press('Enter');
    const editor = reg.editor('Ändra Maja Örn');
    await editor.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await page.keyboard.type('berg');
    await page.screenshot({ path: shotPath('register-personal-redigera') });
    await page.keyboard.press('Enter');
    await reg.saved('Sparat: Maja Örnberg').waitFor();
    await expect.poll(() => reg.activeRow('Personal').textContent()).toContain('Örnberg, Maja');
    await page.keyboard.press('F2');
    await reg.editor('Ändra Maja Örnberg').waitFor();
    await page.keyboard.type('XYZ');
    await page.keyboard.press('Escape');
    await reg.editor('Ändra Maja Örnberg').waitFor({ state: 'detached' });
    expect(await reg.activeRow('Personal').textContent()).toContain('Örnberg, Maja');
    expect(await reg.activeRow('Personal').textContent()).not.toContain('XYZ');

    // → to Grupper; N opens "Ny grupp"; a duplicate name is refused in Swedish.
    await reg.tab('Personal').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => reg.tab('Grupper').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('n');
    const nyGrupp = reg.form('Ny grupp');
    await focused(nyGrupp.getByLabel('Namn'));
    await page.keyboard.type('9X');
    await nyGrupp.getByLabel('Typ').selectOption({ label: 'Undervisningsgrupp' });
    await nyGrupp.getByLabel('Årskurs').selectOption({ label: '9' });
    await nyGrupp.getByLabel('Namn').press('Enter');
    await reg.saved('Sparat: 9X är tillagd').waitFor();
    await expect.poll(() => reg.activeRow('Grupper').textContent()).toContain('Undervisningsgrupp');
    await page.keyboard.press('n');
    await focused(reg.form('Ny grupp').getByLabel('Namn'));
    await page.keyboard.type('9x');
    await page.keyboard.press('Enter');
    await reg.form('Ny grupp').getByRole('alert').filter({ hasText: /Det finns redan en grupp som heter 9x/ }).waitFor();
    await page.screenshot({ path: shotPath('register-grupper') });
    await page.keyboard.press('Escape');
    await reg.form('Ny grupp').waitFor({ state: 'detached' });

    // End → Ämnen; Spanska as M2.
    await reg.tab('Grupper').focus();
    await page.keyboard.press('End');
    await expect.poll(() => reg.tab('Ämnen').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('n');
    const nyttAmne = reg.form('Nytt ämne');
    await nyttAmne.getByLabel('Ämne').selectOption('M2');
    await nyttAmne.getByLabel('Språk').fill('Spanska');
    await nyttAmne.getByLabel('Språk').press('Enter');
    await reg.saved(/Sparat: Moderna språk, språkval – Spanska är tillagt/).waitFor();
    expect(await reg.activeRow('Ämnen').textContent()).toContain('M2');
    await reg.search('Sök ämne').fill('M2');
    await page.screenshot({ path: shotPath('register-amnen') });

    // ← → Undervisning: Maja teaches 9X Spanish.
    await reg.tab('Ämnen').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => reg.tab('Undervisning').getAttribute('aria-selected')).toBe('true');
    await page.getByRole('button', { name: 'Ny undervisning' }).click();
    const nyU = reg.form('Ny undervisning');
    await selectByText(nyU.getByLabel('Lärare'), 'Maja Örnberg');
    await selectByText(nyU.getByLabel('Grupp'), '9X');
    await selectByText(nyU.getByLabel('Ämne'), 'Spanska');
    await nyU.getByRole('button', { name: 'Spara undervisningen' }).click();
    await reg.saved('Sparat: Maja Örnberg undervisar 9X i Moderna språk, språkval – Spanska').waitFor();
    await reg.search('Sök undervisning').fill('9X');
    await textMatching(page.getByText(/^Visar .* undervisningar$/), /^Visar 1 av/);
    await page.screenshot({ path: shotPath('register-undervisning') });
    expect(session.errors).toEqual([]);
  });

  it('lägger till en elev, ändrar raden, markerar som slutad och återaktiverar – allt finns kvar efter omstart', async () => {
    const { page } = session;
    const reg = new RegisterPage(page);
    const list = new EleverPage(page);
    await page.keyboard.press('Alt+2');
    await list.heading().waitFor();
    await page.getByRole('button', { name: 'Ny elev' }).click();
    const ny = reg.form('Ny elev');
    await ny.getByLabel('Förnamn').fill('Test');
    await ny.getByLabel('Efternamn').fill('Åkesson');
    await ny.getByLabel('Årskurs').selectOption({ label: '9' });
    await selectByText(ny.getByLabel('Klass'), '9X');
    await selectByText(ny.getByLabel('Mentor'), 'Maja Örnberg');
    await page.screenshot({ path: shotPath('elever-ny-elev') });
    await ny.getByLabel('Efternamn').press('Enter');
    await reg.saved('Sparat: Test Åkesson är tillagd').waitFor();
    await expect.poll(() => list.activeRow().textContent()).toContain('Åkesson, Test');
    await focused(page.getByRole('grid', { name: 'Elever' }));

    // F2 edits the row: new förnamn, Tab to Nyanländ, Space, Enter saves.
    const started = Date.now();
    await page.keyboard.press('F2');
    const editor = reg.editor('Ändra Test Åkesson');
    await focused(editor.getByLabel('Förnamn'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Tove');
    expect(await editor.getByLabel('Förnamn').inputValue()).toBe('Tove');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    await focused(editor.getByLabel('Nyanländ'));
    await page.keyboard.press('Space');
    expect(await editor.getByLabel('Nyanländ').isChecked()).toBe(true);
    await page.screenshot({ path: shotPath('elever-redigera-rad') });
    const saving = Date.now();
    await page.keyboard.press('Enter');
    await reg.saved('Sparat: Tove Åkesson').waitFor();
    console.log(`Radredigering öppnad på ${saving - started} ms (inkl. tangenttryck), sparad på ${Date.now() - saving} ms`);
    const row = (await list.activeRow().textContent()) ?? '';
    expect(row).toContain('Åkesson, Tove');
    expect(row).toContain('9X');
    expect(row).toContain('Maja Örnberg');
    expect(row).toContain('Nyanländ');

    // Open the pupil, give them an insats, mark them as left.
    await page.keyboard.press('Enter');
    const elev = new ElevPage(page);
    await elev.heading('Tove Åkesson').waitFor();
    await elev.createInsats({ beskrivning: 'Studiehandledning på modersmålet', typ: 'Extra anpassning', forvantadEffekt: 'Klarar prov i SO' });
    await page.getByRole('button', { name: 'Markera som slutad' }).click();
    await page.getByRole('form', { name: 'Markera som slutad' }).getByRole('button', { name: 'Markera som slutad' }).click();
    await page.getByText(/^Eleven har slutat/).waitFor();
    await page.screenshot({ path: shotPath('elev-slutad') });

    await page.keyboard.press('Alt+ArrowLeft');
    await list.heading().waitFor();
    await list.search().fill('Åkesson Tove');
    await textMatching(list.resultCount(), /^Visar 0 av/);
    await page.getByLabel('Visa elever som slutat').check();
    await textMatching(list.resultCount(), /^Visar 1 av/);
    expect(await list.rows().first().textContent()).toContain('Slutat');
    await page.screenshot({ path: shotPath('elever-visa-slutat') });
    expect(session.errors).toEqual([]);

    // Restart Varvet on the same data folder.
    await session.close();
    await host.stop();
    host = await startHost({ dataDir });
    session = await openSession(browser, host.url);
    const p = session.page;
    const reg2 = new RegisterPage(p);
    await new OversiktPage(p).waitUntilShown();
    await p.keyboard.press('Alt+5');
    await reg2.search('Sök personal').fill('Örnberg');
    await expect.poll(() => reg2.rows('Personal').first().textContent()).toContain('maja.orn@skolan.se');
    await reg2.tab('Grupper').click();
    await reg2.search('Sök grupp').fill('9X');
    await expect.poll(() => reg2.rows('Grupper').first().textContent()).toMatch(/9X.*Undervisningsgrupp/);
    await reg2.tab('Ämnen').click();
    await reg2.search('Sök ämne').fill('spanska');
    await expect.poll(() => reg2.rows('Ämnen').allTextContents()).toContainEqual(expect.stringContaining('Moderna språk, språkval – Spanska'));
    await reg2.tab('Undervisning').click();
    await reg2.search('Sök undervisning').fill('9X Spanska');
    await expect.poll(() => reg2.rows('Undervisning').first().textContent()).toContain('Maja Örnberg');

    await p.keyboard.press('Alt+2');
    const list2 = new EleverPage(p);
    await list2.search().fill('Åkesson Tove');
    await textMatching(list2.resultCount(), /^Visar 0 av/);
    await p.getByLabel('Visa elever som slutat').check();
    await textMatching(list2.resultCount(), /^Visar 1 av/);
    await list2.search().press('Enter');
    const elev2 = new ElevPage(p);
    await elev2.heading('Tove Åkesson').waitFor();
    await elev2.insats('Studiehandledning på modersmålet').waitFor();
    await p.getByRole('button', { name: 'Återaktivera' }).click();
    await p.getByText(/^Eleven har slutat/).waitFor({ state: 'detached' });

    // "Ändra uppgifter" on the pupil page: the new name shows at once and in the list.
    await p.getByRole('button', { name: 'Ändra uppgifter' }).click();
    const uppgifter = p.getByRole('form', { name: 'Ändra uppgifter' });
    await uppgifter.getByLabel('Förnamn').fill('Tova');
    await uppgifter.getByLabel('Särskild undervisningsgrupp').check();
    await p.screenshot({ path: shotPath('elev-andra-uppgifter') });
    await uppgifter.getByRole('button', { name: 'Spara uppgifterna' }).click();
    await elev2.heading('Tova Åkesson').waitFor();
    expect(await p.getByText('Särskild undervisningsgrupp', { exact: true }).count()).toBeGreaterThan(0);
    await p.keyboard.press('Alt+ArrowLeft');
    await p.getByLabel('Visa elever som slutat').uncheck();
    await list2.search().fill('Åkesson Tova');
    await textMatching(list2.resultCount(), /^Visar 1 av/);
    expect(await list2.rows().first().textContent()).not.toContain('Slutat');
    expect(session.errors).toEqual([]);
  });
});
