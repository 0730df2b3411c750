// vitest's expect does not wait like Playwright's test runner does; these helpers wait for what the user would see.
import type { Locator } from 'playwright-core';

const TIMEOUT = 15_000;

/** Waits until the locator's text matches, then returns that text. */
export async function textMatching(locator: Locator, pattern: RegExp, timeout = TIMEOUT): Promise<string> {
  const until = Date.now() + timeout;
  let last = '';
  while (Date.now() < until) {
    last = (await locator.first().textContent({ timeout: 1_000 }).catch(() => null)) ?? '';
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Texten matchade inte ${pattern} inom ${timeout} ms. Senast: "${last}"`);
}

/** "1 200" (with the Swedish thousands separator, a no-break space) → 1200. */
export function parseSwedishNumber(text: string): number {
  return Number(text.replace(/[\s\u00a0\u202f]/g, ''));
}
