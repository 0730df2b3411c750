// The förvaltning's view in a real browser: three demo schools' signed reports in a real PostgreSQL, compared side by
// side with the municipality's totals, a chart with its numbers, and the trend table.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type HubServer } from '../../electron/backend/huvudman/server';
import { launchBrowser, shotPath } from '../support/browser';
import { setupHub, varvet, type Hub } from '../support/huvudman';
import { tempDir } from '../support/tmp';

describe('huvudmannens jämförelse', () => {
  const dir = tempDir('varvet-hub-e2e-');
  let hub: Hub;
  let server: HubServer;
  let browser: Browser;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([setupHub(dir), launchBrowser()]);
    for (const s of hub.skolor) {
      const r = await varvet('skicka', 'arsrapport', '--data', s.data, '--till', hub.skolUrl);
      if (r.code !== 0) throw new Error(r.err);
    }
    // A forged copy of the first school's report: refused by the hub, listed with its reason.
    const fil = path.join(dir, 'norr.json');
    await varvet('skicka', 'arsrapport', '--data', hub.skolor[0]!.data, '--out', fil);
    const env = JSON.parse(fs.readFileSync(fil, 'utf8')) as { dokument: string; signatur: string };
    const dok = JSON.parse(env.dokument) as { skapad: string };
    dok.skapad = '2027-03-11T00:00:00.000Z';
    const text = JSON.stringify(dok);
    const { sha256Hex } = await import('../../electron/backend/huvudman/leverans');
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: hub.skolUrl });
    await c.connect();
    await c.query('INSERT INTO huvudman.inkorg (sha256, dokument, signatur) VALUES ($1, $2, $3)', [sha256Hex(text), text, env.signatur]);
    await c.end();
    server = await startHub({ pgUrl: hub.hubUrl });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    hub?.pg.stop();
  });

  it('visar skolorna sida vid sida med kommunens totaler, ett diagram med talen och avvisade rapporter', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url);
    await page.getByRole('status').filter({ hasText: /3 rapporter från 3 skolor/ }).waitFor();
    expect(page.url()).not.toContain('token');
    const jamforelse = page.getByRole('region', { name: /Skolorna och kommunen/ });
    for (const namn of ['Norrskolan', 'Söderskolan', 'Västerskolan', 'Kommunen']) await expect(jamforelse.getByRole('columnheader', { name: namn }).count()).resolves.toBe(1);
    const andel = jamforelse.getByRole('row', { name: /Andel insatser med effekt, alla nivåer/ });
    await expect(andel.textContent()).resolves.toMatch(/\d+ %/);
    await expect(page.getByRole('img', { name: /Stapeldiagram/ }).textContent()).resolves.toMatch(/Kommunen\d+ %/);
    await expect(page.getByText(/Signaturen stämmer inte/).count()).resolves.toBe(1);
    await page.screenshot({ path: shotPath('huvudman-jamforelse'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera som CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('huvudman-jamforelse.csv');
    await page.close();
  });
});
