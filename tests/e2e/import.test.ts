// Journey: a new user imports the school's files (each dialect) through the Import view, corrects a column the
// preview did not recognise, saves the mapping, sees the register and results; a broken file shows every problem
// with its row and changes nothing; the results import is undone as a whole.
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportHistoryEntry } from '../../shared/import/types';
import { launchBrowser, shotPath } from '../support/browser';
import { callApi, startHost, type Host } from '../support/host';
import { REPO_ROOT, tempDir } from '../support/tmp';
import { ImportPage } from './pages/ImportPage';
import { EleverPage } from './pages/EleverPage';
import { OversiktPage } from './pages/OversiktPage';
import { textMatching } from './pages/poll';
import { openSession, type Session } from './pages/session';

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'import');
const fixture = (name: string) => path.join(FIXTURES, name);

/** The main area scrolls, not the page: bring the part to the top of the view, then take the shot. */
async function shot(part: Locator, name: string): Promise<void> {
  await part.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await part.page().screenshot({ path: shotPath(name) });
}

async function history(host: Host): Promise<ImportHistoryEntry[]> {
  return ((await callApi(host, 'import:history')) as { value: ImportHistoryEntry[] }).value;
}

describe('import', () => {
  let browser: Browser;
  let host: Host;
  let session: Session;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir: tempDir() })]);
    const created = await callApi(host, 'skola:create', { namn: 'Björkdalsskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    expect(created).toMatchObject({ ok: true });
    session = await openSession(browser, host.url);
    session.page.on('dialog', (d) => void d.accept());
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await host?.stop();
  });

  it('imports the register and results, fixes a mapping, refuses a broken file, and undoes an import', async () => {
    const { page } = session;
    await new OversiktPage(page).waitUntilShown();
    await page.keyboard.press('Alt+6');
    const imp = new ImportPage(page);
    await imp.heading().waitFor();
    await page.screenshot({ path: shotPath('import-tom') });

    // The file button is Swedish and reached by Tab after the kinds; the input has the focus and the name, the
    // button-looking label shows the focus ring, and the chosen file's name is said next to it.
    const fil = page.getByLabel('Fil (CSV eller Excel .xlsx)');
    const filKnapp = page.locator('label.import-file-button');
    expect(await filKnapp.textContent()).toBe('Välj fil…');
    expect(await page.locator('#import-file-chosen').textContent()).toBe('Ingen fil vald');
    await page.getByRole('radio', { name: /^Elever/ }).focus();
    await page.keyboard.press('Tab');
    expect(await fil.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await filKnapp.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await shot(page.getByRole('heading', { name: '1. Välj vad du importerar och filen' }), 'import-filknapp-fokus');
    expect(await page.getByText(/Choose File|No file chosen|Välj fil(?!…)/).count()).toBe(0);

    // The register, one dialect each: semicolon + Windows-1252, XLSX, UTF-8 with BOM.
    for (const [kind, file, rows] of [['Personal', 'personal.csv', 10], ['Elever', 'elever.xlsx', 62], ['Grupper', 'grupper.csv', 15], ['Undervisning', 'undervisning.xlsx', 23]] as const) {
      await imp.choose(kind, fixture(file));
      await imp.checked(/^Inga problem/);
      if (kind === 'Personal') await shot(page.getByRole('heading', { name: '2. Kontrollera kolumnerna' }), 'import-forhandsvisning');
      const done = await imp.importAll();
      expect(done, file).toMatch(new RegExp(`Tillagda ${rows}|Tillagda \\d+ · ändrade \\d+`));
    }
    expect(await page.locator('#import-file-chosen').textContent()).toMatch(/^Vald fil: undervisning\.xlsx \(\d+ kB\)$/);
    expect(await fil.getAttribute('aria-describedby')).toContain('import-file-chosen');
    // The history names the sheet of an Excel file.
    expect(await imp.history().getByRole('row', { name: /undervisning\.xlsx/ }).textContent()).toContain('blad ”Undervisning”');

    // Results with a grade column the preview does not recognise: the check says what is missing.
    await imp.choose('Resultat', fixture('resultat-utf8-bom.csv'));
    expect(await imp.checked(/saknar/)).toMatch(/Kolumnmappningen saknar: Betyg eller bedömning/);
    await expect(imp.importButton().isDisabled()).resolves.toBe(true);
    await shot(page.getByRole('heading', { name: '2. Kontrollera kolumnerna' }), 'import-mappning-saknas');
    await imp.columnSelect('Kunskapsnivå (varv 2)').selectOption({ label: 'Betyg eller bedömning *' });
    expect(await imp.checked(/^Inga problem/)).toMatch(/216 rader, 216 giltiga\. Importen lägger till 216/);
    await page.getByLabel('Källans namn').fill('Skolplattformen – resultat');
    await page.getByRole('button', { name: 'Spara mappning' }).click();
    await page.getByRole('option', { name: 'Skolplattformen – resultat' }).waitFor({ state: 'attached' });
    // The picker says the mapping just saved is the one in use.
    const picker = page.getByLabel('Sparad mappning');
    await expect.poll(() => picker.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Skolplattformen – resultat');
    expect(await page.locator('#import-saved-status').textContent()).toBe('Kolumnerna mappas med den sparade mappningen ”Skolplattformen – resultat”.');
    await shot(imp.verdict(), 'import-mappning-rattad');
    await page.keyboard.press('Control+Enter');
    await textMatching(page.locator('.import-done'), /Importen är klar/);
    const afterResults = await history(host);
    expect(afterResults[0]).toMatchObject({ typ: 'resultat', filnamn: 'resultat-utf8-bom.csv', tillagda: 216 });

    // The same results as Swedish Excel's Windows-1252 file: nothing changes.
    await imp.choose('Resultat', fixture('resultat.csv'));
    expect(await imp.checked(/^Inga problem/)).toMatch(/lägger till 0 rader, ändrar inga befintliga värden och lämnar 216 rader oförändrade/);

    // A broken file: every problem with its row; Importera is disabled; nothing changes.
    await imp.choose('Resultat', fixture('resultat-trasig.csv'));
    expect(await imp.checked(/behöver lösas/)).toMatch(/16 rader, 10 giltiga\. 6 problem behöver lösas/);
    const problemRows = imp.problems().getByRole('row');
    expect(await problemRows.count()).toBe(7);
    const cells = await imp.problems().getByRole('rowheader').allTextContents();
    expect(cells).toEqual(['7', '8', '9', '10', '11', '12']);
    expect(await imp.problems().textContent()).toContain('Datumet finns inte i kalendern.');
    // A repeated row names the key that repeats; a grade for a pupil in åk 4 is off the pupil's scale.
    expect(await problemRows.filter({ has: page.getByRole('rowheader', { name: '10', exact: true }) }).textContent()).toContain('Elev-ID, Ämne, DatumE24001, MA, 2026-10-16');
    expect(await problemRows.filter({ has: page.getByRole('rowheader', { name: '12', exact: true }) }).textContent()).toContain('Eleven går i åk 4; betyg A–F ges från åk 6.');
    await expect(imp.importButton().isDisabled()).resolves.toBe(true);
    expect(await imp.importValidButton().textContent()).toBe('Importera bara giltiga rader (10 av 16)');
    await shot(imp.verdict(), 'import-trasig');
    expect(await history(host)).toHaveLength(afterResults.length);

    // A name that fits two pupils is asked, not guessed; choosing one makes the file importable.
    await imp.choose('Resultat', fixture('resultat-utan-id.csv'));
    expect(await imp.checked(/behöver lösas/)).toMatch(/1 fråga om vem som avses/);
    const question = page.getByRole('group', { name: /”Elsa Lindberg, 7A” på rad 8 passar flera/ });
    expect(await question.getByRole('radio').count()).toBe(3);
    await shot(question, 'import-fraga');
    await question.getByRole('radio').first().check();
    expect(await imp.checked(/^Inga problem/)).toMatch(/7 rader, 7 giltiga/);

    // The register: the pupils are there.
    await page.keyboard.press('Alt+2');
    const elever = new EleverPage(page);
    await elever.heading().waitFor();
    expect((await textMatching(elever.resultCount(), /^Visar/)).replace(/[\s\u00a0]/g, '')).toBe('Visar62av62elever');
    await page.screenshot({ path: shotPath('import-elever') });

    // The results: an imported pupil's page shows them, with the criteria not reached.
    await elever.search().fill('Vera Gustafsson');
    await elever.search().press('ArrowDown');
    await page.keyboard.press('Enter');
    const resultat = page.getByRole('table', { name: 'Elevens resultat per ämne och bedömningstillfälle' });
    const matte = resultat.getByRole('row', { name: /Matematik/ });
    await matte.waitFor();
    const matteText = (await matte.textContent()) ?? '';
    expect(matteText).toMatch(/Ej nått/);
    for (const kriterium of ['Problemlösning', 'Metoder', 'Kommunikation']) expect(matteText).toContain(kriterium);
    await resultat.screenshot({ path: shotPath('import-elev-resultat') });

    // Undo the results import as a whole.
    await page.keyboard.press('Alt+6');
    await imp.heading().waitFor();
    const table = imp.history();
    await table.getByRole('button', { name: /Ångra importen av resultat-utf8-bom\.csv/ }).click();
    await table.getByText(/^Ångrad/).waitFor();
    expect((await history(host))[0]).toMatchObject({ filnamn: 'resultat-utf8-bom.csv', angrad: expect.any(String) });
    await shot(page.getByRole('heading', { name: 'Tidigare importer' }), 'import-historik');

    // The same export again: its columns fit the saved mapping, which is used at once and named in the picker.
    await imp.choose('Resultat', fixture('resultat-utf8-bom.csv'));
    expect(await imp.checked(/^Inga problem/)).toMatch(/216 rader, 216 giltiga/);
    expect(await picker.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Skolplattformen – resultat');
    expect(await page.locator('#import-saved-status').textContent()).toMatch(/”Skolplattformen – resultat”, som valdes eftersom filen har samma kolumnrubriker\.$/);
    expect(await imp.columnSelect('Kunskapsnivå (varv 2)').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Betyg eller bedömning *');
    await shot(imp.verdict(), 'import-mappning-foreslagen');
    // Choosing "Ingen" goes back to the columns as Varvet recognised them.
    await picker.selectOption('');
    expect(await imp.checked(/saknar/)).toMatch(/Kolumnmappningen saknar: Betyg eller bedömning/);
    expect(await page.locator('#import-saved-status').textContent()).toBe('Ingen sparad mappning används.');
    expect(session.errors).toEqual([]);
  });
});
