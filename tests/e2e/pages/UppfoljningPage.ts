// Uppföljning (steg 5, 7, 8 and the reports) as the user sees it: tabs, labelled fields and buttons.
import type { Download, Page } from 'playwright-core';
import { textMatching } from './poll';

export type UppfoljningFlik = 'Steg 5 Resultatdialog' | 'Steg 7 Avstämning' | 'Steg 8 Årsavslut' | 'Rapporter';

export class UppfoljningPage {
  constructor(readonly page: Page) {}

  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Alt+Digit8');
    await this.page.getByRole('heading', { level: 1, name: 'Steg 5: Resultatdialoger' }).waitFor();
  }

  async tab(flik: UppfoljningFlik): Promise<void> {
    await this.page.getByRole('tab', { name: flik }).click();
    await this.page.getByRole('tab', { name: flik, selected: true }).waitFor();
  }

  varv() {
    return this.page.getByLabel('Varv', { exact: true });
  }

  async chooseVarv(index: number): Promise<string> {
    const label = (await this.varv().locator('option').nth(index).textContent()) ?? '';
    await this.varv().selectOption({ index });
    return label;
  }

  async newDialogWithTeacher(index = 1): Promise<string> {
    await this.page.getByRole('button', { name: 'Ny resultatdialog' }).click();
    const form = this.page.getByRole('form', { name: 'Ny resultatdialog' });
    await form.getByLabel('En lärare').check();
    const larare = form.getByLabel('Lärare', { exact: true });
    await larare.locator('option').nth(index).waitFor({ state: 'attached' });
    await larare.selectOption({ index });
    const namn = ((await larare.locator('option:checked').textContent()) ?? '').replace(/ \(.*$/, '');
    await form.getByRole('button', { name: 'Skapa resultatdialogen' }).click();
    await this.dialog(namn).waitFor();
    return namn;
  }

  dialog(namn: string) {
    return this.page.getByRole('article', { name: `Resultatdialog: ${namn}` });
  }

  field(label: string | RegExp) {
    return this.page.getByLabel(label, { exact: typeof label === 'string' });
  }

  async write(label: string | RegExp, text: string): Promise<void> {
    await this.field(label).fill(text);
    await this.waitSaved();
  }

  async waitSaved(): Promise<void> {
    await textMatching(this.page.locator('.autosave-state').filter({ hasText: /Sparat kl\. \d\d:\d\d/ }), /Sparat kl\./);
    await this.page.waitForFunction(() => !Array.from(document.querySelectorAll('.autosave-state')).some((e) => e.textContent === 'Sparar…'));
  }

  async download(button: string | RegExp): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button }).click()]);
    return download;
  }
}
