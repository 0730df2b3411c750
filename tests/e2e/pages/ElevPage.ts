// One pupil: details, insatser, "Ny insats" and "Bedöm effekt".
import type { Page } from 'playwright-core';

export interface NyInsats {
  beskrivning: string;
  typ: string;
  forvantadEffekt: string;
}

export class ElevPage {
  constructor(readonly page: Page) {}

  heading(namn: string) {
    return this.page.getByRole('heading', { name: namn, level: 1 });
  }

  insats(beskrivning: string) {
    return this.page.getByRole('article', { name: beskrivning });
  }

  async createInsats(values: NyInsats): Promise<void> {
    await this.page.getByRole('button', { name: 'Ny insats' }).click();
    const form = this.page.getByRole('form', { name: /Ny insats för/ });
    await form.getByLabel('Beskrivning').fill(values.beskrivning);
    await form.getByLabel('Typ av insats').selectOption({ label: values.typ });
    await form.getByLabel('Förväntad effekt').fill(values.forvantadEffekt);
    // The first person in each list; which one does not matter to the journey, that someone is chosen does.
    await form.getByLabel('Genomförs av').selectOption({ index: 1 });
    await form.getByLabel('Återkopplar').selectOption({ index: 2 });
    await form.getByRole('button', { name: 'Spara insatsen' }).click();
    await this.insats(values.beskrivning).waitFor();
  }

  evaluationForm(beskrivning: string) {
    return this.insats(beskrivning).getByRole('form', { name: 'Bedöm effekt' });
  }

  async startEvaluation(beskrivning: string): Promise<void> {
    await this.insats(beskrivning).getByRole('button', { name: 'Bedöm effekt' }).click();
    await this.evaluationForm(beskrivning).waitFor();
  }
}
