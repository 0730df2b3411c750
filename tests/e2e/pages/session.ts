// One browser page against a running host, with every console error and uncaught page error collected, so a
// journey fails when the app logs an error even if the screen looks right. When a test fails, every open page
// is photographed and what had the focus and what the status regions said is printed (see failure.ts), so a
// failure on the CI machine can be read without running it again.
import type { Browser, Page } from 'playwright-core';

export interface Session {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** The pages of the sessions that are open now (read by failure.ts when a test fails). */
export const openPages = new Set<Page>();

export async function openSession(browser: Browser, url: string): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 820 }, locale: 'sv-SE' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  await page.goto(url);
  return {
    page,
    errors,
    close: async () => {
      openPages.delete(page);
      await context.close();
    },
  };
}
