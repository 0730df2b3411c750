// One browser page against a running host, with every console error and uncaught page error collected, so a
// journey fails when the app logs an error even if the screen looks right.
import type { Browser, Page } from 'playwright-core';

export interface Session {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export async function openSession(browser: Browser, url: string): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 820 }, locale: 'sv-SE' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return { page, errors, close: () => context.close() };
}
