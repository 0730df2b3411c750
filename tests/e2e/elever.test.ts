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
});
