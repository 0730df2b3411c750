// Setup file of the e2e project: when a test fails, each open page is saved as a screenshot and the element with
// the focus, the status regions and the alerts are printed next to the failure.
import { afterEach } from 'vitest';
import { shotPath } from '../../support/browser';
import { openPages } from './session';

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  let n = 0;
  for (const page of openPages) {
    n += 1;
    const name = `FAILED-${ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-${n}`;
    try {
      await page.screenshot({ path: shotPath(name), timeout: 5_000 });
      const state = await page.evaluate(`(() => {
        const a = document.activeElement;
        const label = a ? (a.getAttribute('aria-label') || a.id || a.textContent || '').slice(0, 80) : '';
        const texts = (sel) => [...document.querySelectorAll(sel)].map((e) => (e.textContent || '').trim()).filter(Boolean);
        return { focus: a ? a.tagName + ' ' + label : 'ingen', status: texts('[role=status]'), alerts: texts('[role=alert]'), url: location.hash };
      })()`);
      console.error(`Misslyckat test "${ctx.task.name}": skärmbild ${shotPath(name)}\n${JSON.stringify(state, null, 2)}`);
    } catch (error) {
      console.error(`Kunde inte fotografera sidan efter felet: ${String(error)}`);
    }
  }
});
