// EHT-möten and meeting mode as the rektor sees them. Every key press goes through press(), which counts the input
// events, so the journey can show how many an evaluation costs.
import type { Page } from 'playwright-core';

export class MotePage {
  presses = 0;
  constructor(readonly page: Page) {}

  async press(key: string): Promise<void> {
    this.presses += 1;
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    this.presses += 1;
    await this.page.keyboard.type(text);
  }

  heading() {
    return this.page.getByRole('heading', { name: 'Mötesläge', level: 1 });
  }

  panel() {
    return this.page.locator('article.mote-panel');
  }

  dagordning() {
    return this.page.getByRole('navigation', { name: 'Dagordning' });
  }

  progress() {
    return this.dagordning().getByRole('button', { name: /^Insatser/ });
  }

  utredningarKnapp() {
    return this.dagordning().getByRole('button', { name: /^Utredningar/ });
  }

  sparstatus() {
    return this.page.locator('.mote-spar');
  }

  kandidat(namn: string) {
    return this.page.getByRole('article', { name: namn });
  }

  async decideInled(namn: string): Promise<void> {
    const k = this.kandidat(namn);
    await k.getByRole('radio', { name: 'Inled utredning' }).check();
    await k.getByRole('button', { name: 'Spara utredningsbeslut' }).click();
  }

  async decideInteNu(namn: string, motivering: string): Promise<void> {
    const k = this.kandidat(namn);
    await k.getByRole('radio', { name: 'Inte nu' }).check();
    await k.getByLabel('Motivering').fill(motivering);
    await k.getByRole('button', { name: 'Spara utredningsbeslut' }).click();
  }
}
