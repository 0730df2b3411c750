// Översikt: school, läsår, current varv and the counts.
import type { Page } from 'playwright-core';
import { parseSwedishNumber } from './poll';

export const COUNT_LABELS = ['Elever', 'Personal', 'Grupper', 'Aktiva insatser', 'Bedömningar', 'Pågående utredningar'] as const;
export type CountLabel = (typeof COUNT_LABELS)[number];

export class OversiktPage {
  constructor(readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Skolan i siffror' }).waitFor();
  }

  schoolHeading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  currentVarv() {
    return this.page.getByRole('region', { name: /Aktuellt varv/ });
  }

  varvTable() {
    return this.page.getByRole('table', { name: 'Läsårets varv' });
  }

  async count(label: CountLabel): Promise<number> {
    const item = this.page.getByRole('listitem', { name: new RegExp(`^${label}: `) });
    const name = (await item.getAttribute('aria-label')) ?? '';
    return parseSwedishNumber(name.slice(label.length + 2));
  }
}
