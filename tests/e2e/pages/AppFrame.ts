// The navigation every screen shares, as the user sees it.
import type { Page } from 'playwright-core';

export class AppFrame {
  constructor(readonly page: Page) {}

  nav() {
    return this.page.getByRole('navigation', { name: 'Huvudmeny' });
  }

  async goToOversikt(): Promise<void> {
    await this.nav().getByRole('button', { name: 'Översikt' }).click();
  }

  async goToElever(): Promise<void> {
    await this.nav().getByRole('button', { name: 'Elever' }).click();
  }

  status() {
    return this.page.getByRole('status').first();
  }
}
