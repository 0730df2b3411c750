// Säkerhetskopior as the user sees it: the list of backups, "take one now", restore with a confirmation, undo.
import type { Page } from 'playwright-core';

export class BackupPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Säkerhetskopior' });
  }

  table() {
    return this.page.getByRole('table', { name: /Säkerhetskopior/ });
  }

  rows() {
    return this.table().getByRole('row');
  }

  async backupNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ta säkerhetskopia nu' }).click();
  }

  /** Restores the newest backup taken for this reason, confirming the question. */
  async restoreNewest(reason: string): Promise<void> {
    const row = this.rows().filter({ hasText: reason }).first();
    await row.getByRole('button', { name: /^Återställ säkerhetskopian från/ }).click();
    // The confirmation is a panel of its own above the table.
    await this.page.getByRole('region', { name: /^Återställa säkerhetskopian från/ }).getByRole('button', { name: 'Återställ nu' }).click();
  }

  restoredPanel() {
    return this.page.getByRole('region', { name: 'Säkerhetskopian är återställd' });
  }

  undonePanel() {
    return this.page.getByRole('region', { name: 'Återställningen är ångrad' });
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ångra återställningen' }).click();
  }

  locationWarning() {
    return this.page.getByRole('region', { name: 'Datamappen ligger på en riskabel plats' });
  }
}

/** The start gate when the database is damaged: it lists the backups and restores one. */
export class BackupGate {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Databasen är skadad' });
  }

  async restoreNewest(reason: string): Promise<void> {
    const gate = this.page.getByRole('region', { name: 'Återställ en säkerhetskopia' });
    const row = gate.getByRole('row').filter({ hasText: reason }).first();
    await row.getByRole('button', { name: /^Återställ säkerhetskopian från/ }).click();
    await gate.getByRole('region', { name: /^Återställa säkerhetskopian från/ }).getByRole('button', { name: 'Återställ nu' }).click();
  }
}
