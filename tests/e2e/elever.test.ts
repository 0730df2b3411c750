// Journey (c): among ~1,200 pupils, search finds one and the keyboard alone opens them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Elev } from '../../shared/model';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { EleverPage } from './pages/EleverPage';
import { ElevPage } from './pages/ElevPage';
import { OversiktPage } from './pages/OversiktPage';
import { parseSwedishNumber, textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';

describe('elever', () => {
  let browser: Browser;
  let host: Host;
  let session: Session;
  let elever: Elev[];

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir: tempDir() })]);
    expect(await callApi(host, 'demo:open', { size: 'l' })).toMatchObject({ ok: true });
    elever = ((await callApi(host, 'elev:list', { baraAktiva: true })) as { value: Elev[] }).value;
    session = await openSession(browser, host.url);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('hittar en elev bland 1 200 med sökning och öppnar eleven med tangentbordet', async () => {
    const { page } = session;
    await new OversiktPage(page).waitUntilShown();
    await page.keyboard.press('Alt+2');
    const list = new EleverPage(page);
    await list.heading().waitFor();
    const total = elever.length;
    const all = await textMatching(list.resultCount(), /^Visar/);
    expect(all.replace(/[\s\u00a0]/g, '')).toBe(`Visar${total}av${total}elever`);

    // Windowed: the grid says it has every row, but only a screenful is in the DOM.
    expect(await list.grid().getAttribute('aria-rowcount')).toBe(String(total + 1));
    expect(await list.rows().count()).toBeLessThan(80);
    await page.screenshot({ path: shotPath('elever') });

    // A pupil far down the list, not on screen at first, with a full name that is unique.
    const names = elever.map((e) => `${e.fornamn} ${e.efternamn}`);
    const target = elever.find((e, i) => i > total * 0.75 && names.filter((n) => n === names[i]).length === 1);
    if (!target || !target.klass) throw new Error('Demoskolan saknar en elev med unikt namn och klass');

    // The search box has focus when the screen opens; type the surname and the class.
    await page.keyboard.type(`${target.efternamn} ${target.klass}`);
    const matched = await textMatching(list.resultCount(), /^Visar [\d\s\u00a0]+ av/);
    const shown = parseSwedishNumber(/^Visar (.+?) av/.exec(matched)?.[1] ?? '');
    expect(shown).toBeGreaterThanOrEqual(1);
    expect(shown).toBeLessThan(total);

    // ↓ moves into the list, further ↓ until the pupil's row is active, Enter opens.
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < shown; i++) {
      const active = (await list.activeRow().textContent()) ?? '';
      if (active.includes(`${target.efternamn}, ${target.fornamn}`)) break;
      await page.keyboard.press('ArrowDown');
    }
    expect(await list.activeRow().textContent()).toContain(`${target.efternamn}, ${target.fornamn}`);
    await page.screenshot({ path: shotPath('elever-sok') });
    await page.keyboard.press('Enter');

    const elev = new ElevPage(page);
    await elev.heading(`${target.fornamn} ${target.efternamn}`).waitFor();
    expect(await page.getByText(target.klass, { exact: true }).count()).toBeGreaterThan(0);

    // Alt+← returns to the list as it was left: the search and the active row are kept.
    await page.keyboard.press('Alt+ArrowLeft');
    await list.heading().waitFor();
    expect(await list.search().inputValue()).toBe(`${target.efternamn} ${target.klass}`);
    expect(await list.activeRow().textContent()).toContain(`${target.efternamn}, ${target.fornamn}`);

    // Over the whole list: End reaches the last pupil, Home the first.
    await list.search().fill('');
    await list.grid().focus();
    await page.keyboard.press('End');
    expect(await list.activeRow().getAttribute('aria-rowindex')).toBe(String(total + 1));
    await page.keyboard.press('Home');
    expect(await list.activeRow().getAttribute('aria-rowindex')).toBe('2');
    await page.keyboard.press('PageDown');
    expect(Number(await list.activeRow().getAttribute('aria-rowindex'))).toBeGreaterThan(5);
    expect(session.errors).toEqual([]);
  });

  it('tangenterna följer det som står i sökrutan och en ny sökning börjar överst', async () => {
    const { page } = session;
    const list = new EleverPage(page);
    await list.heading().waitFor();
    const total = elever.length;
    const target = elever[Math.floor(total * 0.8)]!;
    const viewport = list.grid().locator('.vlist-viewport');

    // Clearing the search and pressing End at once reaches the last of all pupils, not of the old matches.
    for (let i = 0; i < 5; i++) {
      await list.search().fill(`${target.fornamn} ${target.efternamn}`);
      await list.search().fill('');
      await list.grid().focus();
      await page.keyboard.press('End');
      expect(await list.activeRow().getAttribute('aria-rowindex')).toBe(String(total + 1));
      await page.keyboard.press('Home');
      expect(await list.activeRow().getAttribute('aria-rowindex')).toBe('2');
    }

    // Far down the whole list, then a search: the list starts at the top, the first match is on screen.
    await page.keyboard.press('End');
    expect(await viewport.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
    await list.search().fill('a');
    await textMatching(list.resultCount(), /^Visar [\d\s\u00a0]+ av/);
    await expect.poll(() => viewport.evaluate((el) => el.scrollTop)).toBe(0);
    const first = list.grid().locator('[aria-rowindex="2"]');
    const [box, view] = await Promise.all([first.boundingBox(), viewport.boundingBox()]);
    expect(box && view && box.y >= view.y && box.y + box.height <= view.y + view.height).toBe(true);
    await page.screenshot({ path: shotPath('elever-ny-sokning-overst') });
    await list.search().fill('');
    expect(session.errors).toEqual([]);
  });

  it('första F2 på en elev med mentor visar mentorn i raden som ändras', async () => {
    // A fresh window: the staff list has not been loaded when F2 opens the row editor.
    const fresh = await openSession(browser, host.url);
    try {
      const { page } = fresh;
      await new OversiktPage(page).waitUntilShown();
      await page.keyboard.press('Alt+2');
      const list = new EleverPage(page);
      await list.heading().waitFor();
      const names = elever.map((e) => `${e.fornamn} ${e.efternamn}`);
      const target = elever.find((e, i) => e.mentor !== null && e.klass !== null && names.filter((n) => n === names[i]).length === 1);
      if (!target?.mentor) throw new Error('Demoskolan saknar en elev med mentor');
      await list.search().fill(`${target.fornamn} ${target.efternamn}`);
      await textMatching(list.resultCount(), /^Visar 1 av/);
      await list.search().press('ArrowDown');
      await page.keyboard.press('F2');
      const editor = page.getByRole('form', { name: `Ändra ${target.fornamn} ${target.efternamn}` });
      await editor.waitFor();
      const selected = (label: string) =>
        editor.getByLabel(label, { exact: true }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
      expect(await selected('Mentor')).toBe(target.mentor);
      expect(await selected('Klass')).toBe(target.klass);
      // Still right once the staff and group lists have arrived and the options were rebuilt.
      await expect.poll(() => editor.getByLabel('Mentor', { exact: true }).locator('option').count()).toBeGreaterThan(2);
      expect(await selected('Mentor')).toBe(target.mentor);
      expect(await selected('Klass')).toBe(target.klass);
      await page.screenshot({ path: shotPath('elever-f2-mentor') });
      await page.keyboard.press('Escape');
      await editor.waitFor({ state: 'detached' });
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
