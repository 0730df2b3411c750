// EHT-möten and meeting mode as the rektor sees them. The input events are counted in the page itself: a listener
// installed before the app's own (capture phase on window) counts every trusted keydown and mousedown the page
// receives, so the journey shows what an evaluation costs the user, whatever our helpers do.
import type { Page } from 'playwright-core';

const RAKNARE = () => {
  const w = window as unknown as { __varvetInput?: { keydown: number; mousedown: number } };
  if (w.__varvetInput) return;
  const n = { keydown: 0, mousedown: 0 };
  w.__varvetInput = n;
  window.addEventListener('keydown', (e) => { if (e.isTrusted && !e.repeat) n.keydown += 1; }, { capture: true });
  window.addEventListener('mousedown', (e) => { if (e.isTrusted) n.mousedown += 1; }, { capture: true });
};

export class MotePage {
  constructor(readonly page: Page) {}

  /** Installs the counter in this page and in every page loaded later (a reload after the host restarted). */
  async countInputs(): Promise<void> {
    await this.page.addInitScript(RAKNARE);
    await this.page.evaluate(RAKNARE);
  }

  /** Input events (keydown + mousedown) the page has received since it was loaded. */
  async inputs(): Promise<number> {
    return this.page.evaluate(() => {
      const n = (window as unknown as { __varvetInput?: { keydown: number; mousedown: number } }).__varvetInput;
      if (!n) throw new Error('Räknaren av inmatningar är inte installerad.');
      return n.keydown + n.mousedown;
    });
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** "Insats 4 av 30": the panel's position line. */
  position() {
    return this.panel().locator('.mote-panel-header .eyebrow');
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
