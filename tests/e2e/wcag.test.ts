// WCAG 2.1 AA (issue 21) in the real renderer: axe-core on every main view (a critical or serious violation fails),
// reflow at 320 CSS px and at 200 % on 1280 px (the main area never scrolls sideways), and where the focus lands
// after each action of the keyboard journeys. Screenshots of every view at both sizes go to the shots folder.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Elev, Insats } from '../../shared/model';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { axeViolations, focused, sidewaysOverflow } from './pages/axe';
import { EleverPage } from './pages/EleverPage';
import { ElevPage } from './pages/ElevPage';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';

/** The menu's views, by the name of their button. */
const VIEWS = [
  'Översikt',
  'Elever',
  'EHT-möten',
  'Förberedelse',
  'Register',
  'Import',
  'Säkerhetskopior',
  'Uppföljning',
  'Logg och gallring',
  'Inställningar',
] as const;

async function goTo(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  const toggle = nav.getByRole('button', { name: 'Meny' });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await nav.getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

describe('WCAG 2.1 AA i demoskolan', () => {
  const dataDir = tempDir();
  let browser: Browser;
  let host: Host;
  let session: Session;
  let elev: Elev;
  let insats: Insats;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir })]);
    expect(await callApi(host, 'demo:open', { size: 's' })).toMatchObject({ ok: true });
    const elever = ((await callApi(host, 'elev:list', { baraAktiva: true })) as { value: Elev[] }).value;
    for (const e of elever) {
      const insatser = ((await callApi(host, 'insats:listForElev', { elevId: e.id })) as { value: Insats[] }).value;
      const aktiv = insatser.find((i) => i.status === 'aktiv');
      if (aktiv && elever.filter((x) => x.fornamn === e.fornamn && x.efternamn === e.efternamn).length === 1) {
        elev = e;
        insats = aktiv;
        break;
      }
    }
    if (!insats) throw new Error('Demoskolan saknar en elev med en aktiv insats');
    session = await openSession(browser, host.url);
    await session.page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await callApi(host, 'backup:create', {})).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('axe finner inget kritiskt eller allvarligt i någon vy', async () => {
    const { page } = session;
    const found: string[] = [];
    for (const view of VIEWS) {
      await goTo(page, view);
      await page.waitForLoadState('networkidle');
      found.push(...(await axeViolations(page, view)));
    }
    expect(found).toEqual([]);
    // On a wide screen the menu is always open: no "Meny" button.
    expect(await page.getByRole('button', { name: 'Meny' }).isVisible()).toBe(false);
  });

  for (const [size, viewport, scale] of [
    ['320', { width: 320, height: 720 }, 1],
    ['200', { width: 640, height: 400 }, 2],
  ] as const) {
    it(`flödar om utan sidledes rullning vid ${size === '320' ? '320 CSS-pixlar' : '200 % på 1280 pixlar'}`, async () => {
      const context = await browser.newContext({ viewport, deviceScaleFactor: scale, locale: 'sv-SE' });
      const page = await context.newPage();
      try {
        await page.goto(host.url);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        const wide: string[] = [];
        for (const view of VIEWS) {
          await goTo(page, view);
          await page.waitForLoadState('networkidle');
          const overflow = await sidewaysOverflow(page);
          if (overflow > 0) wide.push(`${view}: ${overflow} px`);
          await page.screenshot({ path: shotPath(`wcag-${size}-${view}`) });
        }
        // The folded menu opens, shows every view with its Alt-hint, and Esc closes it with the focus on "Meny".
        const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
        await nav.getByRole('button', { name: 'Meny' }).click();
        expect(await nav.getByRole('button', { name: 'Meny' }).getAttribute('aria-expanded')).toBe('true');
        await page.screenshot({ path: shotPath(`wcag-${size}-meny`) });
        expect(await sidewaysOverflow(page)).toBe(0);
        await nav.getByRole('button', { name: 'Översikt', exact: true }).focus();
        await page.keyboard.press('Escape');
        expect(await focused(page)).toBe('button Meny');
        expect(await nav.getByRole('button', { name: 'Översikt', exact: true }).isVisible()).toBe(false);
        expect(wide).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('mötesläget: titel, fokus vid öppning och efter beslut, pilar i bedömningen, hjälpdialogen och axe i varje del', async () => {
    const { page } = session;
    await goTo(page, 'EHT-möten');
    await page.getByRole('button', { name: /^Mötesläge/ }).first().click();
    const rubrik = page.getByRole('heading', { name: 'Mötesläge', level: 1 });
    await rubrik.waitFor();
    const panel = page.locator('article.mote-panel');
    await panel.waitFor();
    expect(await page.title()).toMatch(/^EHT-möte \d{1,2} \p{L}+ – Varvet$/u);
    expect(await focused(page)).toBe('h1 Mötesläge');
    expect(await axeViolations(page, 'mötesläge, insatser')).toEqual([]);

    // ↓ on an assessment radio moves within the group; the insats stays the same.
    const position = await panel.locator('.mote-panel-header .eyebrow').textContent();
    await panel.getByRole('radio', { name: 'Tydlig effekt' }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('input Viss effekt');
    expect(await panel.getByRole('radio', { name: 'Viss effekt' }).isChecked()).toBe(true);
    expect(await panel.locator('.mote-panel-header .eyebrow').textContent()).toBe(position);

    // Enter follows the recommendation and saves; the focus goes to the next insats's first choice, not the body.
    await page.keyboard.press('Enter');
    await textMatching(panel.locator('.mote-panel-header .eyebrow'), /./);
    await expect.poll(async () => panel.locator('.mote-panel-header .eyebrow').textContent()).not.toBe(position);
    expect(await focused(page)).toBe('input Tydlig effekt');

    // The help dialog: modal, Tab stays inside, Esc closes it and the focus returns.
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Kortkommandon i mötesläget' });
    await dialog.waitFor();
    expect(await axeViolations(page, 'mötesläge, hjälpdialogen')).toEqual([]);
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('input Tydlig effekt');

    for (const [key, name] of [['r', 'resultat'], ['u', 'utredningar'], ['n', 'nya insatser']] as const) {
      await page.locator('.mote-innehall').click({ position: { x: 1, y: 1 } });
      await page.keyboard.press(key);
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page, `mötesläge, ${name}`)).toEqual([]);
      await page.screenshot({ path: shotPath(`wcag-mote-${key}`) });
    }
    expect(session.errors).toEqual([]);
  });

  it('kortkommandon med en tangent kan stängas av i Inställningar', async () => {
    const { page } = session;
    await goTo(page, 'Inställningar');
    const box = page.getByRole('checkbox', { name: 'Kortkommandon med en tangent' });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await goTo(page, 'EHT-möten');
    await page.getByRole('button', { name: /^Mötesläge/ }).first().click();
    await page.locator('article.mote-panel').waitFor();
    await page.keyboard.press('u');
    await page.keyboard.press('?');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('article.mote-panel').count()).toBe(1);
    // The setting is kept on this computer: a reload keeps it off.
    await page.reload();
    await goTo(page, 'Inställningar');
    expect(await page.getByRole('checkbox', { name: 'Kortkommandon med en tangent' }).isChecked()).toBe(false);
    await page.getByRole('checkbox', { name: 'Kortkommandon med en tangent' }).check();
    expect(session.errors).toEqual([]);
  });

  it('återställningens bekräftelse är en egen panel; Avbryt och Esc ger fokus tillbaka till knappen', async () => {
    const { page } = session;
    await goTo(page, 'Säkerhetskopior');
    const opener = page.getByRole('button', { name: /^Återställ säkerhetskopian från/ }).first();
    const name = await opener.getAttribute('aria-label');
    await opener.click();
    const panel = page.getByRole('region', { name: /^Återställa säkerhetskopian från/ });
    await panel.waitFor();
    expect(await focused(page)).toBe('button Återställ nu');
    expect(await axeViolations(page, 'återställningens bekräftelse')).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: shotPath('wcag-aterstall-bekrafta') });
    await panel.getByRole('button', { name: 'Avbryt' }).click();
    expect(await panel.count()).toBe(0);
    expect(await focused(page)).toBe(`button ${name}`);
    await opener.click();
    await panel.waitFor();
    await page.keyboard.press('Escape');
    expect(await panel.count()).toBe(0);
    expect(await focused(page)).toBe(`button ${name}`);
    await page.setViewportSize({ width: 1366, height: 820 });
  });

  it('tangentbordet: fokus landar på något meningsfullt efter Alt+4, Avbryt och Spara reglerna', async () => {
    const { page } = session;
    await goTo(page, 'Översikt');
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { level: 1, name: /Steg 1/ }).waitFor();
    expect(await focused(page)).toMatch(/^h1 Steg 1/);

    // Nytt EHT-möte → Avbryt: back on the button that opened the form.
    await goTo(page, 'EHT-möten');
    await page.getByRole('button', { name: 'Nytt EHT-möte' }).click();
    const avbryt = page.getByRole('main').getByRole('button', { name: 'Avbryt' }).first();
    await avbryt.waitFor();
    await avbryt.click();
    await expect.poll(() => focused(page)).toBe('button Nytt EHT-möte');

    // Ny insats → Avbryt on a pupil's page: back on "Ny insats".
    await openElev(page);
    await page.getByRole('button', { name: 'Ny insats' }).click();
    const form = page.getByRole('form', { name: /Ny insats för/ });
    await form.waitFor();
    await form.getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(() => focused(page)).toBe('button Ny insats');

    // Spara reglerna: the focus stays on the button while and after saving.
    await goTo(page, 'Inställningar');
    const spara = page.getByRole('button', { name: /Spara reglerna|Sparar…/ });
    await spara.click();
    await textMatching(page.getByRole('status').first(), /\S/);
    expect(await focused(page)).toBe('button Spara reglerna');
    expect(session.errors).toEqual([]);
  });

  async function openElev(page: Page): Promise<ElevPage> {
    await goTo(page, 'Elever');
    const list = new EleverPage(page);
    await list.search().fill(`${elev.fornamn} ${elev.efternamn}`);
    await list.search().press('Enter');
    const p = new ElevPage(page);
    await p.heading(`${elev.fornamn} ${elev.efternamn}`).waitFor();
    return p;
  }

  it('"Spara bedömningen" utan vald bedömning visar ett fel i formuläret och flyttar fokus till valen', async () => {
    const { page } = session;
    const p = await openElev(page);
    await p.startEvaluation(insats.beskrivning);
    const form = p.evaluationForm(insats.beskrivning);
    await form.getByRole('button', { name: 'Spara bedömningen' }).click();
    await textMatching(form.getByText('Välj en bedömning av effekten.'), /Välj en bedömning/);
    expect(await focused(page)).toBe('input Tydlig effekt');
    expect(await form.getByRole('radio', { name: 'Tydlig effekt' }).getAttribute('aria-invalid')).toBe('true');
    // The same by keyboard: Tab to the button and Enter.
    await form.getByRole('button', { name: 'Spara bedömningen' }).focus();
    await page.keyboard.press('Enter');
    await textMatching(form.getByText('Välj en bedömning av effekten.'), /Välj en bedömning/);
    expect(await focused(page)).toBe('input Tydlig effekt');
    expect(await axeViolations(page, 'Bedöm effekt med fel')).toEqual([]);
    await page.screenshot({ path: shotPath('wcag-bedom-fel') });
    expect(session.errors).toEqual([]);
  });

  it('Ctrl+L låser och fokus står i lösenordsfältet', async () => {
    const { page } = session;
    expect(await callApi(host, 'lock:setup', { losenord: 'korrekt häst batteri häftklammer' })).toMatchObject({ ok: true });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { level: 1, name: 'Lås upp Varvet' }).waitFor();
    await expect.poll(() => focused(page)).toBe('input Lösenord');
    expect(await axeViolations(page, 'låsskärmen')).toEqual([]);
  });
});

describe('WCAG 2.1 AA i en tom skola', () => {
  let browser: Browser;
  let host: Host;
  let session: Session;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir: tempDir() })]);
    const created = await callApi(host, 'skola:create', { namn: 'Tomma skolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    expect(created).toMatchObject({ ok: true });
    session = await openSession(browser, host.url);
    await session.page.getByRole('heading', { level: 1 }).first().waitFor();
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('varje vy klarar axe, och den tomma elevlistan säger vad som är sant och leder till Import', async () => {
    const { page } = session;
    const found: string[] = [];
    for (const view of VIEWS) {
      await goTo(page, view);
      await page.waitForLoadState('networkidle');
      found.push(...(await axeViolations(page, `tom skola, ${view}`)));
    }
    expect(found).toEqual([]);

    await goTo(page, 'Elever');
    const empty = page.getByText(/Inga elever ännu/);
    await empty.waitFor();
    // Not inside the grid: a grid holds rows only.
    expect(await page.locator('[role=grid] .vlist-empty, [role=rowgroup] p').count()).toBe(0);
    await page.screenshot({ path: shotPath('wcag-tom-elever') });
    await page.getByRole('button', { name: 'importera från skolplattformen' }).click();
    await page.getByRole('heading', { level: 1, name: /Import/ }).waitFor();
    expect(session.errors).toEqual([]);
  });
});
