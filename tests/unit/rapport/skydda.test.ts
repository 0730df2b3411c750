// Suppression for the huvudman's year report (shared/domain/rapport.ts): no count 1–4 is ever shown, and no hidden
// cell can be worked out from a total.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLitet, skrubbaText, skyddaTabell, skyddadAndel, skyddatAntal, type RapportVarde } from '../../../shared/domain/index';
import { bestamda, losTabell } from './losare';

/** Every line of the shown grid: a row with its total, a column with its total. */
function lines(t: { rader: RapportVarde[][]; summa: RapportVarde[] | null }, radsumma: boolean, kolumnsumma: boolean): RapportVarde[][] {
  const grid = [...t.rader, ...(t.summa ? [t.summa] : [])];
  const out: RapportVarde[][] = [];
  if (radsumma) out.push(...grid);
  if (kolumnsumma) {
    const width = grid[0]?.length ?? 0;
    for (let c = 0; c < width; c++) out.push(grid.map((r) => r[c] as RapportVarde));
  }
  return out;
}

describe('skyddaTabell', () => {
  it('shows counts of 5 and more and 0, hides 1–4 as "<5" and computes the totals itself', () => {
    const t = skyddaTabell(
      [
        [12, 0, 7],
        [6, 9, 5],
      ],
      { radsumma: true, kolumnsumma: true },
    );
    expect(t.rader).toEqual([
      [12, 0, 7, 19],
      [6, 9, 5, 20],
    ]);
    expect(t.summa).toEqual([18, 9, 12, 39]);
  });

  it('hides a second cell when one small cell could be taken from the row total (secondary suppression)', () => {
    // [3, 10, 8 | 21]: with only the 3 hidden, 21 − 10 − 8 gives it back; the 8 is hidden too.
    const t = skyddaTabell([[3, 10, 8]], { radsumma: true, kolumnsumma: false });
    expect(t.rader[0]).toEqual(['<5', 10, '–', 21]);
  });

  it('never hides a zero as the second cell (that would give the small one back) but the total', () => {
    // [3, 0 | 3]: the total is small itself and hidden.
    expect(skyddaTabell([[3, 0]], { radsumma: true, kolumnsumma: false }).rader[0]).toEqual(['<5', 0, '<5']);
  });

  it('uses the configured threshold', () => {
    expect(skyddaTabell([[6, 12]], { radsumma: false, kolumnsumma: false, troskel: 10 }).rader[0]).toEqual(['<10', 12]);
    expect(skyddatAntal(4)).toBe('<5');
    expect(skyddatAntal(5)).toBe(5);
    expect(skyddatAntal(0)).toBe(0);
  });

  it('property: no shown number is a small count, shown numbers are true, and no line has exactly one hidden cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(30), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 2, max: 10 }),
        (raw, radsumma, kolumnsumma, troskel) => {
          const width = Math.max(...raw.map((r) => r.length));
          const varden = raw.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 0));
          const t = skyddaTabell(varden, { radsumma, kolumnsumma, troskel });
          const shown = [...t.rader.flat(), ...(t.summa ?? [])];
          for (const v of shown) {
            if (typeof v === 'number') expect(isLitet(v, troskel)).toBe(false);
            else expect([`<${troskel}`, '–']).toContain(v);
          }
          varden.forEach((rad, r) =>
            rad.forEach((v, c) => {
              const s = t.rader[r]?.[c];
              if (typeof s === 'number') expect(s).toBe(v);
              else expect(v === 0).toBe(false);
            }),
          );
          for (const line of lines(t, radsumma, kolumnsumma)) {
            expect(line.filter((v) => typeof v === 'string').length).not.toBe(1);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** A table of counts where small ones are common: 0, 1 … troskel−1, or up to 40. */
function tabellArb(troskel: number) {
  const antal = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: troskel - 1 }), fc.integer({ min: troskel, max: 40 }));
  return fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
    .chain(([h, w]) => fc.array(fc.array(antal, { minLength: w, maxLength: w }), { minLength: h, maxLength: h }));
}

const tabellMedSummor = (t: { rader: RapportVarde[][]; summa: RapportVarde[] | null }) => [...t.rader, ...(t.summa ? [t.summa] : [])];

describe('skyddaTabell against a reader who knows the rule', () => {
  it('the independent solver works out the hidden cells of a table protected only line by line', () => {
    // [1, 7 | 8] / [6, 5 | 11] / [7 | 12 | 19]: both 1 and the column total 7 hidden, 5 hidden with 11 … a reader
    // solving the lines together still gets 1 back. The solver must see that (else the property below proves nothing).
    const grid: RapportVarde[][] = [
      ['<5', 7, '–'],
      [6, '–', 11],
      ['–', 12, 19],
    ];
    const losta = bestamda(grid, { radsumma: true, kolumnsumma: true, troskel: 5, tak: 100 });
    expect(losta.map((c) => [c.r, c.c, c.mojliga])).toContainEqual([0, 0, [1]]);
    // And it finds two values where there are two.
    const fri = losTabell([['<5', '<5', 5]], { radsumma: true, kolumnsumma: false, troskel: 5, tak: 100 });
    expect(fri.celler.map((c) => c.mojliga)).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });

  it('keeps the audit\'s tables safe: the decisions table whose every small cell could be worked out', () => {
    const varden = [
      [7, 11, 0],
      [6, 4, 0],
      [0, 3, 0],
      [3, 4, 0],
      [1, 4, 0],
    ];
    const t = skyddaTabell(varden, { radsumma: true, kolumnsumma: true });
    expect(bestamda(tabellMedSummor(t), { radsumma: true, kolumnsumma: true, troskel: 5, tak: 100 })).toEqual([]);
    expect(t.summa?.at(-1)).toBe(43);
  });

  /** The full grid of true values, totals included, in the shape skyddaTabell shows it. */
  function sanna(varden: number[][], radsumma: boolean, kolumnsumma: boolean): number[][] {
    const rader = varden.map((r) => (radsumma ? [...r, r.reduce((a, b) => a + b, 0)] : [...r]));
    if (!kolumnsumma) return rader;
    const bredd = rader[0]?.length ?? 0;
    return [...rader, Array.from({ length: bredd }, (_, c) => rader.reduce((a, r) => a + (r[c] as number), 0))];
  }

  it('property: every hidden cell has at least two values consistent with everything shown (fast-check, brute force)', () => {
    let medStreckForLitet = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }).chain((troskel) => fc.tuple(fc.constant(troskel), tabellArb(troskel), fc.boolean(), fc.boolean(), fc.boolean())),
        ([troskel, varden, radsumma, kolumnsumma, medBehall]) => {
          const t = skyddaTabell(varden, { radsumma, kolumnsumma, troskel, ...(medBehall ? { behallRader: [0, 1] } : {}) });
          const grid = tabellMedSummor(t);
          const facit = sanna(varden, radsumma, kolumnsumma);
          const tak = (facit.flat().reduce((a, b) => Math.max(a, b), 0) + troskel) * 2;
          const fall = JSON.stringify({ varden, radsumma, kolumnsumma, troskel, grid });
          // The weaker reading ("–" is any count) must always leave two values or more.
          for (const cell of losTabell(grid, { radsumma, kolumnsumma, troskel, tak, streck: 'fri' }).celler) {
            expect(cell.mojliga.length, `cell ${cell.r},${cell.c} (${cell.mark}), "–" any count, in ${fall}`).toBeGreaterThanOrEqual(2);
          }
          // The stronger reading ("–" is at least troskel) holds whenever every "–" really is: small counts shown
          // as "–" are the last resort where small counts pin each other down.
          const streckForLitet = grid.some((rad, r) => rad.some((v, c) => v === '–' && ((facit[r] as number[])[c] as number) < troskel));
          if (streckForLitet) {
            medStreckForLitet++;
            return;
          }
          for (const cell of losTabell(grid, { radsumma, kolumnsumma, troskel, tak }).celler) {
            expect(cell.mojliga.length, `cell ${cell.r},${cell.c} (${cell.mark}), "–" ≥ troskel, in ${fall}`).toBeGreaterThanOrEqual(2);
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(medStreckForLitet).toBeLessThan(150);
  });

  it('shows a small count as "–" only when small counts pin each other down: four 1s and the total 4', () => {
    const t = skyddaTabell([[1, 1, 1, 1]], { radsumma: true, kolumnsumma: false });
    expect(t.rader[0]?.filter((v) => v === '–').length).toBeGreaterThan(0);
    expect(bestamda(t.rader, { radsumma: true, kolumnsumma: false, troskel: 5, tak: 50, streck: 'fri' })).toEqual([]);
    // Three 1s: each can be 1 or 2 within a total below 5, so "<5" stays.
    expect(skyddaTabell([[1, 1, 1]], { radsumma: true, kolumnsumma: false }).rader[0]).toEqual(['<5', '<5', '<5', '<5']);
  });

  it('keeps the grand total in most tables', () => {
    let dold = 0;
    fc.assert(
      fc.property(tabellArb(5), (varden) => {
        const total = varden.flat().reduce((a, b) => a + b, 0);
        const t = skyddaTabell(varden, { radsumma: true, kolumnsumma: true });
        if (total >= 5 && t.summa?.at(-1) !== total) dold++;
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(dold).toBeLessThan(30);
  });
});

describe('skyddadAndel', () => {
  it('shows a share only when it reveals no small count', () => {
    expect(skyddadAndel(10, 20)).toBe('50 %');
    expect(skyddadAndel(0, 20)).toBe('0 %');
    expect(skyddadAndel(3, 20)).toBe('–');
    expect(skyddadAndel(18, 20)).toBe('–');
    expect(skyddadAndel(4, 4)).toBe('–');
  });
});

describe('skrubbaText', () => {
  it('removes whole-word names and ids and leaves other words alone', () => {
    const text = 'Saga Lindqvist (E000104) läser bättre; sagan om Berg och Bergman.';
    expect(skrubbaText(text, { namn: ['Saga', 'Lindqvist', 'Berg'], fullaNamn: ['Saga Lindqvist'], id: ['E000104'] })).toBe(
      '[uppgift borttagen] ([uppgift borttagen]) läser bättre; sagan om [uppgift borttagen] och Bergman.',
    );
    expect(skrubbaText('Saga', { namn: ['Saga'] })).toBe('[uppgift borttagen]');
  });

  it('does not remove ordinary words that are also names: a staff member called Per', () => {
    const ord = { namn: ['Per', 'Andersson', 'Berg'], fullaNamn: ['Per Andersson'], id: ['E000104'] };
    expect(skrubbaText('Mer tid per elev', ord)).toBe('Mer tid per elev');
    expect(skrubbaText('Lite mer tid per elev, och berg av uppgifter', ord)).toBe('Lite mer tid per elev, och berg av uppgifter');
    // Capitalised names go, also in the genitive; full names and ids in any case and spacing.
    expect(skrubbaText('Per ansvarar för Pers plan och Per:s uppföljning', ord)).toBe(
      '[uppgift borttagen] ansvarar för [uppgift borttagen] plan och [uppgift borttagen]:s uppföljning',
    );
    expect(skrubbaText('Bergs klass, Persson', ord)).toBe('[uppgift borttagen] klass, Persson');
    expect(skrubbaText('enligt per  andersson och PER ANDERSSON', ord)).toBe('enligt [uppgift borttagen] och [uppgift borttagen]');
    expect(skrubbaText('elev e000104', ord)).toBe('elev [uppgift borttagen]');
    // A name stored in lower case is still caught when written capitalised.
    expect(skrubbaText('Enligt de Vries och De Vries', { namn: ['de Vries'] })).toBe('Enligt [uppgift borttagen] och [uppgift borttagen]');
  });
});
