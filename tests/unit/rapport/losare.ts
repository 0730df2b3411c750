// An independent solver for a suppressed table, as a reader who knows the suppression rule would use it: every
// hidden cell is an unknown non-negative integer, "<T" is 1 … T−1, "–" is at least T (a count that was not small),
// every shown number is true, and every line (a row with its row total, a column with its column total) adds up.
// For each hidden cell it asks whether a second value is possible besides the one it is given (the true one, or the
// first it finds). It shares no code with shared/domain/rapport.ts: interval propagation over the line sums and a
// complete branch-and-bound search by halving intervals, so "no second value" is a proof, not a guess.
import type { RapportVarde } from '../../../shared/domain/index';

interface Linje {
  /** Indexes of the unknowns with their coefficient (+1 for a cell, −1 for the line's total). */
  termer: { v: number; k: number }[];
  /** The shown part moved to the other side: Σ k·x = konstant. */
  konstant: number;
}

export interface Losning {
  /** Per hidden cell [row, column] of the full grid (totals included): the values found possible (at most two). */
  celler: { r: number; c: number; mark: string; mojliga: number[] }[];
}

type Intervall = [number, number];

function propagera(linjer: Linje[], dom: Intervall[]): boolean {
  let andrad = true;
  let varv = 0;
  while (andrad) {
    andrad = false;
    if (++varv > 10_000) return true;
    for (const l of linjer) {
      let min = 0;
      let max = 0;
      for (const { v, k } of l.termer) {
        const [lo, hi] = dom[v] as Intervall;
        if (k > 0) {
          min += lo;
          max += hi;
        } else {
          min -= hi;
          max -= lo;
        }
      }
      if (min > l.konstant || max < l.konstant) return false;
      for (const { v, k } of l.termer) {
        const [lo, hi] = dom[v] as Intervall;
        // The rest of the line without this term, and what is left for k·x.
        const restMin = min - (k > 0 ? lo : -hi);
        const restMax = max - (k > 0 ? hi : -lo);
        const kxMin = l.konstant - restMax;
        const kxMax = l.konstant - restMin;
        const nyLo = Math.max(lo, k > 0 ? kxMin : -kxMax);
        const nyHi = Math.min(hi, k > 0 ? kxMax : -kxMin);
        if (nyLo > nyHi) return false;
        if (nyLo !== lo || nyHi !== hi) {
          dom[v] = [nyLo, nyHi];
          andrad = true;
          // Restart with the bounds of this line recomputed.
          break;
        }
      }
    }
  }
  return true;
}

/** A complete search: true when some assignment inside the intervals satisfies every line. */
function finns(linjer: Linje[], start: Intervall[], budget: { kvar: number }): boolean {
  const dom = start.map((d) => [...d] as Intervall);
  if (!propagera(linjer, dom)) return false;
  if (--budget.kvar < 0) throw new Error('lösaren gav upp (för stor sökning)');
  const oppen = dom.findIndex(([lo, hi]) => lo !== hi);
  if (oppen < 0) return true;
  const [lo, hi] = dom[oppen] as Intervall;
  const mitt = Math.floor((lo + hi) / 2);
  const vanster = dom.map((d, i) => (i === oppen ? ([lo, mitt] as Intervall) : d));
  if (finns(linjer, vanster, budget)) return true;
  const hoger = dom.map((d, i) => (i === oppen ? ([mitt + 1, hi] as Intervall) : d));
  return finns(linjer, hoger, budget);
}

/**
 * `grid`: the published table, rows then (when kolumnsumma) the total row; each row ends with its total when radsumma.
 * `tak`: an upper bound for a "–" cell (anything at least as large as the largest true count will do).
 */
export interface LosOpts {
  radsumma: boolean;
  kolumnsumma: boolean;
  troskel: number;
  tak: number;
  /** 'minst' (default): "–" is at least troskel; 'fri': any count. */
  streck?: 'minst' | 'fri';
}

export function losTabell(grid: RapportVarde[][], opts: LosOpts): Losning {
  const { troskel } = opts;
  const hojd = grid.length;
  const bredd = grid[0]?.length ?? 0;
  const okanda: { r: number; c: number; mark: string }[] = [];
  const index = new Map<string, number>();
  const dom: Intervall[] = [];
  grid.forEach((rad, r) =>
    rad.forEach((v, c) => {
      if (typeof v === 'number') return;
      index.set(`${r},${c}`, okanda.length);
      okanda.push({ r, c, mark: v });
      if (v === `<${troskel}`) dom.push([1, troskel - 1]);
      else if (v === '–') dom.push([opts.streck === 'fri' ? 0 : troskel, opts.tak]);
      else throw new Error(`okänt tecken ${v}`);
    }),
  );
  const linjer: Linje[] = [];
  const linje = (celler: [number, number][]) => {
    const l: Linje = { termer: [], konstant: 0 };
    celler.forEach(([r, c], i) => {
      const k = i === celler.length - 1 ? -1 : 1;
      const v = (grid[r] as RapportVarde[])[c] as RapportVarde;
      if (typeof v === 'number') l.konstant -= k * v;
      else l.termer.push({ v: index.get(`${r},${c}`) as number, k });
    });
    linjer.push(l);
  };
  if (opts.radsumma) for (let r = 0; r < hojd; r++) linje(Array.from({ length: bredd }, (_, c) => [r, c]));
  if (opts.kolumnsumma) for (let c = 0; c < bredd; c++) linje(Array.from({ length: hojd }, (_, r) => [r, c]));

  const budget = { kvar: 200_000 };
  const celler = okanda.map((cell, i) => {
    const mojliga: number[] = [];
    // First value: the smallest possible one; second: any value above it.
    let [lo, hi] = dom[i] as Intervall;
    while (lo <= hi && mojliga.length < 2) {
      // Binary search for the smallest feasible value in [lo, hi].
      if (!finns(linjer, dom.map((d, j) => (j === i ? ([lo, hi] as Intervall) : d)), budget)) break;
      let a = lo;
      let b = hi;
      while (a < b) {
        const m = Math.floor((a + b) / 2);
        if (finns(linjer, dom.map((d, j) => (j === i ? ([a, m] as Intervall) : d)), budget)) b = m;
        else a = m + 1;
      }
      mojliga.push(a);
      lo = a + 1;
    }
    return { ...cell, mojliga };
  });
  return { celler };
}

/** The cells a reader can work out exactly (at most one possible value). */
export function bestamda(grid: RapportVarde[][], opts: LosOpts) {
  return losTabell(grid, opts).celler.filter((c) => c.mojliga.length < 2);
}
