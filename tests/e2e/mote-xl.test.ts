// Speed on the XL demo school (five läsår of history) in browser mode: the agenda appears well under a second after
// "Öppna mötesläget", and moving between insatser sends no request at all (pure client state).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoteRad } from '../../shared/channels/mote';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { MotePage } from './pages/MotePage';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';

describe('mötesläget på XL-skolan', () => {
  const dataDir = tempDir();
  let browser: Browser;
  let host: Host;
  let session: Session;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir })]);
    expect(await callApi(host, 'demo:open', { size: 'xl' })).toMatchObject({ ok: true });
    // A fresh host process, so the first agenda below is computed cold.
    await host.stop();
    host = await startHost({ dataDir });
  }, 240_000);

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('visar dagordningen på under en sekund och bläddrar utan att vänta på backend', async () => {
    const moten = ((await callApi(host, 'mote:list')) as { value: MoteRad[] }).value;
    const nasta = moten.find((m) => m.status !== 'avslutat') as MoteRad;
    const t0 = performance.now();
    const cold = (await callApi(host, 'mote:agenda', { moteId: nasta.id })) as { ok: boolean; value: { insatser: unknown[] } };
    const coldMs = performance.now() - t0;
    expect(cold.ok).toBe(true);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await callApi(host, 'mote:agenda', { moteId: nasta.id });
      warm.push(performance.now() - t);
    }

    session = await openSession(browser, host.url);
    const { page } = session;
    const mote = new MotePage(page);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor(); // the app frame: shortcuts work from here
    await page.keyboard.press('Alt+3');
    const open = page.getByRole('button', { name: 'Öppna mötesläget' });
    await open.waitFor();
    const t1 = performance.now();
    await open.click();
    await mote.panel().waitFor();
    const shownMs = performance.now() - t1;

    // Moving between insatser: no request leaves the page, and each move shows the next insats at once.
    let requests = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/')) requests += 1;
    });
    const antal = cold.value.insatser.length;
    const moves: number[] = [];
    for (let i = 1; i < Math.min(antal, 25); i++) {
      const t = performance.now();
      await mote.press('ArrowRight');
      await textMatching(mote.panel(), new RegExp(`Insats ${i + 1} av ${antal}`), 2_000);
      moves.push(performance.now() - t);
    }
    await page.screenshot({ path: shotPath('mote-xl'), fullPage: true });
    const median = [...moves].sort((a, b) => a - b)[Math.floor(moves.length / 2)] ?? 0;
    const warmMedian = [...warm].sort((a, b) => a - b)[2] ?? 0;
    console.log(
      `XL: ${antal} insatser · mote:agenda kall ${coldMs.toFixed(0)} ms, varm median ${warmMedian.toFixed(0)} ms (HTTP) · ` +
        `dagordningen synlig ${shownMs.toFixed(0)} ms efter klick · bläddring median ${median.toFixed(0)} ms, ${requests} anrop`,
    );
    expect(shownMs).toBeLessThan(1000);
    // The very first agenda of a fresh process also computes the results summary (cached afterwards); the page
    // hides it by fetching the next meeting's agenda while the list is shown. Bound it loosely on a shared 2-core box.
    expect(coldMs).toBeLessThan(2000);
    expect(requests).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
