// Suppression for the huvudman's year report (shared/domain/rapport.ts): no count 1–4 is ever shown, and no hidden
// cell can be worked out from a total.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLitet, skrubbaText, skyddaTabell, skyddadAndel, skyddatAntal, type RapportVarde } from '../../../shared/domain/index';

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
  it('removes whole-word names and ids, case-insensitively, and leaves other words alone', () => {
    const text = 'Saga Lindqvist (E000104) läser bättre; sagan om Berg och Bergman.';
    expect(skrubbaText(text, ['Saga', 'Lindqvist', 'E000104', 'Berg'])).toBe(
      '[uppgift borttagen] [uppgift borttagen] ([uppgift borttagen]) läser bättre; sagan om [uppgift borttagen] och Bergman.',
    );
    expect(skrubbaText('saga', ['Saga'])).toBe('[uppgift borttagen]');
  });
});
