// Logg och gallring (Alt+9), as the rektor sees it: the log list with its filters and detail, and the Gallring tab.
import type { Page } from 'playwright-core';

export class LoggPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+9');
    await this.page.getByRole('heading', { level: 1, name: /Logg över ändringar/ }).waitFor();
  }

  chainStatus() {
    return this.page.getByRole('status').filter({ hasText: /Loggkedjan/ });
  }

  rows() {
    return this.page.getByRole('grid', { name: 'Loggposter' }).getByRole('row');
  }

  filter(label: string) {
    return this.page.getByRole('form', { name: 'Filtrera loggen' }).getByLabel(label);
  }

  detail() {
    return this.page.getByRole('region', { name: /^Post \d+/ });
  }

  async openGallring(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Gallring' }).click();
    await this.page.getByRole('heading', { level: 1, name: /Gallring av uppgifter/ }).waitFor();
  }

  previewPupils() {
    return this.page.getByRole('table', { name: 'Elever som gallras' }).getByRole('row');
  }

  async gallra(beforeConfirm?: () => Promise<unknown>): Promise<void> {
    await this.page.getByRole('button', { name: /^Gallra \d+ elev/ }).click();
    const dialog = this.page.getByRole('alertdialog', { name: 'Bekräfta gallringen' });
    const confirm = dialog.getByRole('button', { name: 'Gallra nu' });
    await dialog.getByLabel('Skriv GALLRA för att bekräfta').fill('gallra');
    if (await confirm.isEnabled()) throw new Error('Gallringen gick att bekräfta utan ordet GALLRA');
    await dialog.getByLabel('Skriv GALLRA för att bekräfta').fill('GALLRA');
    await beforeConfirm?.();
    await confirm.click();
  }

  result() {
    return this.page.getByRole('region', { name: 'Gallringen är klar' });
  }
}
