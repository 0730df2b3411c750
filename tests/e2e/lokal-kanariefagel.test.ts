// The canary scan of the browser side (issue 8, item 5): text the backend has not confirmed yet — a meeting's draft
// motivation and a plan answer typed as the host is killed — is kept in the browser's storage so nothing is lost,
// but only encrypted. Chromium runs with a real profile folder here (as Electron keeps its own under userData); after
// the browser has closed, neither the profile nor the data folder holds the canary, in UTF-8 or UTF-16LE. A control
// entry written in plaintext proves the scan finds what is there. Then Varvet starts again, is unlocked, and both
// drafts are back on screen.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoteRad } from '../../shared/channels/mote';
import { CHROMIUM, CHROMIUM_ARGS, shotPath } from '../support/browser';
import { callApi, freePort, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { ForberedelsePage } from './pages/ForberedelsePage';
import { LasPage } from './pages/LasPage';
import { MotePage } from './pages/MotePage';
import { openPages } from './pages/session';

const PLAN_CANARY = 'Planutkast-kanariefågel-Rk4tPq';
const MOTE_CANARY = 'Motiveringsutkast-kanariefågel-Rk4tPq';
const CONTROL = 'Kontroll-i-klartext-Jw8nLs';
const LOSENORD = 'kanariefågelns långa lösenord';
const PLAN_FIELD = 'Hur ska nytillkomna lärare introduceras i arbetet?';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}

/** The files under the folders that hold `text` in UTF-8 or UTF-16LE. */
function filesWith(text: string, ...dirs: string[]): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return dirs.flatMap(filesUnder).filter((f) => {
    const bytes = fs.readFileSync(f);
    return needles.some((n) => bytes.includes(n));
  });
}

async function api<T>(host: Host, channel: string, args: unknown = {}): Promise<T> {
  const reply = (await callApi(host, channel, args)) as { ok: boolean; value: T; error?: { message: string } };
  if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
  return reply.value;
}

describe('lokala utkast i webbläsarens lagring', () => {
  const dataDir = tempDir();
  const profileDir = tempDir();
  let port: number;
  let host: Host;
  let context: BrowserContext | null = null;

  const openBrowser = async (): Promise<Page> => {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: { width: 1366, height: 820 },
      locale: 'sv-SE',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    openPages.add(page);
    page.on('close', () => openPages.delete(page));
    return page;
  };

  beforeAll(async () => {
    port = await freePort();
    host = await startHost({ dataDir, port });
    await api(host, 'demo:open', { size: 's' });
    await api(host, 'lock:setup', { losenord: LOSENORD });
  });

  afterAll(async () => {
    await context?.close();
    await host?.stop();
  });

  it('håller det som inte hunnit sparas krypterat på disk och visar det igen efter omstart', async () => {
    let page = await openBrowser();
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();

    // A draft motivation in the meeting: a departing decision typed but not committed.
    const moteId = (await api<MoteRad[]>(host, 'mote:list')).find((m) => m.status !== 'avslutat')?.id;
    expect(moteId).toBeDefined();
    await page.keyboard.press('Alt+3');
    await page.getByRole('button', { name: 'Öppna mötesläget' }).click();
    const mote = new MotePage(page);
    await mote.heading().waitFor();
    await mote.press('1');
    await mote.press('d');
    await page.getByLabel(/^Beslut/).selectOption('komplettera_underlag');
    await mote.panel().getByLabel('Motivering').fill(MOTE_CANARY);
    await mote.panel().getByLabel('Motivering').press('Escape');

    // A plan answer typed, and the host killed before the autosave's pause has passed.
    const f = new ForberedelsePage(page);
    await f.openWithShortcut();
    await f.tab('Steg 3 Planen');
    await f.field(PLAN_FIELD).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(PLAN_CANARY, { delay: 5 });
    await host.kill();
    // Both drafts reach the storage (encrypted); the control is written in plaintext beside them.
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('varvet.utkast.') || k.startsWith('varvet.moteutkast.')).length))
      .toBeGreaterThanOrEqual(2);
    await page.evaluate((c) => localStorage.setItem('kontroll', c), CONTROL);
    const lagrat = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('varvet.')).map(([, v]) => v));
    expect(lagrat.every((v) => v.startsWith('varvet-aes-gcm-v1:'))).toBe(true);
    await page.waitForTimeout(300);
    await context?.close();
    context = null;

    // On disk: the control is found (the scan works on Chromium's files), the canaries nowhere.
    expect(filesWith(CONTROL, profileDir).length).toBeGreaterThan(0);
    expect(filesWith(PLAN_CANARY, profileDir, dataDir)).toEqual([]);
    expect(filesWith(MOTE_CANARY, profileDir, dataDir)).toEqual([]);
    expect(filesWith('kanariefågel-Rk4tPq', profileDir, dataDir)).toEqual([]);
    console.log(`Kanariesökning i webbläsarprofilen: ${filesUnder(profileDir).length} filer och ${filesUnder(dataDir).length} i datamappen, 0 träffar; kontrollen hittades.`);

    // Varvet again, same address: unlock, and both drafts are back (the plan's is saved at once).
    host = await startHost({ dataDir, port });
    page = await openBrowser();
    await page.goto(host.url);
    const las = new LasPage(page);
    await las.lockedHeading().waitFor();
    await las.unlockWithPassphrase(LOSENORD);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    const f2 = new ForberedelsePage(page);
    await f2.openWithShortcut();
    await f2.tab('Steg 3 Planen');
    expect(await f2.field(PLAN_FIELD).inputValue()).toBe(PLAN_CANARY);
    await f2.waitSaved();
    const utkast = await api<{ svar: Record<string, string> }>(host, 'plan:utkast');
    expect(Object.values(utkast.svar)).toContain(PLAN_CANARY);

    await page.keyboard.press('Alt+3');
    await page.getByRole('button', { name: 'Öppna mötesläget' }).click();
    await new MotePage(page).heading().waitFor();
    await expect.poll(() => new MotePage(page).panel().getByLabel('Motivering').inputValue()).toBe(MOTE_CANARY);
    await page.screenshot({ path: shotPath('lokalt-utkast-efter-omstart'), fullPage: true });
  });
});
