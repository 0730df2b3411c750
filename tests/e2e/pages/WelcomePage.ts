// First start: "Ny skola" and "Öppna demoskola".
import type { Page } from 'playwright-core';

export class WelcomePage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Välkommen till Varvet', level: 1 });
  }

  async waitUntilShown(): Promise<void> {
    await this.heading().waitFor();
  }

  demoButton() {
    return this.page.getByRole('button', { name: /Öppna demoskola|Skapar demoskolan/ });
  }

  async openDemo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Öppna demoskola' }).click();
  }

  async fillNySkola(values: { namn: string; startdatum?: string; slutdatum?: string }): Promise<void> {
    await this.page.getByLabel('Skolans namn').fill(values.namn);
    if (values.startdatum) await this.page.getByLabel('Läsårets första dag').fill(values.startdatum);
    if (values.slutdatum) await this.page.getByLabel('Läsårets sista dag').fill(values.slutdatum);
  }

  async submitNySkola(): Promise<void> {
    await this.page.getByRole('button', { name: 'Skapa skolan' }).click();
  }

  /** After a school is created: "Skydda elevuppgifterna" → Hoppa över → Fortsätt utan lösenord (tests not about the lock). */
  async skipProtection(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Skydda elevuppgifterna', level: 1 }).waitFor({ timeout: 60_000 });
    await this.page.getByRole('button', { name: 'Hoppa över…' }).click();
    await this.page.getByRole('button', { name: 'Fortsätt utan lösenord' }).click();
  }

  field(label: string) {
    return this.page.getByLabel(label);
  }

  alert() {
    return this.page.getByRole('alert').filter({ hasText: /\S/ });
  }
}

/** From the start screen to the demo school's Översikt, unprotected: how the journeys on the demo begin. */
export async function openDemoSchool(page: Page): Promise<void> {
  const welcome = new WelcomePage(page);
  await welcome.waitUntilShown();
  await welcome.openDemo();
  await welcome.skipProtection();
  await page.getByRole('heading', { name: 'Skolan i siffror' }).waitFor({ timeout: 60_000 });
}
