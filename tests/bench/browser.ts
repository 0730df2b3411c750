// Browser mode as a user meets it: the host process started cold, Chromium opening the printed address, and the
// time until the first useful screen (Översikt with its figures) is on screen.
import { performance } from 'node:perf_hooks';
import { launchBrowser } from '../support/browser';
import { startHost } from '../support/host';
import { line, stats, type BenchLine } from './measure';
import type { BenchSchool } from './school';

export async function coldStartCase(school: BenchSchool, runs: number): Promise<BenchLine[]> {
  const browser = await launchBrowser();
  const total: number[] = [];
  const floor: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const host = await startHost({ dataDir: school.dataDir });
      const page = await browser.newPage();
      await page.goto(host.url);
      await page.getByText('Skolan i siffror').waitFor({ timeout: 60_000 });
      total.push(performance.now() - start);
      // Floor: the same browser fetching a static file from the same host, no app code.
      const fStart = performance.now();
      await page.goto(`${host.baseUrl}favicon.svg`);
      floor.push(performance.now() - fStart);
      await page.close();
      await host.stop();
    }
  } finally {
    await browser.close();
  }
  // Targets: ≤ 1.0 s on m, ≤ 1.5 s on xl (issue 20); other sizes are measured without one.
  const targetMs = school.size === 'm' ? 1000 : school.size === 'xl' ? 1500 : undefined;
  return [line(`browser mode cold start → Översikt on screen (${school.size})`, stats(total), { floor: stats(floor), ...(targetMs ? { targetMs } : {}) })];
}

/** Meeting mode in Chromium: from the agenda's data arriving in the page to the agenda painted (Performance marks). */
export async function agendaOnScreenCase(school: BenchSchool, runs: number): Promise<BenchLine[]> {
  const browser = await launchBrowser();
  const host = await startHost({ dataDir: school.dataDir });
  const samples: number[] = [];
  const click: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.goto(host.url);
      await page.getByText('Skolan i siffror').waitFor({ timeout: 60_000 });
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: /EHT-möten/ }).click();
      const open = page.getByRole('button', { name: 'Öppna mötesläget' });
      await open.waitFor();
      const start = performance.now();
      await open.click();
      await page.getByText(/Insats 1 av \d+/).first().waitFor({ timeout: 30_000 });
      click.push(performance.now() - start);
      // As a string: a function would be serialised with helpers the TypeScript transpiler adds (e.g. __name).
      // The page measures itself (MotePage.tsx): from the data in the page, or the screen opening if the data was
      // fetched ahead, to the first frame painted with the agenda.
      const handle = await page.waitForFunction(`(() => {
        const m = performance.getEntriesByName('varvet:agenda-pa-skarmen')[0];
        return m ? { ms: m.duration } : false;
      })()`);
      const { ms } = (await handle.jsonValue()) as { ms: number };
      samples.push(ms);
      await page.close();
    }
  } finally {
    await host.stop();
    await browser.close();
  }
  return [
    line(`agenda on screen after its data arrives, in Chromium (${school.size})`, stats(samples), { targetMs: 100 }),
    line(`"Öppna mötesläget" → first insats on screen, in Chromium (${school.size})`, stats(click), { targetMs: 1000 }),
  ];
}
