// Journey (issue 16, item 2): the database file is found empty where a school existed. The start screen does not
// offer Ny skola over it: it says what is wrong and offers the verified backups, and a restore opens the school.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePath } from '../../electron/backend/paths';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { tempDir } from '../support/tmp';
import { BackupGate } from './pages/BackupPage';
import { OversiktPage } from './pages/OversiktPage';
import { openSession, type Session } from './pages/session';

describe('en tom databasfil där skolan fanns', () => {
  let browser: Browser;
  let host: Host;
  let session: Session | undefined;
  const dataDir = tempDir();

  beforeAll(async () => {
    const first = await startHost({ dataDir });
    expect(await callApi(first, 'demo:open', { size: 's' })).toMatchObject({ ok: true });
    expect(await callApi(first, 'backup:create', {})).toMatchObject({ ok: true });
    await first.stop();
    const file = databasePath(dataDir);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    fs.writeFileSync(file, '');
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir })]);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('startsidan säger att databasen är tom, erbjuder säkerhetskopiorna, och en återställning öppnar skolan', async () => {
    session = await openSession(browser, host.url);
    const { page } = session;
    const gate = new BackupGate(page);
    await gate.heading().waitFor();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('är tom, men här har funnits en skola');
    expect(await page.getByRole('button', { name: 'Ny skola' }).count()).toBe(0);
    await page.screenshot({ path: shotPath('start-tom-databas'), fullPage: true });
    // serve said the same on its console (stderr), with the restore command.
    expect(host.output()).toContain('är tom, men här har funnits en skola');
    expect(host.output()).toContain('varvet restore "');
    await gate.restoreNewest('Tagen för hand');
    await new OversiktPage(page).waitUntilShown();
    expect(session.errors).toEqual([]);
  });
});
