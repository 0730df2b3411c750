// Import (Alt+6), from the user's side: choose kind and file, correct a column, read the check, import, undo.
import type { Page } from 'playwright-core';
import { textMatching } from './poll';

export class ImportPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Importera från skolplattformen', level: 1 });
  }

  async choose(kind: 'Elever' | 'Personal' | 'Grupper' | 'Undervisning' | 'Resultat', file: string): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
    await this.page.getByLabel('Fil (CSV eller Excel .xlsx)').setInputFiles(file);
    // The preview names the file it shows, so an earlier file's preview and check are not mistaken for this one's.
    const name = file.split('/').pop() ?? file;
    await this.page.getByRole('region', { name: '2. Kontrollera kolumnerna' }).getByText(`${name}:`, { exact: false }).waitFor();
  }

  sheet() {
    return this.page.getByLabel('Blad i Excel-filen');
  }

  columnSelect(header: string) {
    return this.page.getByLabel(`Vad innehåller kolumnen ”${header}”?`);
  }

  verdict() {
    return this.page.locator('.import-verdict');
  }

  /** Waits for the check of the whole file to finish and returns its sentence. */
  async checked(pattern: RegExp): Promise<string> {
    return textMatching(this.verdict(), pattern);
  }

  importButton() {
    return this.page.getByRole('button', { name: 'Importera', exact: true });
  }

  importValidButton() {
    return this.page.getByRole('button', { name: /^Importera bara giltiga rader/ });
  }

  problems() {
    return this.page.getByRole('table', { name: /Problem i filen/ });
  }

  async importAll(): Promise<string> {
    await this.importButton().click();
    return textMatching(this.page.locator('.import-done'), /Importen är klar|Bara de giltiga/);
  }

  history() {
    return this.page.getByRole('region', { name: 'Tidigare importer' }).getByRole('table');
  }
}
