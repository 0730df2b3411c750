import { launchBrowser } from '../support/browser';
import { callApi, startHost } from '../support/host';
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'h11-'));

const NAV = ['Översikt', 'Elever', 'EHT-möten', 'Förberedelse', 'Register', 'Import', 'Säkerhetskopior', 'Uppföljning', 'Logg och gallring', 'Inställningar'];
async function main() {
  const dataDir = tempDir();
  const [browser, host] = await Promise.all([launchBrowser(), startHost({ dataDir })]);
  await callApi(host, 'demo:open', { size: 's' }); await callApi(host, 'backup:create', {});
  for (const [tag, vp, dsf] of [['320', { width: 320, height: 700 }, 1], ['200', { width: 640, height: 400 }, 2]] as const) {
    const ctx = await browser.newContext({ viewport: vp, deviceScaleFactor: dsf, locale: 'sv-SE' });
    const page = await ctx.newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    for (const n of NAV) {
      try {
        const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
        const toggle = nav.getByRole('button', { name: 'Meny' });
        if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
        await nav.getByRole('button', { name: n }).first().click({ timeout: 5000 });
      } catch (e) { console.log(tag, n, 'click failed', String(e).slice(0, 200)); continue; }
      await page.waitForTimeout(800);
      const m = await page.evaluate(`(() => {
        const main = document.querySelector('main');
        const vw = innerWidth;
        const clipped = (e) => { for (let p = e.parentElement; p && p !== main; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o !== 'visible') return true; } return false; };
        const wide = [...document.querySelectorAll('main *')].filter(e => { const r = e.getBoundingClientRect(); return r.right > vw + 1 && r.width > 0 && !clipped(e); }).slice(0, 6).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
        const anc = []; let t = document.querySelector('main table') || document.querySelector('.plan-verktyg') ; while (t && t !== main) { anc.push(t.tagName + '.' + t.className + ':' + Math.round(t.getBoundingClientRect().width) + '/' + getComputedStyle(t).display); t = t.parentElement; }
        return { anc, doc: document.documentElement.scrollWidth, main: main && main.scrollWidth, mainCW: main && main.clientWidth, vw, wide };
      })()`);
      console.log(tag, n, JSON.stringify(m));
      await page.screenshot({ path: `/tmp/h11/${tag}-${n.slice(0, 8)}.png`, fullPage: false });
    }
    await ctx.close();
  }
  await browser.close();
  await host.stop();
}
void main();
