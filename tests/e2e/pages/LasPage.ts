// The lock: "Skydda elevuppgifterna" (passphrase and recovery key), the locked screen, and "Lösenord och lås".
import type { Page } from 'playwright-core';

export class LasPage {
  constructor(readonly page: Page) {}

  protectHeading() {
    return this.page.getByRole('heading', { name: 'Skydda elevuppgifterna', level: 1 });
  }

  async choosePassphrase(first: string, again = first): Promise<void> {
    await this.page.getByLabel('Lösenord', { exact: true }).fill(first);
    await this.page.getByLabel('Lösenord igen').fill(again);
    await this.page.getByRole('button', { name: 'Skydda med lösenord' }).click();
  }

  recoveryHeading() {
    return this.page.getByRole('heading', { name: 'Spara återställningsnyckeln', level: 1 });
  }

  async recoveryKey(): Promise<string> {
    const region = this.page.getByRole('region', { name: 'Återställningsnyckel' });
    const text = (await region.textContent()) ?? '';
    const match = /([0-9A-Z]{4}-){7}[0-9A-Z]{4}/.exec(text);
    if (!match) throw new Error(`Ingen återställningsnyckel i: ${text}`);
    return match[0];
  }

  async confirmRecovery(lastGroup: string): Promise<void> {
    await this.page.getByLabel('Skriv nyckelns sista fyra tecken').fill(lastGroup);
    await this.page.getByRole('button', { name: 'Jag har sparat återställningsnyckeln' }).click();
  }

  lockedHeading() {
    return this.page.getByRole('heading', { name: 'Lås upp Varvet', level: 1 });
  }

  async unlockWithPassphrase(passphrase: string): Promise<void> {
    await this.page.getByLabel('Lösenord', { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Lås upp', exact: true }).click();
  }

  async unlockWithRecoveryKey(key: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Använd återställningsnyckel' }).click();
    await this.page.getByLabel('Återställningsnyckel').fill(key);
    await this.page.getByRole('button', { name: 'Lås upp', exact: true }).click();
  }

  alert() {
    return this.page.getByRole('alert').filter({ hasText: /\S/ });
  }

  async openSettings(): Promise<void> {
    await this.page.getByRole('button', { name: 'Inställningar', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Inställningar', level: 1 }).waitFor();
  }

  async setIdleMinutes(minutes: number): Promise<void> {
    await this.page.getByLabel('Lås efter så många minuter utan aktivitet').fill(String(minutes));
    await this.page.getByRole('button', { name: 'Spara tiden' }).click();
  }

  idleWarning() {
    return this.page.getByRole('alert').filter({ hasText: /Varvet låses om \d+ sekunder/ });
  }
}
