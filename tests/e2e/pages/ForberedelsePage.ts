// Förberedelse (steg 1–3, versions, återkoppling, export) as the user sees it: tabs, labelled fields, buttons.
import type { Download, Page } from 'playwright-core';
import { textMatching } from './poll';

export type Flik = 'Steg 1 Inventering' | 'Steg 2 Idéer' | 'Steg 3 Planen' | 'Versioner' | 'Återkoppling' | 'Export';

export class ForberedelsePage {
  constructor(readonly page: Page) {}

  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Alt+Digit4');
    await this.heading(/Steg 1: Inventering av verktyg/).waitFor();
  }

  heading(name: RegExp) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async tab(flik: Flik): Promise<void> {
    await this.page.getByRole('tab', { name: flik }).click();
    await this.page.getByRole('tab', { name: flik, selected: true }).waitFor();
  }

  async addVerktyg(namn: string): Promise<void> {
    await this.page.getByLabel('Nytt verktyg').fill(namn);
    await this.page.getByRole('button', { name: 'Lägg till verktyg' }).click();
    await this.verktyg(namn).waitFor();
  }

  verktyg(namn: string) {
    return this.page.getByRole('region', { name: `Verktyg: ${namn}` });
  }

  async judge(verktyg: string, formaga: string, varde: 'Ja' | 'Delvis' | 'Nej'): Promise<void> {
    const radio = this.verktyg(verktyg).getByRole('group', { name: formaga }).getByRole('radio', { name: varde });
    await radio.check();
    // Saved when the side-by-side table shows the choice (it is rebuilt from the backend's answer).
    await this.page.waitForFunction(() => document.querySelector('.plan-matris') !== null);
  }

  matris() {
    return this.page.getByRole('table', { name: 'Verktygen sida vid sida' });
  }

  field(label: string | RegExp) {
    return this.page.getByLabel(label, { exact: typeof label === 'string' });
  }

  /** Types like a user and waits until the autosave says "Sparat". */
  async write(label: string | RegExp, text: string): Promise<void> {
    const field = this.field(label);
    await field.fill(text);
    await this.waitSaved();
  }

  async waitSaved(): Promise<void> {
    await textMatching(this.page.locator('.autosave-state').filter({ hasText: /Sparat kl\. \d\d:\d\d/ }), /Sparat kl\./);
    await this.page.waitForFunction(() => !Array.from(document.querySelectorAll('.autosave-state')).some((e) => e.textContent === 'Sparar…'));
  }

  async setDatum(label: string, datum: string): Promise<void> {
    const input = this.page.getByLabel(label, { exact: true });
    await input.fill(datum);
    await input.press('Enter');
  }

  warnings() {
    return this.page.getByRole('note', { name: 'Att se över i kalendariet' });
  }

  async saveVersion(namn: string, orsak: string | null): Promise<void> {
    await this.page.getByLabel('Vem sparar').fill(namn);
    if (orsak !== null) await this.page.getByLabel('Varför ändras planen?').fill(orsak);
    await this.page.getByRole('button', { name: orsak === null ? 'Fastställ som baslinje' : 'Spara ny version' }).click();
  }

  versionTable() {
    return this.page.getByRole('table', { name: /Planens versioner/ });
  }

  diffTable() {
    return this.page.getByRole('table', { name: /ändring/ });
  }

  async download(button: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button }).click()]);
    return download;
  }
}
