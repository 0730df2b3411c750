// axe-core in the real page: injected from node_modules, run against the whole document. A critical or serious
// violation is returned as one readable line per rule (rule, impact, the first elements), so a failing test says what.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
// The app's CSP (script-src 'self') refuses an injected <script> tag (page.addScriptTag); an evaluate through the
// DevTools protocol is not subject to it, so the source is evaluated instead.
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

export async function axeViolations(page: Page, what: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE}\n;void 0`);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${what}: ${v.id} (${v.impact}) ${v.help} – ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** How far the main area (or the page) scrolls sideways, in CSS px; 0 when it reflows. */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const doc = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    const inMain = main ? main.scrollWidth - main.clientWidth : 0;
    return Math.max(doc, inMain);
  });
}

/** What has the focus, as "tag name" (accessible name approximated by aria-label, label or text). */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    // The visible text without what is hidden from assistive technology (e.g. the shortcut key beside a label).
    const text = (el: Element | null | undefined): string | null => {
      if (!el) return null;
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden="true"], input, select, textarea').forEach((e) => e.remove());
      return copy.textContent;
    };
    const labelledBy = a.getAttribute('aria-labelledby');
    const label =
      a.getAttribute('aria-label') ??
      (labelledBy ? text(document.getElementById(labelledBy.split(' ')[0] ?? '')) : null) ??
      (a.id ? text(document.querySelector(`label[for="${CSS.escape(a.id)}"]`)) : null) ??
      text(a) ??
      '';
    return `${a.tagName.toLowerCase()} ${label.replace(/\s+/g, ' ').trim()}`.trim();
  });
}
