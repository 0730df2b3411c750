// Journey: a file that changes saved grades. The Import page says the order of the files up front; the check says
// how many rows are added and how many existing values change, also for "only the valid rows"; importing asks for
// a confirmation that lists each value before → after. Then two pupils with the same name are told apart by Elev-ID.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { REPO_ROOT, tempDir } from '../support/tmp';
import { EleverPage } from './pages/EleverPage';
import { ImportPage } from './pages/ImportPage';
import { OversiktPage } from './pages/OversiktPage';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'import');

async function importViaApi(host: Host, kind: string, file: string, bytes?: Buffer): Promise<void> {
  const args = { kind, fileName: file, contentBase64: (bytes ?? fs.readFileSync(path.join(FIXTURES, file))).toString('base64'), sheet: null };
  const preview = (await callApi(host, 'import:preview', args)) as { ok: boolean; value: { proposedMapping: unknown } };
  const r = (await callApi(host, 'import:run', { ...args, mapping: preview.value.proposedMapping, matchChoices: {} })) as { ok: boolean; value: { refused: string | null } };
  expect(r.ok && r.value.refused, file).toBeNull();
}

describe('import som ändrar sparade värden', () => {
  let browser: Browser;
  let host: Host;
  let session: Session;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir: tempDir() })]);
    await callApi(host, 'skola:create', { namn: 'Björkdalsskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    for (const [kind, file] of [['personal', 'personal.csv'], ['elever', 'elever.csv'], ['grupper', 'grupper.csv'], ['undervisning', 'undervisning.xlsx'], ['resultat', 'resultat.csv']]) {
      await importViaApi(host, kind as string, file as string);
    }
    // A second Juni Lundqvist in 7A: the platform's file had two pupils with the same name and class.
    await importViaApi(host, 'elever', 'tvilling.csv', Buffer.from('Elev-ID;Förnamn;Efternamn;Klass;Årskurs\r\n20130412-1234;Juni;Lundqvist;7A;7\r\n', 'utf8'));
    session = await openSession(browser, host.url);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('säger ordningen, räknar ändrade värden och listar dem innan de skrivs över', async () => {
    const { page } = session;
    await new OversiktPage(page).waitUntilShown();
    await page.keyboard.press('Alt+6');
    const imp = new ImportPage(page);
    await imp.heading().waitFor();
    const ordning = page.locator('.import-order li');
    expect(await ordning.allTextContents()).toEqual([
      'Personal (lärare och mentorer)', 'Elever (med klass och mentor)', 'Grupper',
      'Undervisning (lärare, grupp och ämne – kräver personal och grupper)', 'Resultat',
    ]);

    const file = path.join(tempDir(), 'andrade-betyg.csv');
    fs.writeFileSync(file, 'Elev-ID;Ämne;Betyg;Datum\r\nE24030;Matematik;A;2026-10-16\r\nE24030;SV;C;2026-10-16\r\nE24030;EN;D;2026-10-16\r\nOKAND;Matematik;A;2026-10-16\r\n');
    await imp.choose('Resultat', file);
    const verdict = await imp.checked(/Importerar du bara de giltiga raderna/);
    expect(verdict).toMatch(/lägger till 0 rader, ändrar 2 befintliga värden \(i 2 rader\) och lämnar 1 rad oförändrad\./);

    await imp.importValidButton().click();
    const dialog = page.getByRole('alertdialog', { name: 'Importen ändrar 2 befintliga värden' });
    await dialog.waitFor();
    const rows = dialog.getByRole('row');
    expect(await rows.nth(1).textContent()).toMatch(/Juni Lundqvist \(Elev-ID E24030\), Matematik.*betyg eller nivå.*F.*A/);
    expect(await rows.nth(2).textContent()).toMatch(/Engelska.*B.*D/);
    await dialog.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: shotPath('import-andringar-bekrafta') });
    // Nothing is written before the yes.
    const before = (await callApi(host, 'import:history')) as { value: unknown[] };
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(await dialog.count()).toBe(0);
    expect(((await callApi(host, 'import:history')) as { value: unknown[] }).value.length).toBe(before.value.length);

    await imp.importValidButton().click();
    await page.getByRole('button', { name: 'Importera och ändra 2 befintliga värden' }).click();
    const done = await textMatching(page.locator('.import-done'), /Bara de giltiga/);
    expect(done).toMatch(/ändrade 2 · oförändrade 1 · hoppade över 1 rader med problem/);
  });

  it('skiljer två elever med samma namn och klass åt med Elev-ID, och hittar en elev på Elev-ID', async () => {
    const { page } = session;
    await page.keyboard.press('Alt+2');
    const elever = new EleverPage(page);
    await elever.heading().waitFor();
    await elever.search().fill('lundqvist juni');
    await textMatching(elever.resultCount(), /^Visar 2 av/);
    const texts = await elever.rows().allTextContents();
    expect(texts.some((t) => t.includes('Elev-ID E24030'))).toBe(true);
    expect(texts.some((t) => t.includes('Elev-ID 20130412-1234, född 2013'))).toBe(true);
    await page.screenshot({ path: shotPath('elever-samma-namn') });
    await elever.search().fill('20130412');
    await textMatching(elever.resultCount(), /^Visar 1 av/);
    expect(await elever.rows().first().textContent()).toContain('20130412-1234');
  });
});
