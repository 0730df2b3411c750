// Översikt's gymnasiebehörighet list on the demo school (issue 15, item 3): risk (an F or streck that stops
// behörighet) told from underlag saknas (grades missing), the årskurser from the settings, a Läge column.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from '../support/browser';
import { startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';
import { openDemoSchool } from './pages/WelcomePage';

describe('Översikt: risk att inte bli behörig till gymnasiet', () => {
  const dataDir = tempDir();
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

  it('tells risk from underlag saknas, names the årskurser, and shows each pupil’s läge', async () => {
    const { page } = session;
    const rubrik = page.getByRole('heading', { name: /Risk att inte bli behörig till gymnasiet/ });
    await rubrik.waitFor();
    const section = rubrik.locator('..');
    await textMatching(section, /Åk 7, 8, 9 utifrån senaste betyg: \d+ i risk \(F eller streck som stoppar behörigheten;.*där underlag saknas \(betyg som inte finns är inte F\)/);
    const tabell = section.getByRole('table', { name: 'Elever med risk att inte bli behöriga' });
    await tabell.getByRole('columnheader', { name: 'Läge' }).waitFor();
    const lagen = await tabell.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(lagen.length).toBeGreaterThan(0);
    for (const l of lagen) expect(l).toMatch(/^(Risk( \(\d+ F(, \d+ streck)?\)| \(\d+ streck\))?|Underlag saknas)$/);
    // Sorted by årskurs.
    const ak = (await tabell.locator('tbody tr td:nth-child(2)').allTextContents()).map((t) => Number(/\d+/.exec(t)?.[0]));
    expect(ak).toEqual([...ak].sort((a, b) => a - b));
    await page.setViewportSize({ width: 1366, height: 768 });
    await rubrik.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: shotPath('oversikt-behorighet') });
    expect(session.errors).toEqual([]);
  });
});
